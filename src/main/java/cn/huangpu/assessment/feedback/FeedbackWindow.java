package cn.huangpu.assessment.feedback;

import java.time.Instant;

/**
 * One feedback window of a campaign as recorded.
 *
 * @param windowNo    1 for the first window, 2 after a send-back that reopened it, …
 * @param roundBefore the scoring round the units were shown (their preliminary sheets)
 * @param lengthText  its length as people say it (5个工作日)
 * @param pending     units whose feedback is not yet concluded
 * @param concludedAt when the last unit's feedback was concluded; null while the window runs
 */
public record FeedbackWindow(long id, Long campaignId, int windowNo, int roundBefore, Instant openedAt, Instant due,
                             String lengthText, int pending, Instant concludedAt) {

    public boolean concluded() {
        return concludedAt != null;
    }

    /** Whether units may still answer at {@code now}: not concluded and before its deadline. */
    public boolean openAt(Instant now) {
        return !concluded() && now.isBefore(due);
    }
}
