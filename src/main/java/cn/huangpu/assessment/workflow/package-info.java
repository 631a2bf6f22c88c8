/**
 * Process glue shared by every module: deployment of the models in {@code processes/} and
 * {@code forms/}, process keys, element ids and variable names, completion checks, the engine clock.
 *
 * <p>An ordinary application module, not an open one: every module uses its base package (the constants
 * classes, {@code CompletionCheck}, {@code Actors}), and it depends on no business module, so it needs neither
 * {@code Type.OPEN} nor a list of allowed dependencies; ModularityTests keeps it that way.
 */
package cn.huangpu.assessment.workflow;
