package cn.huangpu.assessment.support;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * Runs due jobs the way the job executor would, but in the test's thread, until none is left. Timers
 * not yet due stay; move the engine clock ({@code ClockUtil}) to make them due.
 */
@Component
public class ProcessDriver {

    private final ManagementService managementService;

    public ProcessDriver(ManagementService managementService) {
        this.managementService = managementService;
    }

    /** Executes due jobs until there are none; returns how many ran. A failing job fails the test. */
    public int runJobs() {
        int ran = 0;
        for (int pass = 0; pass < 10_000; pass++) {
            List<Job> due = managementService.createJobQuery().executable().listPage(0, 200);
            if (due.isEmpty()) {
                return ran;
            }
            for (Job job : due) {
                managementService.executeJob(job.getId());
                ran++;
            }
        }
        throw new IllegalStateException("Jobs keep coming: a loop in the models?");
    }
}
