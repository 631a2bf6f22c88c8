package cn.huangpu.assessment.dashboard.process;

import cn.huangpu.assessment.dashboard.OpenTasks;
import cn.huangpu.assessment.workflow.SpecialistEvaluationProcess;
import cn.huangpu.assessment.workflow.UnitAssessmentProcess;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * Finds a unit's or evaluator's open task by its instance's variables (campaign id and code), not by the business
 * key: that carries the name the unit had at launch.
 */
@Component
class EngineOpenTasks implements OpenTasks {

    private final TaskService taskService;

    EngineOpenTasks(TaskService taskService) {
        this.taskService = taskService;
    }

    @Override
    public Optional<String> selfCheck(Long campaignId, String unitCode) {
        return newest(UnitAssessmentProcess.tasks(taskService, campaignId, unitCode)
                .taskDefinitionKey(UnitAssessmentProcess.SUBMIT_SELF_CHECK));
    }

    @Override
    public Optional<String> evaluation(Long campaignId, String evaluatorCode) {
        return newest(SpecialistEvaluationProcess.tasks(taskService, campaignId, evaluatorCode)
                .taskDefinitionKey(SpecialistEvaluationProcess.DELIVER));
    }

    private static Optional<String> newest(TaskQuery query) {
        // one such task is open at a time; newest first keeps the answer defined should there be two
        return query.active().orderByTaskCreateTime().desc().listPage(0, 1).stream().map(Task::getId).findFirst();
    }
}
