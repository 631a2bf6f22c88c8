package cn.huangpu.assessment.verification;

import java.time.Instant;

/**
 * A unit's request, after it submitted its self-check, to change its 不涉及 claim on one indicator, with its
 * reason, and the office's answer with the office's reason.
 *
 * @param notInvolved what the unit asks for: true to be priced as not involved, false to withdraw its claim
 */
public record ClaimChangeRequest(Long id, String unitCode, String indicatorCode, boolean notInvolved, String reason,
                                 String requestedBy, Instant requestedAt, Status status, String rulingReason,
                                 String ruledBy, Instant ruledAt) {

    /** Where a request stands. */
    public enum Status {
        OPEN("待办理"), GRANTED("已同意"), REFUSED("不同意");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    /** What the unit asks for, in words. */
    public String asked() {
        return asked(notInvolved);
    }

    static String asked(boolean notInvolved) {
        return notInvolved ? "按“不涉及此项工作”计分" : "撤回“不涉及”，按实际情况计分";
    }
}
