package cn.huangpu.assessment.calendar;

import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.ResourcePatternResolver;

/** The calendar, read and checked once at startup: a file that cannot be used stops the application. */
@Configuration
class CalendarConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CalendarConfiguration.class);

    @Bean
    WorkingDayCalendar workingDayCalendar(CalendarSettings settings, ResourcePatternResolver resolver) {
        List<CalendarYear> years = CalendarFiles.load(settings, resolver);
        log.info("Working-day calendar: {}", years.stream()
                .map(y -> y.year() + " (" + y.notice().number() + ", " + y.origin() + ")")
                .collect(Collectors.joining(", ")));
        return new WorkingDayCalendar(years);
    }
}
