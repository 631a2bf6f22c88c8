/**
 * The campaign module's own: its settings, and how it stores campaigns and each unit's and evaluator's part in
 * them (the entities and their repositories). Only {@link cn.huangpu.assessment.campaign.CampaignService} and the
 * module's process glue change them; other modules get {@link cn.huangpu.assessment.campaign.CampaignInfo},
 * {@link cn.huangpu.assessment.campaign.UnitParticipation} and
 * {@link cn.huangpu.assessment.campaign.EvaluatorParticipation} records.
 */
package cn.huangpu.assessment.campaign.internal;
