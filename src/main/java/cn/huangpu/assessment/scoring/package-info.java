/**
 * Scoring: a unit's facts priced by its year's catalogue into a score sheet with the explanation
 * behind every point. {@link cn.huangpu.assessment.scoring.ScoreCalculator} is pure arithmetic on
 * {@code BigDecimal}, with no Spring and no Camunda; {@link cn.huangpu.assessment.scoring.ScoringService}
 * adds the grade and is what other modules call.
 */
package cn.huangpu.assessment.scoring;
