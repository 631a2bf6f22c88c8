package cn.huangpu.assessment.deadline;

import java.time.Instant;

/** The office moved the deadline to {@code newDue}, for the reason given; the work is no longer overdue. */
public record DeadlineExtended(Deadline deadline, Instant newDue, String reason, String actor) {
}
