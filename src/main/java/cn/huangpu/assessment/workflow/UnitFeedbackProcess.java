package cn.huangpu.assessment.workflow;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * Names of processes/UnitFeedback.bpmn: one unit's part in one feedback window (意见反馈与复核). The unit confirms
 * its preliminary results or raises objections, beside the deadline (processes/Deadline.bpmn, kind FEEDBACK,
 * never chased); the office rules on the objections in one review task; the last unit concluded moves the
 * campaign on.
 */
public final class UnitFeedbackProcess {

    public static final String KEY = "UnitFeedback";

    public static final String ANSWER = "SubProcess_UnitAnswer";
    public static final String CONFIRM_RESULTS = "UserTask_ConfirmResults";
    /** Calls processes/Deadline.bpmn beside {@link #CONFIRM_RESULTS}, with {@code chase = false}. */
    public static final String DEADLINE = "CallActivity_FeedbackDeadline";
    public static final String LAPSED = "BoundaryEvent_AnswerLapsed";
    public static final String DEEM_NO_OBJECTION = "ServiceTask_DeemNoObjection";
    public static final String OBJECTED_GATEWAY = "Gateway_Objected";
    public static final String REVIEW_OBJECTIONS = "UserTask_ReviewObjections";
    public static final String RECORD_CONCLUDED = "ServiceTask_RecordFeedbackConcluded";
    public static final String END_CONCLUDED = "EndEvent_FeedbackConcluded";

    /** The window (1, 2, … within the campaign) the instance belongs to. */
    public static final String WINDOW_NO = "feedbackWindowNo";
    /** The reminder days before the window closes ("1"), as the deadline takes them. */
    public static final String REMIND_DAYS = "feedbackRemindDays";
    /** Set when the unit answers: whether it raised objections, which the office then rules on. */
    public static final String OBJECTED = "feedbackObjected";

    /** The unit's answer (forms/ConfirmResults.form). */
    public static final String ANSWER_FIELD = "feedbackAnswer";
    public static final String NO_OBJECTION = "NO_OBJECTION";
    public static final String OBJECT = "OBJECT";
    /** The office's confirmation that every objection is ruled (forms/ReviewObjections.form). */
    public static final String CONFIRM_REVIEW = "confirmReview";

    private UnitFeedbackProcess() {
    }

    /** Business key of a unit's feedback instance as Cockpit shows it: {@code 2023年度/外滩街道/意见反馈}. */
    public static String businessKey(int campaignYear, String unitName) {
        return UnitAssessmentProcess.businessKey(campaignYear, unitName) + "/意见反馈";
    }

    /** A unit's feedback tasks in a campaign, by the instance's variables. */
    public static TaskQuery tasks(TaskService taskService, Long campaignId, String unitCode) {
        return taskService.createTaskQuery().processDefinitionKey(KEY)
                .processVariableValueEquals(CampaignProcess.CAMPAIGN_ID, campaignId)
                .processVariableValueEquals(UnitAssessmentProcess.UNIT_CODE, unitCode);
    }
}
