package cn.huangpu.assessment.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Adding and counting working days agree with each other on every date of the shipped years: the result of adding
 * n is a working day that is n working days away, and one more day lands later.
 */
class WorkingDayCalendarPropertyTests {

    static final WorkingDayCalendar SHIPPED = WorkingDayCalendarTests.shipped();

    /** Starts from 2023-01-01 to 2025-12-31: 200 working days later is still before the 29th of December 2026. */
    @Provide
    Arbitrary<LocalDate> starts() {
        LocalDate first = LocalDate.of(2023, 1, 1);
        return Arbitraries.integers().between(0, (int) (LocalDate.of(2025, 12, 31).toEpochDay() - first.toEpochDay()))
                .map(first::plusDays);
    }

    @Property(tries = 500)
    void addingNWorkingDaysLandsOnAWorkingDayNWorkingDaysAway(@ForAll("starts") LocalDate from,
                                                               @ForAll @IntRange(min = 1, max = 200) int days) {
        // when n working days are added
        LocalDate result = SHIPPED.addWorkingDays(from, days);

        // then the result is a working day after the start, n working days from it, and n + 1 lands later
        assertThat(result).isAfter(from);
        assertThat(SHIPPED.isWorkingDay(result)).isTrue();
        assertThat(SHIPPED.workingDaysBetween(from, result)).isEqualTo(days);
        assertThat(SHIPPED.workingDaysBetween(result, from)).isEqualTo(-days);
        assertThat(SHIPPED.workingDaysBetween(from, result.minusDays(1))).isEqualTo(days - 1);
        assertThat(SHIPPED.addWorkingDays(from, days + 1)).isAfter(result);
    }

    @Property(tries = 300)
    void aDateThatNoNoticeNamesIsAWorkingDayExactlyFromMondayToFriday(@ForAll("starts") LocalDate date) {
        // given a date that no shipped notice lists as a holiday or make-up day
        boolean named = SHIPPED.years().stream().map(y -> SHIPPED.year(y).orElseThrow()).anyMatch(y ->
                y.holidays().stream().anyMatch(h -> h.contains(date))
                        || y.makeUpWorkdays().stream().anyMatch(m -> m.date().equals(date)));
        if (named) {
            return;
        }
        // then it is worked exactly when it is a weekday
        assertThat(SHIPPED.isWorkingDay(date)).isEqualTo(date.getDayOfWeek().getValue() <= 5);
    }
}
