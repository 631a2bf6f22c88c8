package cn.huangpu.assessment.workflow;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;

/** Names of processes/AssessmentCampaign.bpmn: the campaign from opening to publication. */
public final class CampaignProcess {

    public static final String KEY = "AssessmentCampaign";

    public static final String START_REQUESTED = "StartEvent_CampaignRequested";
    public static final String LAUNCH_UNIT_BATCHES = "SubProcess_LaunchUnitBatches";
    public static final String LAUNCH_UNITS = "ServiceTask_LaunchUnitAssessments";
    public static final String LAUNCH_EVALUATIONS = "ServiceTask_LaunchSpecialistEvaluations";
    public static final String WAIT_ALL_INPUTS = "IntermediateCatchEvent_AllInputsIn";
    public static final String SCORE_UNITS = "ServiceTask_ScoreUnits";
    public static final String COMPREHENSIVE_EVALUATION = "UserTask_ComprehensiveEvaluation";
    public static final String DETERMINE_GRADES = "BusinessRuleTask_DetermineGrades";
    /** Decides whether this round has a feedback window (意见反馈) and opens it; processes/UnitFeedback.bpmn per unit. */
    public static final String PLAN_FEEDBACK = "ServiceTask_PlanFeedbackWindow";
    public static final String FEEDBACK_WINDOW_GATEWAY = "Gateway_FeedbackWindow";
    public static final String LAUNCH_FEEDBACK_BATCHES = "SubProcess_LaunchFeedbackBatches";
    public static final String LAUNCH_FEEDBACK = "ServiceTask_LaunchUnitFeedback";
    public static final String CHECK_FEEDBACK_CONCLUDED = "ServiceTask_CheckFeedbackConcluded";
    public static final String WAIT_FEEDBACK_CONCLUDED = "IntermediateCatchEvent_FeedbackConcluded";
    /** Grades again after the window, so that the leaders approve the scores as reviewed. */
    public static final String REGRADE_AFTER_REVIEW = "BusinessRuleTask_RegradeAfterReview";
    public static final String APPROVE_GRADES = "UserTask_ApproveGrades";
    public static final String RESULTS_DUE_TIMER = "BoundaryEvent_ResultsDue";
    public static final String NOTIFY_APPROVAL_OVERDUE = "ServiceTask_NotifyApprovalOverdue";
    public static final String PUBLISH_RESULTS = "ServiceTask_PublishResults";
    public static final String END_PUBLISHED = "EndEvent_ResultsPublished";
    public static final String START_REOPENED = "StartEvent_CampaignReopened";

    public static final String MESSAGE_ALL_INPUTS_IN = "AllInputsIn";
    public static final String MESSAGE_REOPENED = "CampaignReopened";
    /** Every unit's feedback of the window is concluded (answered and ruled, or deemed). */
    public static final String MESSAGE_FEEDBACK_CONCLUDED = "FeedbackConcluded";

    public static final String CAMPAIGN_ID = "campaignId";
    public static final String SELF_CHECK_DUE = "selfCheckDue";
    public static final String SPECIALIST_DUE = "specialistDue";
    public static final String COMPREHENSIVE_DUE = "comprehensiveDue";
    public static final String RESULTS_DUE = "resultsDue";
    /** How many batches the units are launched in: the cardinality of the launch's multi-instance. */
    public static final String UNIT_BATCHES = "unitBatches";
    /** Set by the engine on each multi-instance: which batch (from 0), and of how many. */
    public static final String LOOP_COUNTER = "loopCounter";
    public static final String NR_OF_INSTANCES = "nrOfInstances";
    /** Set by the window's planning: whether this round has a feedback window, its batches and its due date. */
    public static final String FEEDBACK_WINDOW_OPENS = "feedbackWindowOpens";
    public static final String FEEDBACK_BATCHES = "feedbackBatches";
    public static final String FEEDBACK_DUE = "feedbackDue";
    /** Set when the launch ends: whether every unit's feedback was concluded already (no wait for the message). */
    public static final String FEEDBACK_CONCLUDED = "feedbackConcluded";
    public static final String APPROVAL_DECISION = "approvalDecision";
    public static final String SEND_BACK_REASON = "sendBackReason";
    public static final String INITIATOR = "initiator";
    /** The scoring round the last grading recorded (1 = the first scoring once all inputs were in). */
    public static final String GRADING_ROUND = "gradingRound";

    /** Start form fields (forms/StartCampaign.form). */
    public static final String FORM_YEAR = "year";
    public static final String FORM_CATALOGUE_YEAR = "catalogueYear";
    public static final String FORM_UNIT_CODES = "unitCodes";
    public static final String FORM_EVALUATOR_CODES = "evaluatorCodes";
    /**
     * A date of the start form given in working days: for each date field (selfCheckDue …) the fields named with
     * these suffixes: how it is given ({@link #FORM_BY_DATE} or {@link #FORM_BY_WORKING_DAYS}), the working days,
     * the date counted from (another date field's name, or {@link #FORM_AFTER_GIVEN_DATE}) and that given day.
     */
    public static final String FORM_DATE_BY = "By";
    public static final String FORM_DATE_WORKING_DAYS = "WorkingDays";
    public static final String FORM_DATE_AFTER = "After";
    public static final String FORM_DATE_AFTER_DATE = "AfterDate";
    public static final String FORM_BY_DATE = "DATE";
    public static final String FORM_BY_WORKING_DAYS = "WORKING_DAYS";
    public static final String FORM_AFTER_GIVEN_DATE = "GIVEN_DATE";

    public static final String APPROVE = "APPROVE";
    public static final String SEND_BACK = "SEND_BACK";

    private CampaignProcess() {
    }

    /**
     * Business key of a campaign's instance as Cockpit shows it, e.g. {@code 2023年度政务公开考核评估}: one
     * campaign a year. A reopened campaign's new instance takes the key of the first one.
     */
    public static String businessKey(int year) {
        return year + "年度政务公开考核评估";
    }

    /**
     * The campaign's tasks, by its {@link #CAMPAIGN_ID} variable. A reopened campaign has an ended instance and a
     * running one with the same id; only the running one has tasks.
     */
    public static TaskQuery tasks(TaskService taskService, Long campaignId) {
        return taskService.createTaskQuery().processDefinitionKey(KEY)
                .processVariableValueEquals(CAMPAIGN_ID, campaignId);
    }
}
