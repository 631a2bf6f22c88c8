package cn.huangpu.assessment.campaign;

import java.time.Instant;

/**
 * A unit's part in a campaign as the other modules see it: its own self-check deadline and how far it got.
 *
 * @param overdue whether its deadline passed with the self-check not in
 * @param ready   whether its inputs are in (verified, or closed)
 */
public record UnitParticipation(Long campaignId, String unitCode, Status status, Instant due, boolean overdue,
                                boolean ready, boolean launched, Instant submittedAt) {

    /** The unit's progress. */
    public enum Status {
        PENDING, SUBMITTED, VERIFIED, CLOSED;

        public String label() {
            return switch (this) {
                case PENDING -> "待提交";
                case SUBMITTED -> "已提交待核查";
                case VERIFIED -> "已核查";
                case CLOSED -> "逾期未提交（已关闭）";
            };
        }
    }
}
