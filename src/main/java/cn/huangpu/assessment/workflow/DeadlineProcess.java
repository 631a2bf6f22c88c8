package cn.huangpu.assessment.workflow;

/**
 * Names of processes/Deadline.bpmn: one deadline of one unit or evaluator (remind before it, mark it passed,
 * chase, extend or close), called by every stage that has a deadline. The caller's call activity passes the
 * inputs below and the business key; the chase form (forms/ChaseOverdue.form) sets the chase variables.
 */
public final class DeadlineProcess {

    public static final String KEY = "Deadline";

    public static final String START = "StartEvent_DeadlineSet";
    public static final String REMINDERS = "SubProcess_Reminders";
    public static final String REMINDER_DUE = "IntermediateCatchEvent_ReminderDue";
    public static final String SEND_REMINDER = "ServiceTask_SendReminder";
    public static final String DUE_TIMER = "IntermediateCatchEvent_Due";
    public static final String MARK_OVERDUE = "ServiceTask_MarkOverdue";
    public static final String CHASE = "UserTask_ChaseOverdue";
    public static final String EXTEND_DEADLINE = "ServiceTask_ExtendDeadline";
    public static final String CLOSE_DEADLINE = "ServiceTask_CloseDeadline";
    public static final String END_LAPSED = "EndEvent_DeadlineLapsed";
    public static final String END_CLOSED = "EndEvent_DeadlineClosed";

    /** Input: whose deadline it is, one of {@code deadline.DeadlineKind} (SELF_CHECK, SPECIALIST_EVALUATION, FEEDBACK, RECTIFICATION). */
    public static final String KIND = "deadlineKind";
    /** Input: the unit's or evaluator's code; the campaign comes as {@link CampaignProcess#CAMPAIGN_ID}. */
    public static final String SUBJECT_CODE = "subjectCode";
    /** Input: the deadline (a date); an extension moves it. */
    public static final String DUE = "due";
    /** Input: whether the coordinator chases at the deadline (true) or the deadline just lapses (false). */
    public static final String WITH_CHASE = "chase";
    /** Input: the reminders, as days before the deadline ("7,1"; the caller passes the setting). */
    public static final String REMIND_DAYS_BEFORE = "remindDaysBefore";
    /** Input: the caller's user task the deadline is about; notices link to it and an extension re-dates it. */
    public static final String WORK_TASK = "deadlineTask";
    /** Local to each reminder (the multi-instance element): how many days before the deadline it fires. */
    public static final String REMINDER_DAYS = "reminderDays";

    /** Output: how the deadline ended when the work was not done in time; a caller's finished work cancels it instead. */
    public static final String OUTCOME = "deadlineOutcome";
    /** The deadline passed without a chase. */
    public static final String LAPSED = "LAPSED";
    /** The coordinator closed it as not submitted. */
    public static final String CLOSED = "CLOSED";

    /** Chase form (forms/ChaseOverdue.form). */
    public static final String CHASE_DECISION = "chaseDecision";
    public static final String NEW_DUE_DATE = "newDueDate";
    public static final String CHASE_REASON = "chaseReason";
    public static final String EXTEND = "EXTEND";
    public static final String CLOSE = "CLOSE";
    /**
     * How an extension gives its new deadline: {@link #BY_DATE} (newDueDate, also when missing),
     * {@link #BY_WORKING_DAYS_AFTER_DUE} or {@link #BY_WORKING_DAYS_FROM_TODAY} ({@link #EXTEND_WORKING_DAYS}).
     */
    public static final String EXTEND_BY = "extendBy";
    public static final String BY_DATE = "DATE";
    public static final String BY_WORKING_DAYS_AFTER_DUE = "WORKING_DAYS_AFTER_DUE";
    public static final String BY_WORKING_DAYS_FROM_TODAY = "WORKING_DAYS_FROM_TODAY";
    /** How many working days an extension by working days gives. */
    public static final String EXTEND_WORKING_DAYS = "extendWorkingDays";
    /** Who completed the chase, for the audit trail. */
    public static final String CHASED_BY = "chasedBy";

    private DeadlineProcess() {
    }
}
