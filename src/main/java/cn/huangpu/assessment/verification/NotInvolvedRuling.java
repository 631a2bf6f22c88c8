package cn.huangpu.assessment.verification;

import java.time.Instant;

/**
 * The office's ruling in force on a unit's 不涉及 for one indicator. It decides the claim over the self-check's
 * box: {@code notInvolved} true prices the indicator as not involved (granted by the office, on its own finding or
 * at the unit's request), false prices it as involved (the unit's claim withdrawn at its request).
 *
 * @param requestId the unit's request it granted, or null when the office ruled on its own
 */
public record NotInvolvedRuling(Long id, String unitCode, String indicatorCode, boolean notInvolved, String reason,
                                Long requestId, String decidedBy, Instant decidedAt) {

    /** The ruling in words, as the pages and the audit trail state it. */
    public String label() {
        return notInvolved ? "区政府办公室认定不涉及此项工作" : "经单位申请撤回“不涉及”";
    }

    /** The line the score sheet cites under the "not involved" line it prices (a fact's evidence). */
    public String evidence() {
        return label() + (requestId == null ? "" : "（经单位申请）") + "，理由：" + reason;
    }
}
