package cn.huangpu.assessment.deadline;

import java.time.Instant;
import java.util.Objects;

/**
 * One deadline: whose ({@code kind} and the unit's or evaluator's {@code code}) in which campaign, and
 * when it is.
 */
public record Deadline(DeadlineKind kind, Long campaignId, String code, Instant due) {

    public Deadline {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(due, "due");
    }
}
