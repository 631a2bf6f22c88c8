package cn.huangpu.assessment.deadline;

/** The office closed the work as not submitted, for the reason given: it is scored on what exists. */
public record DeadlineClosed(Deadline deadline, String reason, String actor) {
}
