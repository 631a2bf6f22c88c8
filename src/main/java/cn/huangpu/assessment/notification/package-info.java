/**
 * In-app notifications to a group (a unit, an evaluator, the coordinator, the leaders): reminders
 * before deadlines, overdue notices and manual reminders, each recorded once; also e-mailed when an
 * SMTP server is configured. Each links to the Tasklist task it asks for, or the app page it concerns,
 * and is read or unread per member of the group (the header's count).
 */
package cn.huangpu.assessment.notification;
