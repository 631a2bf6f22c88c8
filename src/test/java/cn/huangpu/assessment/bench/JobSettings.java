package cn.huangpu.assessment.bench;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The job executor settings the application runs with (read from its context), so that the bare
 * engine runs with exactly the same threads, acquisition batch and back-off.
 */
record JobSettings(int corePoolSize, int maxPoolSize, int queueCapacity, int maxJobsPerAcquisition,
                   int waitTimeInMillis, long maxWait, int lockTimeInMillis) {

    static JobSettings of(ApplicationContext context, ProcessEngine engine) {
        JobExecutor jobs = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        ThreadPoolTaskExecutor pool = context.getBean("camundaTaskExecutor", ThreadPoolTaskExecutor.class);
        return new JobSettings(pool.getCorePoolSize(), pool.getMaxPoolSize(), pool.getQueueCapacity(),
                jobs.getMaxJobsPerAcquisition(), jobs.getWaitTimeInMillis(), jobs.getMaxWait(), jobs.getLockTimeInMillis());
    }

    DefaultJobExecutor newJobExecutor() {
        DefaultJobExecutor executor = new DefaultJobExecutor();
        executor.setCorePoolSize(corePoolSize);
        executor.setMaxPoolSize(maxPoolSize);
        executor.setQueueSize(queueCapacity);
        executor.setMaxJobsPerAcquisition(maxJobsPerAcquisition);
        executor.setWaitTimeInMillis(waitTimeInMillis);
        executor.setMaxWait(maxWait);
        executor.setLockTimeInMillis(lockTimeInMillis);
        return executor;
    }

    @Override
    public String toString() {
        return "threads " + corePoolSize + "–" + maxPoolSize + ", queue " + queueCapacity + ", " + maxJobsPerAcquisition
                + " jobs per acquisition, idle wait " + waitTimeInMillis + "–" + maxWait + " ms";
    }
}
