package cn.huangpu.assessment.verification;

/**
 * A unit's 不涉及 claim no longer holds: the office recorded “不涉及”不成立 on it, or granted the unit's request to
 * withdraw it ({@code withdrawn}). The indicator is priced as involved again, so its inputs are needed from their
 * owners, also from an evaluator that has already delivered (a late entry, 补录).
 */
public record NotInvolvedRejected(Long campaignId, String unitCode, String indicatorCode, String actor, boolean withdrawn) {

    /** The office recorded “不涉及”不成立. */
    public NotInvolvedRejected(Long campaignId, String unitCode, String indicatorCode, String actor) {
        this(campaignId, unitCode, indicatorCode, actor, false);
    }
}
