package cn.huangpu.assessment.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.huangpu.assessment.calendar.CalendarYear.Holiday;
import cn.huangpu.assessment.calendar.CalendarYear.MakeUpWorkday;
import cn.huangpu.assessment.calendar.CalendarYear.Notice;
import cn.huangpu.assessment.calendar.CalendarYear.Origin;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The shipped calendar against the dates of the State Council's notices. Each expected value was read off the
 * notice's text (quoted in the calendar files), not computed: the notices for 2023 (国办发明电〔2022〕16号),
 * 2024 (国办发明电〔2023〕7号), 2025 (国办发明电〔2024〕12号) and 2026 (dated 2025-11-04).
 */
class WorkingDayCalendarTests {

    static final WorkingDayCalendar SHIPPED = shipped();

    static WorkingDayCalendar shipped() {
        return new WorkingDayCalendar(CalendarFiles.load(new CalendarSettings(""), new PathMatchingResourcePatternResolver()));
    }

    @ParameterizedTest(name = "{0} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2023-09-29 | false | 中秋节、国庆节: 9月29日至10月6日放假 (a Friday off)
            2023-10-06 | false | the last day off, a Friday
            2023-10-07 | true  | 10月7日（星期六）上班
            2023-10-08 | true  | 10月8日（星期日）上班
            2023-10-09 | true  | an ordinary Monday
            2023-09-23 | false | an ordinary Saturday
            2023-01-02 | false | 元旦: 2022年12月31日至2023年1月2日放假 (a Monday off)
            2023-01-03 | true  | the Tuesday after
            2023-01-27 | false | 春节: 1月21日至27日放假 (a Friday off)
            2023-01-28 | true  | 1月28日（星期六）上班
            2023-01-29 | true  | 1月29日（星期日）上班
            2023-04-05 | false | 清明节: 4月5日放假 (a Wednesday)
            2023-04-23 | true  | 4月23日（星期日）上班
            2023-05-06 | true  | 5月6日（星期六）上班
            2023-06-23 | false | 端午节: 6月22日至24日放假 (a Friday off)
            2023-06-25 | true  | 6月25日（星期日）上班
            2024-01-01 | false | 元旦: 1月1日放假，与周末连休
            2024-02-04 | true  | 2月4日（星期日）上班
            2024-02-09 | true  | 除夕: units are only encouraged to give it off, so a Friday worked
            2024-02-16 | false | 春节: 2月10日至17日放假 (a Friday off)
            2024-02-18 | true  | 2月18日（星期日）上班
            2024-04-07 | true  | 清明节: 4月7日（星期日）上班
            2024-04-28 | true  | 劳动节: 4月28日（星期日）上班
            2024-05-11 | true  | 5月11日（星期六）上班
            2024-06-10 | false | 端午节: 6月10日放假 (a Monday)
            2024-09-14 | true  | 中秋节: 9月14日（星期六）上班
            2024-09-29 | true  | 国庆节: 9月29日（星期日）上班
            2024-10-07 | false | 国庆节: 10月1日至7日放假 (a Monday off)
            2024-10-12 | true  | 10月12日（星期六）上班
            2025-01-01 | false | 元旦: 1月1日（周三）放假1天，不调休
            2025-01-02 | true  | the Thursday after, no make-up arrangement
            2025-01-26 | true  | 春节: 1月26日（周日）上班
            2025-01-28 | false | 1月28日（农历除夕、周二）: a statutory day off since the 2024 revision
            2025-02-04 | false | 2月4日（农历正月初七、周二）, the last day off
            2025-02-08 | true  | 2月8日（周六）上班
            2025-04-27 | true  | 劳动节: 4月27日（周日）上班
            2025-05-02 | false | 5月2日: the other statutory day added in 2024 (a Friday)
            2025-05-05 | false | 劳动节: 5月1日至5日放假 (a Monday off)
            2025-06-02 | false | 端午节: 5月31日至6月2日放假 (a Monday off)
            2025-09-28 | true  | 国庆节、中秋节: 9月28日（周日）上班
            2025-10-08 | false | 10月1日至8日放假 (a Wednesday off)
            2025-10-11 | true  | 10月11日（周六）上班
            2026-01-02 | false | 元旦: 1月1日至3日放假 (a Friday off)
            2026-01-04 | true  | 1月4日（周日）上班
            2026-02-14 | true  | 春节: 2月14日（周六）上班
            2026-02-16 | false | 春节: 2月15日至23日放假 (a Monday off)
            2026-02-23 | false | 2月23日（农历正月初七、周一）, the last day off
            2026-02-24 | true  | the Tuesday after
            2026-02-28 | true  | 2月28日（周六）上班
            2026-04-06 | false | 清明节: 4月4日至6日放假 (a Monday off)
            2026-05-05 | false | 劳动节: 5月1日至5日放假 (a Tuesday off)
            2026-05-09 | true  | 5月9日（周六）上班
            2026-06-19 | false | 端午节: 6月19日（周五）
            2026-09-20 | true  | 国庆节: 9月20日（周日）上班
            2026-09-25 | false | 中秋节: 9月25日（周五）
            2026-10-07 | false | 国庆节: 10月1日至7日放假 (a Wednesday off)
            2026-10-10 | true  | 10月10日（周六）上班
            2026-12-28 | true  | an ordinary Monday, before the days the next notice may move
            """)
    void aDateIsAWorkingDayExactlyAsTheNoticeSays(LocalDate date, boolean working, String why) {
        // given the shipped calendar; when asked; then the notice's answer
        assertThat(SHIPPED.isWorkingDay(date)).as(why).isEqualTo(working);
    }

    @ParameterizedTest(name = "{0} + {1} = {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            2023-09-22 | 20 | 2023-10-26 | the acceptance case, counted by hand below
            2023-09-22 |  0 | 2023-09-22 | no days: the date itself
            2023-09-28 |  1 | 2023-10-07 | the day before the holiday, then the make-up Saturday
            2023-09-29 |  1 | 2023-10-07 | from a day off, the first working day after it
            2023-12-29 |  1 | 2024-01-02 | across New Year: weekend, then 1 January off
            2024-02-08 |  1 | 2024-02-09 | 除夕 2024 is worked
            2024-02-09 |  1 | 2024-02-18 | then the Spring Festival, then the make-up Sunday
            2025-01-24 |  1 | 2025-01-26 | a Friday, then the make-up Sunday
            2025-12-31 |  1 | 2026-01-04 | across New Year into the 2026 notice: 1-3 January off, Sunday 4 January worked
            2026-02-13 |  1 | 2026-02-14 | a Friday, then the make-up Saturday
            2026-02-14 |  1 | 2026-02-24 | the make-up Saturday, then 15-23 February off
            2026-12-15 |  5 | 2026-12-22 | a December count that stays before the 29th
            2022-12-31 |  1 | 2023-01-03 | from a date no loaded notice decides: only the days after it are counted
            """)
    void addsWorkingDaysNotCountingTheStart(LocalDate from, int days, LocalDate expected, String why) {
        // 2023-09-22 (Fri) + 20, counted by hand on the 2023 notice:
        //   23, 24 Sep weekend; 25, 26, 27, 28 Sep = 1-4; 29 Sep-6 Oct off; 7 (Sat), 8 (Sun) Oct worked = 5, 6;
        //   9-13 Oct = 7-11; 16-20 Oct = 12-16; 23, 24, 25, 26 Oct = 17, 18, 19, 20 -> Thursday 2023-10-26
        assertThat(SHIPPED.addWorkingDays(from, days)).as(why).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} to {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2023-09-22 | 2023-10-26 |  20
            2023-10-26 | 2023-09-22 | -20
            2023-09-22 | 2023-09-22 |   0
            2023-09-28 | 2023-10-06 |   0
            2023-10-06 | 2023-10-07 |   1
            2023-10-07 | 2023-10-08 |   1
            2023-10-07 | 2023-10-07 |   0
            2023-01-01 | 2023-12-31 | 249
            """)
    void countsTheWorkingDaysAfterTheStartUpToAndIncludingTheEnd(LocalDate from, LocalDate to, int expected) {
        // 2023 as a whole (1 January, not counted, is a Sunday): 260 weekdays, minus the 18 weekdays off
        // (2 Jan; 23-27 Jan; 5 Apr; 1-3 May; 22-23 Jun; 29 Sep; 2-6 Oct), plus the 7 make-up days = 249;
        // 29-31 December 2023 also need the 2024 notice, which is loaded and names none of them
        assertThat(SHIPPED.workingDaysBetween(from, to)).isEqualTo(expected);
    }

    @Test
    void aYearWithoutItsNoticeIsRefusedNotGuessed() {
        // given the shipped calendar, which has no 2027 file; when a 2027 date is asked, then it is refused
        assertThatThrownBy(() -> SHIPPED.isWorkingDay(LocalDate.of(2027, 3, 1)))
                .isInstanceOf(CalendarYearMissingException.class)
                .hasMessageContaining("2027年节假日安排尚未录入，按工作日计算的期限无法确定")
                .satisfies(e -> assertThat(((CalendarYearMissingException) e).year()).isEqualTo(2027));
        assertThatThrownBy(() -> SHIPPED.isWorkingDay(LocalDate.of(2019, 6, 3)))
                .isInstanceOf(CalendarYearMissingException.class).hasMessageContaining("2019年");
    }

    @Test
    void countingAcrossTheYearEndIntoAYearWithoutItsNoticeIsRefusedAtTheTwentyNinthOfDecember() {
        // given 20 working days from 15 December 2026, when only the 2026 notice is loaded
        // when counted, then refused naming 2027 and the first date the 2027 notice may move
        assertThatThrownBy(() -> SHIPPED.addWorkingDays(LocalDate.of(2026, 12, 15), 20))
                .isInstanceOf(CalendarYearMissingException.class)
                .hasMessageContaining("2027年节假日安排尚未录入")
                .hasMessageContaining("2026年12月29日");
        assertThatThrownBy(() -> SHIPPED.workingDaysBetween(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 10)))
                .isInstanceOf(CalendarYearMissingException.class).hasMessageContaining("2027年");
    }

    @Test
    void theLastDayOf2022WhichOnlyThe2023NoticeNamesIsRefusedWithoutA2022File() {
        // given the shipped files: the 2023 notice's 元旦 begins on 2022-12-31, and there is no 2022 file
        // when 2022-12-31 or the day before is asked, then both are refused naming 2022
        assertThatThrownBy(() -> SHIPPED.isWorkingDay(LocalDate.of(2022, 12, 31)))
                .isInstanceOf(CalendarYearMissingException.class).hasMessageContaining("2022年节假日安排尚未录入");
        assertThatThrownBy(() -> SHIPPED.isWorkingDay(LocalDate.of(2022, 12, 30)))
                .isInstanceOf(CalendarYearMissingException.class).hasMessageContaining("2022年");
        // and the year's own listing keeps the holiday as the notice states it
        assertThat(SHIPPED.year(2023).orElseThrow().holidays().get(0))
                .isEqualTo(new Holiday("元旦", LocalDate.of(2022, 12, 31), LocalDate.of(2023, 1, 2)));
    }

    @Test
    void forTheLastDaysOfDecemberTheNextYearsNoticeWins() {
        // given a (made-up) 2022 file that declares Saturday 2022-12-31 worked, beside the shipped 2023 notice,
        // whose New Year holiday begins that day
        List<CalendarYear> years = new ArrayList<>(CalendarFiles.load(new CalendarSettings(""),
                new PathMatchingResourcePatternResolver()));
        years.add(new CalendarYear(2022, new Notice("测试", "测试用的2022年安排", LocalDate.of(2021, 12, 1), null, null),
                List.of(new Holiday("国庆节", LocalDate.of(2022, 10, 1), LocalDate.of(2022, 10, 7))),
                List.of(new MakeUpWorkday(LocalDate.of(2022, 12, 31), "测试")), Origin.DIRECTORY, "2022.yaml"));
        WorkingDayCalendar calendar = new WorkingDayCalendar(years);

        // when 2022-12-31 and 2022-12-30 are asked
        // then the later (2023) notice decides the 31st; the 30th, a Friday no notice names, is worked
        assertThat(calendar.isWorkingDay(LocalDate.of(2022, 12, 31))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2022, 12, 30))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2022, 10, 7))).isFalse();
    }

    @Test
    void aNegativeNumberOfDaysIsRefused() {
        assertThatThrownBy(() -> SHIPPED.addWorkingDays(LocalDate.of(2023, 9, 22), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesEachYearThatDatesNeedAndThatIsMissing() {
        // given dates of a 2026 campaign, of a 2027 one, and the last days of December 2026
        List<LocalDate> in2026 = List.of(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 12, 15));

        // then 2026 needs nothing more; 2027 is missing; 30 December 2026 needs the 2027 notice too
        assertThat(SHIPPED.missingYearWarnings(in2026)).isEmpty();
        assertThat(SHIPPED.missingYearWarnings(List.of(LocalDate.of(2027, 11, 20), LocalDate.of(2028, 1, 5))))
                .containsExactly("2027年节假日安排尚未录入，按工作日计算的期限无法确定",
                        "2028年节假日安排尚未录入，按工作日计算的期限无法确定");
        assertThat(SHIPPED.missingYears(List.of(LocalDate.of(2026, 12, 30)))).containsExactly(2027);
        assertThat(SHIPPED.missingYears(List.of(LocalDate.of(2023, 12, 30)))).isEmpty();
    }

    @Test
    void shipsTheNoticesOf2023To2026WithTheirNumbersAndDates() {
        assertThat(SHIPPED.years()).containsExactly(2023, 2024, 2025, 2026);
        assertThat(SHIPPED.year(2023).orElseThrow().notice())
                .extracting(Notice::number, Notice::date)
                .containsExactly("国办发明电〔2022〕16号", LocalDate.of(2022, 12, 8));
        assertThat(SHIPPED.year(2024).orElseThrow().notice())
                .extracting(Notice::number, Notice::date)
                .containsExactly("国办发明电〔2023〕7号", LocalDate.of(2023, 10, 25));
        assertThat(SHIPPED.year(2025).orElseThrow().notice())
                .extracting(Notice::number, Notice::date)
                .containsExactly("国办发明电〔2024〕12号", LocalDate.of(2024, 11, 12));
        assertThat(SHIPPED.year(2026).orElseThrow().notice())
                .extracting(Notice::number, Notice::date)
                .containsExactly("国办发明电〔2025〕7号", LocalDate.of(2025, 11, 4));
        assertThat(SHIPPED.year(2026).orElseThrow().notice().note()).contains("尚未与中国政府网原文核对");
        assertThat(SHIPPED.years()).allSatisfy(y -> assertThat(SHIPPED.year(y).orElseThrow().origin())
                .isEqualTo(Origin.BUILT_IN));
    }
}
