package cn.huangpu.assessment.feedback;

import java.time.Instant;

/** One unit's answer in one window. */
public record UnitAnswer(long windowId, String unitCode, Status status, String answeredBy, Instant answeredAt,
                         boolean concluded) {

    public enum Status {
        PENDING("尚未反馈"), NO_OBJECTION("无异议"), OBJECTED("申请复核"), DEEMED("逾期未反馈，视为无异议");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
