package cn.huangpu.assessment.workflow;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.TreeSet;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The engine's work as gauges (README, "Metrics"): open tasks per stage, and the job backlog (due and failed jobs). Each gauge is one
 * count query through the engine's public query API, run when the metrics are scraped, over every node's work
 * (the tables are shared). Queries run without an authenticated user, so the engine's authorizations do not
 * narrow them: the endpoint itself is for administrators only.
 */
@Component
class EngineMetrics {

    private final MeterRegistry registry;
    private final RepositoryService repositoryService;
    private final TaskService taskService;
    private final ManagementService managementService;

    EngineMetrics(MeterRegistry registry, RepositoryService repositoryService, TaskService taskService,
                  ManagementService managementService) {
        this.registry = registry;
        this.repositoryService = repositoryService;
        this.taskService = taskService;
        this.managementService = managementService;
    }

    /**
     * Registered once the models are deployed (workflow/internal/ModelDeployer is an application runner), so that
     * every stage of the deployed models has its gauge, also at 0 before the first task of it exists.
     */
    @EventListener(ApplicationReadyEvent.class)
    void register() {
        for (String stage : userTaskIds()) {
            Gauge.builder("assessment.tasks.open", () -> taskService.createTaskQuery().taskDefinitionKey(stage).count())
                    .description("Open user tasks per stage (task definition key), all campaigns")
                    .tag("stage", stage)
                    .register(registry);
        }
        Gauge.builder("assessment.jobs.executable", () -> managementService.createJobQuery().executable().count())
                .description("Jobs due now with retries left: the job executors' backlog (timers, async steps)")
                .register(registry);
        // Failed jobs, not incidents: the engine repeats a called instance's incident (a Deadline's) on its caller,
        // so one failure is two incidents; the application has no other kind of incident (no external tasks).
        Gauge.builder("assessment.jobs.failed", () -> managementService.createJobQuery().noRetriesLeft().count())
                .description("Jobs that failed with no retries left, each an incident in Cockpit until retried")
                .register(registry);
    }

    private Collection<String> userTaskIds() {
        Collection<String> ids = new TreeSet<>();
        for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
            repositoryService.getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class)
                    .forEach(task -> ids.add(task.getId()));
        }
        return ids;
    }
}
