package cn.huangpu.assessment.support;

import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.DeadlineProcess;
import cn.huangpu.assessment.workflow.SpecialistEvaluationProcess;
import cn.huangpu.assessment.workflow.UnitAssessmentProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * Finds a campaign's, unit's or evaluator's instances and tasks by their variables (campaign id and code), the
 * way the application does. Business keys carry names as they were at launch and are for people reading
 * Cockpit: a test that rebuilds one finds nothing once a name changes, and a key prefix ("1%") also matches
 * campaign 10.
 */
public final class ProcessLookup {

    private ProcessLookup() {
    }

    /** A unit's tasks in the campaign (add the activity, e.g. {@code .taskDefinitionKey(...)}). */
    public static TaskQuery unitTasks(TaskService taskService, Long campaignId, String unitCode) {
        return UnitAssessmentProcess.tasks(taskService, campaignId, unitCode);
    }

    /** An evaluator's tasks in the campaign. */
    public static TaskQuery evaluatorTasks(TaskService taskService, Long campaignId, String evaluatorCode) {
        return SpecialistEvaluationProcess.tasks(taskService, campaignId, evaluatorCode);
    }

    /** The campaign's own tasks (comprehensive evaluation, approval). */
    public static TaskQuery campaignTasks(TaskService taskService, Long campaignId) {
        return CampaignProcess.tasks(taskService, campaignId);
    }

    /** The unit's open task of that activity in the campaign, or null. */
    public static Task unitTask(TaskService taskService, Long campaignId, String unitCode, String taskKey) {
        return UnitAssessmentProcess.tasks(taskService, campaignId, unitCode).taskDefinitionKey(taskKey).singleResult();
    }

    /** The evaluator's open task of that activity in the campaign, or null. */
    public static Task evaluatorTask(TaskService taskService, Long campaignId, String evaluatorCode, String taskKey) {
        return SpecialistEvaluationProcess.tasks(taskService, campaignId, evaluatorCode).taskDefinitionKey(taskKey)
                .singleResult();
    }

    /** The campaign's open task of that activity, or null. */
    public static Task campaignTask(TaskService taskService, Long campaignId, String taskKey) {
        return CampaignProcess.tasks(taskService, campaignId).taskDefinitionKey(taskKey).singleResult();
    }

    /** Tasks of the Deadline instances about one unit or evaluator (its code) in the campaign. */
    public static TaskQuery deadlineTasks(TaskService taskService, Long campaignId, String subjectCode) {
        return taskService.createTaskQuery().processDefinitionKey(DeadlineProcess.KEY)
                .processVariableValueEquals(CampaignProcess.CAMPAIGN_ID, campaignId)
                .processVariableValueEquals(DeadlineProcess.SUBJECT_CODE, subjectCode);
    }

    /** The unit's running instance in the campaign, or null. */
    public static ProcessInstance unitInstance(RuntimeService runtimeService, Long campaignId, String unitCode) {
        return unitInstances(runtimeService, campaignId)
                .variableValueEquals(UnitAssessmentProcess.UNIT_CODE, unitCode).singleResult();
    }

    /** The evaluator's running instance in the campaign, or null. */
    public static ProcessInstance evaluatorInstance(RuntimeService runtimeService, Long campaignId, String evaluatorCode) {
        return evaluatorInstances(runtimeService, campaignId)
                .variableValueEquals(SpecialistEvaluationProcess.EVALUATOR_CODE, evaluatorCode).singleResult();
    }

    /** The running unit instances of the campaign. */
    public static ProcessInstanceQuery unitInstances(RuntimeService runtimeService, Long campaignId) {
        return instances(runtimeService, UnitAssessmentProcess.KEY, campaignId);
    }

    /** The running evaluator instances of the campaign. */
    public static ProcessInstanceQuery evaluatorInstances(RuntimeService runtimeService, Long campaignId) {
        return instances(runtimeService, SpecialistEvaluationProcess.KEY, campaignId);
    }

    /** The campaign's running instance(s): one, or none once published. */
    public static ProcessInstanceQuery campaignInstances(RuntimeService runtimeService, Long campaignId) {
        return instances(runtimeService, CampaignProcess.KEY, campaignId);
    }

    /** The running instances of the campaign across its process and the units', evaluators' and deadlines'. */
    public static ProcessInstanceQuery allInstances(RuntimeService runtimeService, Long campaignId) {
        return runtimeService.createProcessInstanceQuery().variableValueEquals(CampaignProcess.CAMPAIGN_ID, campaignId);
    }

    private static ProcessInstanceQuery instances(RuntimeService runtimeService, String processKey, Long campaignId) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey)
                .variableValueEquals(CampaignProcess.CAMPAIGN_ID, campaignId);
    }
}
