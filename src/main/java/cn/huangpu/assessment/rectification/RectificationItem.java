package cn.huangpu.assessment.rectification;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One rectification item as recorded: what it is about (indicator, criterion, the finding's text and link, the points
 * at stake), where it stands, the unit's report and the office's last decision.
 *
 * @param origin     FINDING (a verification finding), DEDUCTION (a line of the published sheet), ADDED (问题通报)
 * @param reportKind FIXED (已整改) or UNFIXABLE (无法整改), null before a report
 */
public record RectificationItem(Long id, Long campaignId, String unitCode, String indicatorCode, String origin,
                                String criterion, String findingText, String findingUrl, BigDecimal points,
                                ItemStatus status, String reportKind, String reportNote, String reportLink,
                                String reportedBy, Instant reportedAt, String decisionReason, String decidedBy,
                                Instant decidedAt, int sendBacks, Instant createdAt, long version) {

    public static final String FIXED = "FIXED";
    public static final String UNFIXABLE = "UNFIXABLE";

    /** 已整改 / 无法整改 / 未报告. */
    public String reportLabel() {
        return reportKind == null ? "未报告" : FIXED.equals(reportKind) ? "已整改" : "无法整改";
    }

    /** 核查发现 / 扣分 / 问题通报. */
    public String originLabel() {
        return switch (origin) {
            case "FINDING" -> "核查发现";
            case "DEDUCTION" -> "扣分";
            default -> "问题通报";
        };
    }
}
