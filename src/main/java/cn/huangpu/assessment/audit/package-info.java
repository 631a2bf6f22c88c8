/**
 * The append-only audit trail: who changed which fact, finding, judgement, score, grade or date, when,
 * from what to what, and why. Entries are only ever inserted. The coordinator reads it in Chinese
 * ({@code AuditDescriber} is the one place that words it), filtered by unit, indicator, actor and day, a page
 * at a time, or as a spreadsheet. What the trail needs of a campaign comes through {@link
 * cn.huangpu.assessment.audit.AuditScopes}, which the campaign module implements: the modules that record
 * here are never called from here.
 */
package cn.huangpu.assessment.audit;
