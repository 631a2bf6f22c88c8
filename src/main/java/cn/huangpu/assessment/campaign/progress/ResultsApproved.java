package cn.huangpu.assessment.campaign.progress;

/** The leaders approved the campaign's grades; the results are frozen from now on. */
public record ResultsApproved(Long campaignId, String actor) {
}
