package cn.huangpu.assessment.dashboard.process;

import cn.huangpu.assessment.dashboard.OpenTasks;
import cn.huangpu.assessment.workflow.SpecialistEvaluationProcess;
import cn.huangpu.assessment.workflow.UnitAssessmentProcess;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Finds a unit's or evaluator's open task by its process instance's business key (campaign and code). */
@Component
class EngineOpenTasks implements OpenTasks {

    private final TaskService taskService;

    EngineOpenTasks(TaskService taskService) {
        this.taskService = taskService;
    }

    @Override
    public Optional<String> selfCheck(Long campaignId, String unitCode) {
        return open(UnitAssessmentProcess.KEY, UnitAssessmentProcess.businessKey(campaignId, unitCode),
                UnitAssessmentProcess.SUBMIT_SELF_CHECK);
    }

    @Override
    public Optional<String> evaluation(Long campaignId, String evaluatorCode) {
        return open(SpecialistEvaluationProcess.KEY, SpecialistEvaluationProcess.businessKey(campaignId, evaluatorCode),
                SpecialistEvaluationProcess.DELIVER);
    }

    private Optional<String> open(String processKey, String businessKey, String taskKey) {
        // one such task is open at a time; newest first keeps the answer defined should there be two
        return taskService.createTaskQuery().processDefinitionKey(processKey).processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(taskKey).active().orderByTaskCreateTime().desc().listPage(0, 1).stream()
                .map(Task::getId).findFirst();
    }
}
