/**
 * The indicator catalogue of each assessment year: sections, indicators, their inputs and the
 * machine-readable pricing rules, read from {@code catalogues/<year>.yaml} and validated at startup.
 * The model is plain Java; {@link cn.huangpu.assessment.catalogue.Catalogues} is the Spring entry point.
 */
package cn.huangpu.assessment.catalogue;
