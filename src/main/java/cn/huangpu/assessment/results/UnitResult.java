package cn.huangpu.assessment.results;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A unit's result in one scoring round, as recorded: the totals, the grade and what priced them (the catalogue's
 * version, {@code sha256:…}, and the grade table's decision definition id and version; all three null only for
 * results recorded before V45). Its sheet is {@link CampaignScoring#sheet}.
 */
public record UnitResult(Long id, Long campaignId, String unitCode, int round, BigDecimal total, BigDecimal basePoints,
                         BigDecimal bonus, String grade, Instant createdAt, String catalogueVersion, String gradeTableId,
                         Integer gradeTableVersion) {

    /** What priced this result, as the sheet states it: the catalogue's version (short) and the grade table's. */
    public String pricedWith() {
        String catalogue = catalogueVersion == null ? "指标目录版本未记录"
                : "指标目录版本 " + catalogueVersion.substring(0, Math.min(catalogueVersion.length(), "sha256:".length() + 12));
        String table = gradeTableVersion == null ? "考核等次表版本未记录" : "考核等次表第" + gradeTableVersion + "版";
        return "计分依据：" + catalogue + "，" + table;
    }
}
