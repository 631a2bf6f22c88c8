package cn.huangpu.assessment.workflow;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;

/** Names of processes/SpecialistEvaluation.bpmn: one specialist evaluator's delivery. */
public final class SpecialistEvaluationProcess {

    public static final String KEY = "SpecialistEvaluation";

    public static final String DELIVER = "UserTask_DeliverEvaluation";
    /** Calls processes/Deadline.bpmn beside the delivery task; its chase task is {@link DeadlineProcess#CHASE}. */
    public static final String DEADLINE = "CallActivity_EvaluationDeadline";
    public static final String CLOSED = "BoundaryEvent_EvaluationClosed";
    public static final String RECORD_READY = "ServiceTask_RecordEvaluationReady";
    public static final String END_READY = "EndEvent_EvaluationReady";

    public static final String EVALUATOR_CODE = "evaluatorCode";
    public static final String EVALUATOR_GROUP = "evaluatorGroup";

    private SpecialistEvaluationProcess() {
    }

    /**
     * Business key of an evaluator's instance as Cockpit shows it, e.g. {@code 2023年度/区财政局}. Set once at
     * launch; names may change later, so nothing looks an instance up by a rebuilt key: {@link #tasks} goes
     * by the variables.
     */
    public static String businessKey(int campaignYear, String evaluatorName) {
        return campaignYear + "年度/" + evaluatorName;
    }

    /** An evaluator's tasks in a campaign, by the instance's variables (never by a rebuilt business key). */
    public static TaskQuery tasks(TaskService taskService, Long campaignId, String evaluatorCode) {
        return taskService.createTaskQuery().processDefinitionKey(KEY)
                .processVariableValueEquals(CampaignProcess.CAMPAIGN_ID, campaignId)
                .processVariableValueEquals(EVALUATOR_CODE, evaluatorCode);
    }
}
