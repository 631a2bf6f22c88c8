package cn.huangpu.assessment.campaign.process;

import cn.huangpu.assessment.directory.ReferenceData;
import cn.huangpu.assessment.notification.Notification;
import cn.huangpu.assessment.security.Groups;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.SpecialistEvaluationProcess;
import cn.huangpu.assessment.workflow.UnitAssessmentProcess;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.task.Task;

/** Whose deadline a reminder, overdue notice or chase is about: a unit's self-check or an evaluator's delivery. */
record DeadlineSubject(Long campaignId, String unitCode, String evaluatorCode, Instant due) {

    static DeadlineSubject of(VariableScope scope) {
        return of(scope.getVariables());
    }

    static DeadlineSubject of(Map<String, Object> variables) {
        Long campaignId = (Long) variables.get(CampaignProcess.CAMPAIGN_ID);
        String unitCode = (String) variables.get(UnitAssessmentProcess.UNIT_CODE);
        String evaluatorCode = (String) variables.get(SpecialistEvaluationProcess.EVALUATOR_CODE);
        Date due = (Date) variables.get(unitCode != null ? CampaignProcess.SELF_CHECK_DUE : CampaignProcess.SPECIALIST_DUE);
        return new DeadlineSubject(campaignId, unitCode, evaluatorCode, due.toInstant());
    }

    boolean isUnit() {
        return unitCode != null;
    }

    String code() {
        return isUnit() ? unitCode : evaluatorCode;
    }

    String group() {
        return isUnit() ? Groups.unit(unitCode) : Groups.evaluator(evaluatorCode);
    }

    String dueVariable() {
        return isUnit() ? CampaignProcess.SELF_CHECK_DUE : CampaignProcess.SPECIALIST_DUE;
    }

    /** "外滩街道的自查" or "区财政局（专项评估）的专项评估结果". */
    String describe(ReferenceData referenceData) {
        return isUnit()
                ? referenceData.unitName(unitCode) + "的自查"
                : referenceData.evaluatorName(evaluatorCode) + "的专项评估结果";
    }

    /**
     * Where a notice about this deadline points: the open task it is about (the boundary timers that send
     * the notices are attached to it), and the page where that task's work is done.
     */
    Notification.Link link(DelegateExecution execution) {
        String taskKey = isUnit() ? UnitAssessmentProcess.SUBMIT_SELF_CHECK : SpecialistEvaluationProcess.DELIVER;
        String taskId = execution.getProcessEngineServices().getTaskService().createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(taskKey).active().list()
                .stream().map(Task::getId).findFirst().orElse(null);
        return Notification.Link.task(taskId, isUnit() ? "/app/self-check/" + campaignId + "/" + unitCode
                : "/app/evaluation/" + campaignId + "/" + evaluatorCode);
    }
}
