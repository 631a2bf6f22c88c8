package cn.huangpu.assessment.support;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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
        return runJobsExcept(null);
    }

    /** As {@link #runJobs()}, leaving the jobs of one activity (for a test that runs that one itself). */
    public int runJobsExcept(String activityId) {
        int ran = 0;
        for (int pass = 0; pass < 10_000; pass++) {
            Set<String> left = activityId == null ? Set.of()
                    : managementService.createJobQuery().activityId(activityId).list().stream().map(Job::getId)
                            .collect(Collectors.toSet());
            List<Job> due = managementService.createJobQuery().executable().listPage(0, 200).stream()
                    .filter(job -> !left.contains(job.getId())).toList();
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
