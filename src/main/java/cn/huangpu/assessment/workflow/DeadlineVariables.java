package cn.huangpu.assessment.workflow;

/** Variables of the deadline pattern shared by the unit and the specialist processes (reminders, overdue, chase). */
public final class DeadlineVariables {

    /** Local input of a reminder service task: how many days before the deadline it fires. */
    public static final String REMINDER_DAYS = "reminderDays";
    /** Chase form (forms/ChaseOverdue.form). */
    public static final String CHASE_DECISION = "chaseDecision";
    public static final String NEW_DUE_DATE = "newDueDate";
    public static final String CHASE_REASON = "chaseReason";
    public static final String EXTEND = "EXTEND";
    public static final String CLOSE = "CLOSE";
    /** Shown on the chase form. */
    public static final String OVERDUE_SUBJECT = "overdueSubject";
    public static final String OVERDUE_DUE_TEXT = "overdueDueText";

    private DeadlineVariables() {
    }
}
