package cn.huangpu.assessment.workflow;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Date helpers for the models' expressions ({@code ${deadlines.daysBefore(due, reminderDays)}}) and for
 * reading the date values that forms submit.
 */
@Component("deadlines")
public class Deadlines {

    private static final ZoneId OFFICE_ZONE = ZoneId.of("Asia/Shanghai");

    /** The moment {@code days} whole days before a deadline. */
    public Date daysBefore(Date deadline, long days) {
        return Date.from(deadline.toInstant().minus(days, ChronoUnit.DAYS));
    }

    /**
     * Reads a date from a form or API value: a {@link Date}, an ISO instant or offset date-time, or a
     * local date-time (read in Asia/Shanghai). Returns null for null or blank; throws
     * {@link IllegalArgumentException} for anything else.
     */
    public static Instant toInstant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        String text = value.toString().strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return ZonedDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notZoned) {
                try {
                    return LocalDateTime.parse(text).atZone(OFFICE_ZONE).toInstant();
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("不是有效的日期时间：" + text, e);
                }
            }
        }
    }
}
