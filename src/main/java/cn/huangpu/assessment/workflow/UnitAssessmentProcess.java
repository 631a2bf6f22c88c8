package cn.huangpu.assessment.workflow;

/** Names of processes/UnitAssessment.bpmn: one unit's self-check and its online verification. */
public final class UnitAssessmentProcess {

    public static final String KEY = "UnitAssessment";

    public static final String SUBMIT_SELF_CHECK = "UserTask_SubmitSelfCheck";
    public static final String REMINDER_7 = "BoundaryEvent_SelfCheckReminder7";
    public static final String REMINDER_1 = "BoundaryEvent_SelfCheckReminder1";
    public static final String DUE = "BoundaryEvent_SelfCheckDue";
    public static final String CHASE = "UserTask_ChaseSelfCheck";
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
