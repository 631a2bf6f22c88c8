package cn.huangpu.assessment.campaign.progress;

/** A specialist evaluator delivered its complete results. */
public record EvaluationDelivered(Long campaignId, String evaluatorCode, String actor) {
}
