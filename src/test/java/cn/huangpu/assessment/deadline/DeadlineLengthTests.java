package cn.huangpu.assessment.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.huangpu.assessment.calendar.CalendarYearMissingException;
import cn.huangpu.assessment.calendar.ShippedCalendar;
import cn.huangpu.assessment.calendar.WorkingDayCalendar;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A stage's length, counted on the shipped calendar. The expected days were read off the notices: 2023's National
 * Day holiday (9月29日至10月6日, make-up days 10月7日、8日) and 2026's Spring Festival (2月15日至23日, make-up days
 * 2月14日、28日).
 */
class DeadlineLengthTests {

    static final WorkingDayCalendar CALENDAR = ShippedCalendar.shipped();

    @ParameterizedTest(name = "{2} after {0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2023-09-22 | 2023-10-26 | 20 working days   | WORKING_DAYS  | 20
            2023-09-27 | 2023-10-07 | across National Day, the make-up Saturday counts | WORKING_DAYS | 2
            2026-02-13 | 2026-02-24 | across the Spring Festival, Saturday 14th counts | WORKING_DAYS | 2
            2026-02-12 | 2026-02-17 | 5 calendar days ignore holidays | CALENDAR_DAYS | 5
            2023-12-08 | 2023-12-08 | 0 days end the day the stage opens | WORKING_DAYS | 0
            """)
    void theLastDayCountsTheDaysOfItsKind(LocalDate start, LocalDate expected, String why,
                                          DeadlineLength.Counted counted, int days) {
        // given a length of the kind and days
        DeadlineLength length = new DeadlineLength(days, counted);

        // when its last day is counted from the start, then it is the notice's date
        assertThat(length.lastDay(start, CALENDAR)).as(why).isEqualTo(expected);
    }

    @Test
    void workingDaysThroughAYearWithoutItsNoticeAreRefusedNotGuessed() {
        // given a length of working days that runs into 2027, whose notice is not shipped
        DeadlineLength length = DeadlineLength.workingDays(20);

        // when counted from December 2026, then the missing year is named
        assertThatThrownBy(() -> length.lastDay(LocalDate.of(2026, 12, 15), CALENDAR))
                .isInstanceOf(CalendarYearMissingException.class)
                .hasMessageContaining("2027年节假日安排尚未录入");
    }

    @Test
    void aLengthWithoutItsKindCountsWorkingDaysAndANegativeOneIsRefused() {
        assertThat(new DeadlineLength(5, null).counted()).isEqualTo(DeadlineLength.Counted.WORKING_DAYS);
        assertThat(DeadlineLength.workingDays(5).describe()).isEqualTo("5个工作日");
        assertThat(DeadlineLength.calendarDays(14).describe()).isEqualTo("14天");
        assertThatThrownBy(() -> new DeadlineLength(-1, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
