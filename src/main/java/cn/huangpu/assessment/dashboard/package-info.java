/**
 * The coordinator's and leaders' dashboard: each unit's progress through the stages, days left to each
 * deadline, overdue units and evaluators with a one-click reminder (confirmed, sent once per form, shown
 * as 已提醒 with the time), and after scoring the distribution and ranking.
 */
package cn.huangpu.assessment.dashboard;
