/**
 * The append-only audit trail: who changed which fact, finding, judgement, score, grade or date, when,
 * from what to what, and why. Entries are only ever inserted.
 */
package cn.huangpu.assessment.audit;
