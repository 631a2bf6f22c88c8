/**
 * Login, roles and Camunda identity: the groups every role maps to, the demo accounts of the
 * embedded default, and how HTTP requests are authenticated against the Camunda identity service.
 *
 * <p>An ordinary application module: other modules use only its base package ({@code CurrentUser},
 * {@code Groups}, {@code AccessDenied}), and it depends on the directory, workflow and web modules only,
 * so it needs no {@code Type.OPEN}.
 */
package cn.huangpu.assessment.security;
