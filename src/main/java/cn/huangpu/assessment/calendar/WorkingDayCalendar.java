package cn.huangpu.assessment.calendar;

import cn.huangpu.assessment.calendar.CalendarYear.Holiday;
import cn.huangpu.assessment.calendar.CalendarYear.MakeUpWorkday;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Working days (工作日) as the State Council's notices make them: Monday to Friday, except the notice's days off,
 * plus its make-up working days (调休上班) on weekends.
 *
 * <p>Which notices decide a date: the notice of the date's year, and for 29-31 December also the next year's,
 * whose New Year holiday may begin there (the 2023 notice: 2022-12-31 to 2023-01-02) or put a make-up day there
 * (the 2019 notice: Saturday 2018-12-29). A date is answered only when every notice that may decide it is loaded;
 * otherwise {@link CalendarYearMissingException} names the missing year. So without a 2022 file, 2022-12-31 is
 * refused although the 2023 notice names it; the 2023 file's entry for it applies once a 2022 file is added. For
 * those last days of December the later notice wins over the year's own.
 *
 * <p>Immutable once built; safe for concurrent use.
 */
public final class WorkingDayCalendar {

    /** From this day of December on, a date may also be decided by the next year's notice. */
    static final int NEXT_NOTICE_FROM_DECEMBER = 29;

    private final Map<Integer, CalendarYear> years;
    /** Every date a loaded notice names, true for a make-up working day, false for a day off. */
    private final Map<LocalDate, Boolean> named;

    WorkingDayCalendar(Collection<CalendarYear> loaded) {
        Map<Integer, CalendarYear> byYear = new TreeMap<>();
        loaded.forEach(y -> byYear.put(y.year(), y));
        Map<LocalDate, Boolean> days = new HashMap<>();
        // in ascending years, so that a notice's entries in the previous December replace that year's own
        for (CalendarYear year : byYear.values()) {
            for (Holiday holiday : year.holidays()) {
                for (LocalDate d = holiday.from(); !d.isAfter(holiday.to()); d = d.plusDays(1)) {
                    days.put(d, false);
                }
            }
            for (MakeUpWorkday day : year.makeUpWorkdays()) {
                days.put(day.date(), true);
            }
        }
        this.years = Collections.unmodifiableMap(byYear);
        this.named = Map.copyOf(days);
    }

    /** The years whose notice is loaded. */
    public SortedSet<Integer> years() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(years.keySet()));
    }

    /** The year's arrangement as loaded, or empty when its notice is not. */
    public Optional<CalendarYear> year(int year) {
        return Optional.ofNullable(years.get(year));
    }

    /**
     * Whether people work on {@code date}.
     *
     * @throws CalendarYearMissingException when a notice that decides the date is not loaded
     */
    public boolean isWorkingDay(LocalDate date) {
        requireDecided(date);
        Boolean fromNotice = named.get(date);
        if (fromNotice != null) {
            return fromNotice;
        }
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /**
     * The {@code days}th working day after {@code from}: {@code from} itself is not counted, whether or not it is a
     * working day, so that "within 20 working days of X" ends on {@code addWorkingDays(X, 20)}. Zero days give
     * {@code from} unchanged. Only the dates after {@code from} need their notices.
     *
     * @throws IllegalArgumentException     for a negative number of days
     * @throws CalendarYearMissingException when a date on the way is not decided by a loaded notice
     */
    public LocalDate addWorkingDays(LocalDate from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative: " + days);
        }
        LocalDate date = from;
        for (int left = days; left > 0; ) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                left--;
            }
        }
        return date;
    }

    /**
     * The working days after {@code from} up to and including {@code to}: {@code from} is not counted, {@code to}
     * is, so that {@code workingDaysBetween(x, addWorkingDays(x, n)) == n}. Negative when {@code to} is before
     * {@code from} (the same count, as from {@code to} to {@code from}); zero for the same date.
     *
     * @throws CalendarYearMissingException when a date counted is not decided by a loaded notice
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
            if (isWorkingDay(date)) {
                count++;
            }
        }
        return count;
    }

    /** The years whose notices the dates need (as {@link #isWorkingDay} does) and that are not loaded. */
    public SortedSet<Integer> missingYears(Collection<LocalDate> dates) {
        SortedSet<Integer> missing = new TreeSet<>();
        for (LocalDate date : dates) {
            for (int year : yearsDeciding(date)) {
                if (!years.containsKey(year)) {
                    missing.add(year);
                }
            }
        }
        return missing;
    }

    /** For each year the dates need and that is not loaded, the warning people read (oldest year first). */
    public List<String> missingYearWarnings(Collection<LocalDate> dates) {
        List<String> warnings = new ArrayList<>();
        missingYears(dates).forEach(year -> warnings.add(CalendarYearMissingException.warning(year)));
        return warnings;
    }

    private void requireDecided(LocalDate date) {
        for (int year : yearsDeciding(date)) {
            if (!years.containsKey(year)) {
                throw new CalendarYearMissingException(year, date);
            }
        }
    }

    private static List<Integer> yearsDeciding(LocalDate date) {
        if (date.getMonth() == Month.DECEMBER && date.getDayOfMonth() >= NEXT_NOTICE_FROM_DECEMBER) {
            return List.of(date.getYear(), date.getYear() + 1);
        }
        return List.of(date.getYear());
    }

    /** A date as a Chinese sentence writes it: 2026年12月30日. */
    static String chinese(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}
