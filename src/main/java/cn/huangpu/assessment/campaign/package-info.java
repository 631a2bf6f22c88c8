/**
 * The campaign: assessed units, specialist evaluators, campaign dates and participation.
 * Reference data (units, evaluators) is seeded by Flyway and read through {@link cn.huangpu.assessment.campaign.ReferenceData}.
 */
package cn.huangpu.assessment.campaign;
