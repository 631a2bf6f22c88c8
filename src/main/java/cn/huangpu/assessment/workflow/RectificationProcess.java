package cn.huangpu.assessment.workflow;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * Names of the rectification models (整改): processes/RectificationLaunch.bpmn, started once each time a campaign's
 * results are published, which prepares the units and starts, in batches, processes/UnitRectification.bpmn, one per
 * unit with something to rectify: 落实整改 by the unit beside its Deadline, then 复核整改 by the office, back to the
 * unit for what was sent back.
 */
public final class RectificationProcess {

    /** processes/RectificationLaunch.bpmn. */
    public static final String LAUNCH_KEY = "RectificationLaunch";
    public static final String PREPARE = "ServiceTask_PrepareRectification";
    public static final String LAUNCH_BATCHES = "SubProcess_LaunchRectificationBatches";
    public static final String LAUNCH_UNITS = "ServiceTask_LaunchUnitRectifications";

    /** processes/UnitRectification.bpmn. */
    public static final String KEY = "UnitRectification";
    public static final String RECTIFY = "UserTask_Rectify";
    public static final String DEADLINE = "CallActivity_RectificationDeadline";
    public static final String CLOSED = "BoundaryEvent_RectificationClosed";
    public static final String CHECK_LINKS = "ServiceTask_CheckRectificationLinks";
    public static final String REVIEW = "UserTask_ReviewRectification";
    public static final String REOPEN = "ServiceTask_ReopenRectification";
    public static final String FINISH = "ServiceTask_FinishRectification";
    public static final String END_DONE = "EndEvent_RectificationDone";

    public static final String UNIT_CODE = UnitAssessmentProcess.UNIT_CODE;
    public static final String UNIT_GROUP = UnitAssessmentProcess.UNIT_GROUP;
    /** The unit's rectification deadline (a date); a send-back may move it later. */
    public static final String DUE = "rectificationDue";
    /** Set before the review: how many reported items wait for the office's decision. */
    public static final String TO_REVIEW = "itemsToReview";
    /** Set when the review completes: how many items are open for the unit again (sent back, or added meanwhile). */
    public static final String REOPENED = "itemsReopened";
    /** How many batches the units are launched in (the launch's multi-instance cardinality). */
    public static final String UNIT_BATCHES = CampaignProcess.UNIT_BATCHES;

    /** The forms' fields (forms/Rectify.form, forms/ReviewRectification.form). */
    public static final String CONFIRM_REPORTED = "confirmRectified";
    public static final String CONFIRM_REVIEWED = "confirmReviewed";

    private RectificationProcess() {
    }

    /** Business key of a unit's rectification, e.g. {@code 2023年度/外滩街道/整改}; for people reading Cockpit. */
    public static String businessKey(int campaignYear, String unitName) {
        return UnitAssessmentProcess.businessKey(campaignYear, unitName) + "/整改";
    }

    /** A unit's rectification tasks in a campaign, by the instance's variables. */
    public static TaskQuery tasks(TaskService taskService, Long campaignId, String unitCode) {
        return taskService.createTaskQuery().processDefinitionKey(KEY)
                .processVariableValueEquals(CampaignProcess.CAMPAIGN_ID, campaignId)
                .processVariableValueEquals(UNIT_CODE, unitCode);
    }
}
