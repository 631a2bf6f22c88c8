package cn.huangpu.assessment.campaign.progress;

/** The approved results are public, with the report of their round stored. */
public record ResultsPublished(Long campaignId) {
}
