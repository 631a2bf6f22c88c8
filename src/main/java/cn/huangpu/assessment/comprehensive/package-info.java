/**
 * Comprehensive evaluation (综合评估): the coordinator's view of every unit's current score, priced again from
 * what is stored now (the one place where results are recomputed, while the decision is open), the office's
 * own inputs with a reason for each change, and the completion check of the task. The values themselves are
 * stored by the evaluation module (evaluator {@code OFFICE}); glue in {@code comprehensive.process}.
 */
package cn.huangpu.assessment.comprehensive;
