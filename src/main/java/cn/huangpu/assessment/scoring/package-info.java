/**
 * Scoring: a unit's facts priced by its year's catalogue into a score sheet with the explanation behind
 * every point, and the campaign's scoring rounds. {@link cn.huangpu.assessment.scoring.ScoreCalculator} is
 * pure arithmetic on {@code BigDecimal}, with no Spring and no Camunda (ModuleBoundaryTests checks it and
 * everything it reaches); {@link cn.huangpu.assessment.scoring.ScoringService} adds the grade.
 * {@link cn.huangpu.assessment.scoring.CampaignScoring} records each round's results with their sheets as
 * priced (the catalogue and grade-table versions with them), which every page, PDF, export and the public
 * page show unchanged; glue in {@code scoring.process}.
 */
package cn.huangpu.assessment.scoring;
