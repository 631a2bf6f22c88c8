/**
 * Grades (考核等次) from the GradeDecision table, and the leaders' approval of them. The cut-offs are
 * the office's policy: a new version of {@code processes/GradeDecision.dmn} changes them without code.
 * The scoring rounds that the grades are recorded with are the scoring module's.
 */
package cn.huangpu.assessment.grading;
