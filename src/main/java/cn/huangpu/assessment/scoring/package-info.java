/**
 * Scoring: a unit's facts priced by its year's catalogue into a score sheet with the explanation behind
 * every point. {@link cn.huangpu.assessment.scoring.ScoreCalculator} is pure arithmetic on {@code BigDecimal},
 * with no Spring and no Camunda (ModuleBoundaryTests checks it and everything it reaches);
 * {@link cn.huangpu.assessment.scoring.ScoringService} adds the grade and is what other modules call; the
 * number rules and the facts format are shared with the modules that take values in. The campaign's scoring
 * rounds are the results module's: they need the campaign and every input module, which themselves use the
 * number rules here, so in one module they would close a cycle.
 */
package cn.huangpu.assessment.scoring;
