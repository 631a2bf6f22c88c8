package cn.huangpu.assessment.rectification;

/** Where a rectification item stands. */
public enum ItemStatus {
    /** To be reported on by the unit. */
    OPEN("待整改"),
    /** Reported by the unit, waiting for the office's decision. */
    REPORTED("待复核"),
    /** Sent back by the office with a reason: open for the unit again. */
    SENT_BACK("已退回"),
    /** Accepted by the office as fixed. */
    FIXED("已整改"),
    /** Closed without a fix: 无法整改 accepted, or closed with the overdue deadline. */
    CLOSED_UNFIXED("未整改关闭"),
    /** Removed by the office with a reason, or no longer a deduction after the results were published again. */
    REMOVED("已删除");

    private final String label;

    ItemStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the unit has to (re)port on it. */
    public boolean isOpen() {
        return this == OPEN || this == SENT_BACK;
    }

    /** Whether it is settled: accepted, closed or removed. */
    public boolean isSettled() {
        return this == FIXED || this == CLOSED_UNFIXED || this == REMOVED;
    }
}
