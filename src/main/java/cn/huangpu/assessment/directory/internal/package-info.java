/**
 * How the directory stores its units and evaluators: the entities and their repositories. Other modules see
 * them as {@link cn.huangpu.assessment.directory.Unit} and {@link cn.huangpu.assessment.directory.Evaluator}
 * records, through {@link cn.huangpu.assessment.directory.ReferenceData}.
 */
package cn.huangpu.assessment.directory.internal;
