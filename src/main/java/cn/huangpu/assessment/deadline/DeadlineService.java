package cn.huangpu.assessment.deadline;

import cn.huangpu.assessment.calendar.CalendarYearMissingException;
import cn.huangpu.assessment.calendar.WorkingDayCalendar;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.DisplayTime;
import cn.huangpu.assessment.web.InputError;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What passing, extending and closing a deadline mean: the rule for a new deadline, and the events that tell
 * the campaign (which records whose work is overdue, extended or closed) in the same transaction. The
 * process glue in {@code deadline.process} calls it; it knows nothing of the engine.
 */
@Service
@Transactional
public class DeadlineService {

    /**
     * The most working days a coordinator may give for a date (a campaign date, an extension): about a year of
     * working days. More is a typo, not a plan, and would make the count walk through years without a notice.
     */
    public static final int MOST_WORKING_DAYS = 250;

    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d{1,12}");

    private final ApplicationEventPublisher events;
    private final DisplayTime time;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    DeadlineService(ApplicationEventPublisher events, DisplayTime time, WorkingDayCalendar calendar, Clock clock) {
        this.clock = clock;
        this.events = events;
        this.time = time;
        this.calendar = calendar;
    }

    /**
     * When a stage that opens at {@code start} and lasts {@code length} is due: its last day (in the office's
     * time zone) at {@code dueTime}. So 20 working days from 2023-09-22 are due 2023-10-26 at 23:59 in Shanghai.
     *
     * @throws cn.huangpu.assessment.calendar.CalendarYearMissingException when working days are counted through a
     *                                                                      year whose notice is not loaded
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Instant dueAfter(Instant start, DeadlineLength length, LocalTime dueTime) {
        return length.lastDay(start.atZone(time.zone()).toLocalDate(), calendar)
                .atTime(dueTime).atZone(time.zone()).toInstant();
    }

    /**
     * As {@link #dueAfter(Instant, DeadlineLength, LocalTime)} for a date a person gave in working days: a year on
     * the way whose notice is not loaded is refused as bad input naming {@code field}, with the calendar's reason
     * (never counted as Monday to Friday).
     *
     * @throws BadInputException naming {@code field} with the Chinese reason of {@link CalendarYearMissingException}
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Instant dueAfter(Instant start, DeadlineLength length, LocalTime dueTime, String field, String label) {
        try {
            return dueAfter(start, length, dueTime);
        } catch (CalendarYearMissingException e) {
            throw new BadInputException("按工作日计算的日期无法确定", InputError.field(field, label, e.getMessage()));
        }
    }

    /**
     * A number of working days a person gave (a form's or a request's value): a whole number from 1 to
     * {@link #MOST_WORKING_DAYS}, as a number or as its digits.
     *
     * @throws BadInputException naming {@code field} for anything else (missing, a fraction, 0, negative, too many)
     */
    public DeadlineLength givenWorkingDays(Object value, String field, String label) {
        String range = "须为1至" + MOST_WORKING_DAYS + "之间的整数";
        if (value == null || value instanceof String text && text.isBlank()) {
            throw new BadInputException("工作日数有误", InputError.field(field, label, "未填写工作日数"));
        }
        BigDecimal number = number(value);
        if (number == null || number.stripTrailingZeros().scale() > 0) {
            throw new BadInputException("工作日数有误", InputError.field(field, label,
                    "工作日数" + range + "，收到“" + shown(value) + "”"));
        }
        if (number.compareTo(BigDecimal.ONE) < 0 || number.compareTo(BigDecimal.valueOf(MOST_WORKING_DAYS)) > 0) {
            throw new BadInputException("工作日数有误", InputError.field(field, label,
                    "工作日数" + range + "，收到 " + shown(value)));
        }
        return DeadlineLength.workingDays(number.intValueExact());
    }

    /** The value as a number, or null when it is none (text that is not digits, NaN, a list…). */
    private static BigDecimal number(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        if (value instanceof String text && WHOLE.matcher(text.strip()).matches()) {
            return new BigDecimal(text.strip());
        }
        return null;
    }

    private static String shown(Object value) {
        // a BigDecimal's own text keeps an exponent (1E+400), where its plain digits could run to any length
        String text = String.valueOf(value);
        return text.length() <= 30 ? text : text.substring(0, 30) + "…";
    }

    /**
     * The new deadline of an extension by {@code days} working days (a value as {@link #givenWorkingDays} takes it),
     * counted after the old deadline's day ({@code fromToday} false) or after today's ({@code fromToday} true), in
     * the office's time zone, at the old deadline's time of day: a deadline at 23:59 moves to another day at 23:59.
     *
     * @throws BadInputException naming {@code field}: a bad number of days, or a year on the way without its notice
     */
    public Instant extendedByWorkingDays(Instant due, boolean fromToday, Object days, String field) {
        DeadlineLength length = givenWorkingDays(days, field, "工作日数");
        return dueAfter(fromToday ? clock.instant() : due, length, due.atZone(time.zone()).toLocalTime(), field,
                "新的截止时间");
    }

    /** The deadline passed with the work not in: the unit or evaluator is marked overdue. */
    public void passed(Deadline deadline) {
        events.publishEvent(new DeadlinePassed(deadline));
    }

    /**
     * Refuses a new deadline that is missing, or not after now and after the deadline it replaces. The chase
     * form calls it before completing; the campaign checks the extension against the due date it stores.
     *
     * @throws BadInputException naming {@code newDueDate}
     */
    public void checkExtension(Instant due, Instant newDue) {
        if (newDue == null) {
            throw new BadInputException("延期输入有误", InputError.field("newDueDate", "新的截止时间", "延长期限须给出新的截止时间"));
        }
        if (!newDue.isAfter(clock.instant()) || !newDue.isAfter(due)) {
            throw new BadInputException("延期输入有误", InputError.field("newDueDate", "新的截止时间",
                    "新的截止时间（" + time.format(newDue) + "）须晚于现在和原截止时间（" + time.format(due) + "）"));
        }
    }

    /** Moves the deadline, with the reason and who decided, into the audit trail; the unit or evaluator is no longer overdue. */
    public void extend(Deadline deadline, Instant newDue, String reason, String actor) {
        extend(deadline, newDue, null, reason, actor);
    }

    /** As {@link #extend(Deadline, Instant, String, String)}, with how the date was counted (or null). */
    public void extend(Deadline deadline, Instant newDue, String basis, String reason, String actor) {
        events.publishEvent(new DeadlineExtended(deadline, newDue, reason, actor, basis));
    }

    /** Closes the work as not submitted, with the reason: it is scored on what exists. */
    public void close(Deadline deadline, String reason, String actor) {
        events.publishEvent(new DeadlineClosed(deadline, reason, actor));
    }
}
