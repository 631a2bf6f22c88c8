package cn.huangpu.assessment.verification;

/**
 * The office recorded “不涉及”不成立 on a unit's claim: the indicator is priced as involved again, so its inputs are
 * needed from their owners, also from an evaluator that has already delivered (a late entry, 补录).
 */
public record NotInvolvedRejected(Long campaignId, String unitCode, String indicatorCode, String actor) {
}
