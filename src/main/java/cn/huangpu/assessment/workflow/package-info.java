/**
 * Process glue shared by every module: deployment of the models in {@code processes/} and
 * {@code forms/}, process keys, element ids and variable names.
 */
package cn.huangpu.assessment.workflow;
