package cn.huangpu.assessment.verification;

/**
 * Where a unit's 不涉及 stands on one indicator that allows it, and the one rule of whether it is priced as not
 * involved: the office's ruling in force decides (granted, or the claim withdrawn at the unit's request); without
 * one, the unit's self-check claim holds unless the office recorded “不涉及”不成立.
 *
 * @param claimed  the unit's self-check marks the indicator 不涉及
 * @param rejected the office recorded “不涉及”不成立 on it
 * @param ruling   the office's ruling in force, or null
 */
public record NotInvolvedClaim(String indicatorCode, boolean claimed, boolean rejected, NotInvolvedRuling ruling) {

    /** Whether the indicator is priced as not involved. */
    public boolean notInvolved() {
        return ruling != null ? ruling.notInvolved() : claimed && !rejected;
    }

    /** The claim as the pages and the audit trail state it. */
    public String label() {
        if (ruling != null) {
            return ruling.notInvolved() ? "不涉及（区政府办公室认定）" : "涉及（单位已撤回“不涉及”）";
        }
        if (claimed) {
            return rejected ? "涉及（“不涉及”不成立）" : "不涉及（单位申报）";
        }
        return "涉及";
    }
}
