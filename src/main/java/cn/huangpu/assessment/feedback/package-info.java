/**
 * The feedback window before leaders approve (意见反馈与复核): every unit sees its preliminary score sheet and
 * answers 无异议 or raises objections (申请复核) on indicators, with reasons and evidence, before the window's
 * deadline (the one deadline mechanism, kind FEEDBACK, never chased; no answer is deemed no objection); the office
 * rules on each objection, accepting one by changing the input behind the point (rescoring the unit) or rejecting
 * it with a reason; evaluators give their opinion when asked. Leaders, the results page, the dashboard and the
 * published sheets read the outcome. The models are {@code processes/UnitFeedback.bpmn} and the window's part of
 * {@code processes/AssessmentCampaign.bpmn}; the glue is in {@code feedback.process}.
 */
package cn.huangpu.assessment.feedback;
