/**
 * Publication: frozen results marked public, and the report for the district performance leading group.
 */
package cn.huangpu.assessment.publication;
