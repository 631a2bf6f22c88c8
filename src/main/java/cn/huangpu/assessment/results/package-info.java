/**
 * Results (考核结果): the campaign's scoring rounds and what they recorded, each result's sheet stored as
 * priced with the catalogue and grade-table versions that priced it ({@code CampaignScoring}; the V46
 * migration that stored the sheets of older results), and what people read from them: the ranking within
 * 委办局 and within 街道, the export for the leading group, each unit's score sheet (评分说明) as a page and as
 * A4 PDF. Only the comprehensive evaluation's current scores price again. Not part of publication: these
 * pages serve the decision before it is made public as well as after; publication is the public release.
 * Glue in {@code results.process}.
 */
package cn.huangpu.assessment.results;
