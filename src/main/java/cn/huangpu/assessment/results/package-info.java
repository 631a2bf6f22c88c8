/**
 * Results (考核结果) for the office, the leaders and each unit: the ranking within 委办局 and within 街道, the
 * export for the leading group, and each unit's score sheet (评分说明) as a page and as A4 PDF, all read from the
 * stored sheets. A module of its own, not part of publication: these pages serve the decision before it is
 * made public as well as after; publication is the public release and the leading group's report.
 */
package cn.huangpu.assessment.results;
