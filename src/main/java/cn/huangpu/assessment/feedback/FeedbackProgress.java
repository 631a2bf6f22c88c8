package cn.huangpu.assessment.feedback;

import java.time.Instant;

/**
 * The current window's progress, for the dashboard: of {@code units}, how many answered (无异议 or objections),
 * how many objected, how many were deemed after the deadline (overdue), how many are still to answer; of the
 * raised objections, how many are ruled.
 */
public record FeedbackProgress(int windowNo, Instant due, boolean concluded, int units, int answered, int objecting,
                               int overdue, int pending, int objections, int ruled) {

    public int percentAnswered() {
        return units == 0 ? 0 : (int) Math.round((answered + overdue) * 100.0 / units);
    }
}
