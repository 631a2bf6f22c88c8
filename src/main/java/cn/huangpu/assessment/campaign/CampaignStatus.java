package cn.huangpu.assessment.campaign;

/** Where a campaign stands. Results are frozen from APPROVED on, until the office reopens them. */
public enum CampaignStatus {
    /** Self-check, verification and specialist evaluation under way. */
    RUNNING,
    /** All inputs in: comprehensive evaluation, grades and approval. */
    GRADING,
    /** Leaders approved the grades; publication follows. */
    APPROVED,
    PUBLISHED,
    /** Reopened by the office after publication, with a recorded reason; goes through approval again. */
    REOPENED;

    public boolean isFrozen() {
        return this == APPROVED || this == PUBLISHED;
    }

    public String label() {
        return switch (this) {
            case RUNNING -> "进行中";
            case GRADING -> "综合评估中";
            case APPROVED -> "已审定";
            case PUBLISHED -> "已公布";
            case REOPENED -> "已重新打开";
        };
    }
}
