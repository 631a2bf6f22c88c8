package cn.huangpu.assessment.workflow;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;

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

    /**
     * Business key of a unit's instance as Cockpit shows it, e.g. {@code 2023年度/外滩街道}: the campaign year is
     * unique and so is a unit's name. Set once at launch; names may change later, so nothing looks an
     * instance up by a rebuilt key: {@link #tasks} goes by the variables.
     */
    public static String businessKey(int campaignYear, String unitName) {
        return campaignYear + "年度/" + unitName;
    }

    /** A unit's tasks in a campaign, by the instance's variables (never by a rebuilt business key). */
    public static TaskQuery tasks(TaskService taskService, Long campaignId, String unitCode) {
        return taskService.createTaskQuery().processDefinitionKey(KEY)
                .processVariableValueEquals(CampaignProcess.CAMPAIGN_ID, campaignId)
                .processVariableValueEquals(UNIT_CODE, unitCode);
    }
}
