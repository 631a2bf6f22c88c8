package cn.huangpu.assessment.deadline.process;

import cn.huangpu.assessment.deadline.internal.DeadlineSettings;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The reminder days of {@link DeadlineSettings} for the models' expressions: a caller passes
 * {@code ${deadlineReminders.standard()}} into processes/Deadline.bpmn, which reminds once per day in it
 * ({@code ${deadlineReminders.days(remindDaysBefore)}}), and dates its task's follow-up with
 * {@code ${deadlineReminders.followUp(selfCheckDue)}}. The days travel as text ("7,1"): a process
 * variable holds no list without object serialization. Public for the benchmark's bare engine, which
 * evaluates the same expressions.
 */
@Component("deadlineReminders")
public class DeadlineReminders {

    private final DeadlineSettings settings;

    public DeadlineReminders(DeadlineSettings settings) {
        this.settings = settings;
    }

    /** The configured reminder days, as a caller passes them: "7,1". */
    public String standard() {
        return settings.reminderDaysBefore().stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** The days of "7,1"; "" is none. */
    public List<Integer> days(String daysBefore) {
        if (daysBefore == null || daysBefore.isBlank()) {
            return List.of();
        }
        return Arrays.stream(daysBefore.split(",")).map(String::strip).map(Integer::valueOf).toList();
    }

    /** The follow-up date of a task due at {@code due} under the configured reminders: the first reminder. */
    public Date followUp(Date due) {
        return followUp(due, standard());
    }

    /** The first reminder of a deadline with these reminder days; the deadline itself when there are none. */
    Date followUp(Date due, String daysBefore) {
        long earliest = days(daysBefore).stream().mapToLong(Integer::longValue).max().orElse(0);
        return Date.from(due.toInstant().minus(Duration.ofDays(earliest)));
    }
}
