package cn.huangpu.assessment.calendar;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The calendar of the shipped files, for tests of other modules that count working days without a Spring context. */
public final class ShippedCalendar {

    private ShippedCalendar() {
    }

    public static WorkingDayCalendar shipped() {
        return new WorkingDayCalendar(CalendarFiles.load(new CalendarSettings(""), new PathMatchingResourcePatternResolver()));
    }
}
