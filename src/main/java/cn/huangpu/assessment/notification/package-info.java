/**
 * In-app notifications to a group (a unit, an evaluator, the coordinator, the leaders): reminders
 * before deadlines, overdue notices and manual reminders, each recorded once; also e-mailed when an
 * SMTP server is configured.
 */
package cn.huangpu.assessment.notification;
