package cn.huangpu.assessment.deadline;

import cn.huangpu.assessment.calendar.WorkingDayCalendar;
import java.time.LocalDate;

/**
 * How long a stage lasts from the day it opens: {@code days} working days (工作日, as the State Council's notices
 * make them) or {@code days} calendar days. Settings name it as {@code {days: 5, counted: WORKING_DAYS}}; a missing
 * {@code counted} means working days, as the plan counts them.
 *
 * @param days    whole days, 0 or more; 0 means the stage ends the day it opens (a caller may skip it)
 * @param counted which days count
 */
public record DeadlineLength(int days, Counted counted) {

    /** Which days a length counts. */
    public enum Counted { WORKING_DAYS, CALENDAR_DAYS }

    public DeadlineLength {
        if (days < 0) {
            throw new IllegalArgumentException("a deadline length takes 0 or more days, not " + days);
        }
        counted = counted == null ? Counted.WORKING_DAYS : counted;
    }

    public static DeadlineLength workingDays(int days) {
        return new DeadlineLength(days, Counted.WORKING_DAYS);
    }

    public static DeadlineLength calendarDays(int days) {
        return new DeadlineLength(days, Counted.CALENDAR_DAYS);
    }

    /**
     * The last day of the stage: the {@code days}th working (or calendar) day after {@code start}, which is not
     * counted itself.
     *
     * @throws cn.huangpu.assessment.calendar.CalendarYearMissingException when working days are counted through a
     *                                                                      year whose notice is not loaded
     */
    public LocalDate lastDay(LocalDate start, WorkingDayCalendar calendar) {
        return counted == Counted.WORKING_DAYS ? calendar.addWorkingDays(start, days) : start.plusDays(days);
    }

    /** How people say it: 5个工作日, 14天. */
    public String describe() {
        return days + (counted == Counted.WORKING_DAYS ? "个工作日" : "天");
    }
}
