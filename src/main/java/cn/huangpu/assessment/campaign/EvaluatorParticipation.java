package cn.huangpu.assessment.campaign;

import java.time.Instant;

/**
 * A specialist evaluator's part in a campaign as the other modules see it: its own deadline and whether it
 * delivered.
 *
 * @param overdue whether its deadline passed with the results not delivered
 * @param ready   whether its inputs are in (delivered, or closed)
 */
public record EvaluatorParticipation(Long campaignId, String evaluatorCode, Status status, Instant due,
                                     boolean overdue, boolean ready, Instant deliveredAt) {

    /** The evaluator's progress. */
    public enum Status {
        PENDING, DELIVERED, CLOSED;

        public String label() {
            return switch (this) {
                case PENDING -> "待提交";
                case DELIVERED -> "已提交";
                case CLOSED -> "逾期未提交（已关闭）";
            };
        }
    }
}
