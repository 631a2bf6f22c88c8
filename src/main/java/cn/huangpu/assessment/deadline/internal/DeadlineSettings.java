package cn.huangpu.assessment.deadline.internal;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Reminders of every deadline.
 *
 * @param reminderDaysBefore whole days before a deadline that a reminder is sent (the plan's practice: 7 and 1);
 *                           empty sends none. The earliest is also the follow-up date of the task the deadline is
 *                           about. Calendar days (24 hours each), also before a deadline given in working days: a
 *                           reminder is a courtesy, not a period the plan counts, and counting it in working days
 *                           would make a deadline's timers wait for the next year's holiday notice.
 */
@ConfigurationProperties(prefix = "assessment.deadline")
public record DeadlineSettings(List<Integer> reminderDaysBefore) {

    public DeadlineSettings {
        reminderDaysBefore = reminderDaysBefore == null ? List.of(7, 1) : List.copyOf(reminderDaysBefore);
        if (reminderDaysBefore.stream().anyMatch(days -> days == null || days <= 0)) {
            throw new IllegalArgumentException(
                    "assessment.deadline.reminder-days-before takes whole days after 0, not " + reminderDaysBefore);
        }
        if (reminderDaysBefore.stream().distinct().count() < reminderDaysBefore.size()) {
            throw new IllegalArgumentException(
                    "assessment.deadline.reminder-days-before names a day twice: " + reminderDaysBefore);
        }
    }
}
