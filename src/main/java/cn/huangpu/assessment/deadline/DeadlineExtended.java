package cn.huangpu.assessment.deadline;

import java.time.Instant;

/**
 * The office moved the deadline to {@code newDue}, for the reason given; the work is no longer overdue.
 *
 * @param basis how the new date was counted when it was given in working days ("原截止时间后5个工作日"), for the
 *              record beside the date; null when the office gave the date itself
 */
public record DeadlineExtended(Deadline deadline, Instant newDue, String reason, String actor, String basis) {

    /** An extension to a date the office gave itself. */
    public DeadlineExtended(Deadline deadline, Instant newDue, String reason, String actor) {
        this(deadline, newDue, reason, actor, null);
    }
}
