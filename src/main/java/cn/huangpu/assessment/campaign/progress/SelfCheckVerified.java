package cn.huangpu.assessment.campaign.progress;

/** The office finished the online verification of a unit's submitted self-check. */
public record SelfCheckVerified(Long campaignId, String unitCode, String actor) {
}
