package cn.huangpu.assessment.workflow;

/** Names of processes/SpecialistEvaluation.bpmn: one specialist evaluator's delivery. */
public final class SpecialistEvaluationProcess {

    public static final String KEY = "SpecialistEvaluation";

    public static final String DELIVER = "UserTask_DeliverEvaluation";
    public static final String REMINDER_7 = "BoundaryEvent_EvaluationReminder7";
    public static final String REMINDER_1 = "BoundaryEvent_EvaluationReminder1";
    public static final String DUE = "BoundaryEvent_EvaluationDue";
    public static final String CHASE = "UserTask_ChaseEvaluation";
    public static final String RECORD_READY = "ServiceTask_RecordEvaluationReady";
    public static final String END_READY = "EndEvent_EvaluationReady";

    public static final String EVALUATOR_CODE = "evaluatorCode";
    public static final String EVALUATOR_GROUP = "evaluatorGroup";

    private SpecialistEvaluationProcess() {
    }

    public static String businessKey(Long campaignId, String evaluatorCode) {
        return campaignId + "/" + evaluatorCode;
    }
}
