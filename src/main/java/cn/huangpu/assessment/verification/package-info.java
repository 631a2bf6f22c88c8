/**
 * Online verification (网上核查): the office's findings on what a unit claims to have published:
 * missing, stale, broken-link and wrong-link items, each against the indicator input it costs points
 * in, and rejections of unfounded "not involved" claims.
 */
package cn.huangpu.assessment.verification;
