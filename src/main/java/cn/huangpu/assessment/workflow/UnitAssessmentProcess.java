package cn.huangpu.assessment.workflow;

/** Names of processes/UnitAssessment.bpmn: one unit's self-check and its online verification. */
public final class UnitAssessmentProcess {

    public static final String KEY = "UnitAssessment";

    public static final String SUBMIT_SELF_CHECK = "UserTask_SubmitSelfCheck";
    /** Calls processes/Deadline.bpmn beside the self-check task; its chase task is {@link DeadlineProcess#CHASE}. */
    public static final String DEADLINE = "CallActivity_SelfCheckDeadline";
    public static final String CLOSED = "BoundaryEvent_SelfCheckClosed";
    public static final String CHECK_EVIDENCE_LINKS = "ServiceTask_CheckEvidenceLinks";
    public static final String VERIFY = "UserTask_VerifySelfCheck";
    public static final String RECORD_READY = "ServiceTask_RecordUnitReady";
    public static final String END_READY = "EndEvent_UnitReady";

    public static final String UNIT_CODE = "unitCode";
    public static final String UNIT_GROUP = "unitGroup";

    private UnitAssessmentProcess() {
    }

    /** Business key of a unit's instance: campaign id and unit code. */
    public static String businessKey(Long campaignId, String unitCode) {
        return campaignId + "/" + unitCode;
    }
}
