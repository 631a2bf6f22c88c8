/**
 * Login, roles and Camunda identity: the groups every role maps to, the demo accounts of the
 * embedded default, and how HTTP requests are authenticated against the Camunda identity service.
 */
package cn.huangpu.assessment.security;
