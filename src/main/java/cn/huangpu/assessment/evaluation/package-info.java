/**
 * Evaluation results: the facts the specialist evaluators and the office deliver per unit and indicator
 * input (counts, flags, rates, judgements with reasons), checked against the catalogue and against
 * who owns the input.
 */
package cn.huangpu.assessment.evaluation;
