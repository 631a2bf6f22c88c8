package cn.huangpu.assessment.directory;

/**
 * The two kinds of assessed unit named by the plan's scope (二、考核评估范围), in the plan's order: "区政府各委、办、局和各街道办事处".
 * Every list of units shows them in this order.
 */
public enum UnitKind {
    /** 区政府各委、办、局 */
    DEPARTMENT("委办局"),
    /** 街道办事处 */
    STREET("街道");

    private final String label;

    UnitKind(String label) {
        this.label = label;
    }

    /** The heading of the kind's group in a list of units. */
    public String label() {
        return label;
    }
}
