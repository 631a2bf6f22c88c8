/**
 * The coordinator's and leaders' dashboard: each unit's progress through the stages, days left to each
 * deadline, overdue units with a one-click reminder, and after scoring the distribution and ranking.
 */
package cn.huangpu.assessment.dashboard;
