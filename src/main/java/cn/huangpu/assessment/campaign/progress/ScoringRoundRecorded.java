package cn.huangpu.assessment.campaign.progress;

/** Results of the scoring round {@code round} of the campaign are stored. */
public record ScoringRoundRecorded(Long campaignId, int round) {
}
