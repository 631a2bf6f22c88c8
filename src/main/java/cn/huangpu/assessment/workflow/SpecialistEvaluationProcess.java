package cn.huangpu.assessment.workflow;

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

    public static String businessKey(Long campaignId, String evaluatorCode) {
        return campaignId + "/" + evaluatorCode;
    }
}
