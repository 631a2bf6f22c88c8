package cn.huangpu.assessment.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the working-day calendar is read from besides the files shipped with the application.
 *
 * @param directory a directory of {@code <year>.yaml} files; a file there replaces the shipped file of its year
 *                  or adds a year. Empty (the default): the shipped files only
 */
@ConfigurationProperties(prefix = "assessment.calendar")
public record CalendarSettings(String directory) {

    public CalendarSettings {
        directory = directory == null ? "" : directory.strip();
    }
}
