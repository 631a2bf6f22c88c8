package cn.huangpu.assessment.verification;

/** What kind of problem a verification finding is. */
public enum FindingKind {
    MISSING("应公开未公开"), STALE("更新不及时"), BROKEN_LINK("断链"), WRONG_LINK("错链"), OTHER("其他问题"),
    NOT_INVOLVED_REJECTED("“不涉及”不成立");

    private final String label;

    FindingKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
