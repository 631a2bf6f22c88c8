package cn.huangpu.assessment.calendar;

import java.time.LocalDate;

/**
 * A working-day question about a date that the loaded notices do not decide: the notice of {@link #year()} is not
 * loaded. Answered over HTTP with 404 and the Chinese reason; never guessed as Monday to Friday.
 */
public class CalendarYearMissingException extends RuntimeException {

    private final int year;
    private final LocalDate date;

    /** The year's arrangement was asked for, or {@code date} needs it (null when no single date was asked). */
    public CalendarYearMissingException(int year, LocalDate date) {
        super(reason(year, date));
        this.year = year;
        this.date = date;
    }

    /** The year whose notice is missing. */
    public int year() {
        return year;
    }

    /** The date that needs it, or null. */
    public LocalDate date() {
        return date;
    }

    /** What people read when a year is missing: "2027年节假日安排尚未录入，按工作日计算的期限无法确定". */
    public static String warning(int year) {
        return year + "年节假日安排尚未录入，按工作日计算的期限无法确定";
    }

    private static String reason(int year, LocalDate date) {
        if (date == null || date.getYear() == year) {
            return warning(year) + (date == null ? "" : "（" + WorkingDayCalendar.chinese(date) + "）");
        }
        // 29-31 December: the next year's notice may move them (its New Year holiday, a make-up day)
        return warning(year) + "（" + WorkingDayCalendar.chinese(date) + "是否上班还取决于" + year + "年元旦的放假调休安排）";
    }
}
