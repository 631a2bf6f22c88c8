package cn.huangpu.assessment.campaign.progress;

/** A unit submitted its complete self-check. */
public record SelfCheckSubmitted(Long campaignId, String unitCode, String actor) {
}
