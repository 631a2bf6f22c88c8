/**
 * The campaign: one year's assessment with its dates, its participating units and evaluators and how
 * far each got, the moment all inputs are in, approval, publication and reopening.
 */
package cn.huangpu.assessment.campaign;
