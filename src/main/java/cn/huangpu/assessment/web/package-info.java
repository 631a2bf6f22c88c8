/**
 * What cuts across modules on the web: error answers in Chinese, request-size limits, spreadsheet helpers,
 * the wording of dates ({@code DisplayTime}), the login page.
 *
 * <p>An ordinary application module at the bottom of the graph: it depends on no other module, and every
 * module may use its base package, so it needs no {@code Type.OPEN}.
 */
package cn.huangpu.assessment.web;
