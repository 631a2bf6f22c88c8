package cn.huangpu.assessment.rectification;

import java.time.Instant;

/** A unit's rectification in a published campaign: where it stands and its deadline (null while it has none). */
public record UnitStage(Long campaignId, String unitCode, Status status, Instant firstDue, Instant due, boolean overdue,
                        Instant openedAt, Instant endedAt) {

    public enum Status {
        /** Listed at publication; its items are built in a launch batch. */
        PENDING("待生成"),
        /** Nothing lost: no items and no task. */
        NONE("无需整改"),
        /** The unit's task 落实整改 is open. */
        RECTIFYING("整改中"),
        /** The office reviews what the unit reported. */
        REVIEWING("复核中"),
        /** Every item is accepted or closed. */
        DONE("整改完成");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean isRunning() {
            return this == RECTIFYING || this == REVIEWING;
        }
    }
}
