package cn.huangpu.assessment.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.huangpu.assessment.calendar.CalendarYear.Origin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The administrator's directory of calendar files, and the checks every file passes at startup. */
class CalendarFilesTests {

    /** A made-up 2027 arrangement, only for these tests (the real 2027 notice is not entered). */
    static final String MADE_UP_2027 = """
            year: 2027
            notice:
              number: 测试〔2026〕1号
              title: 测试用的2027年安排
              date: 2026-11-01
            holidays:
              - name: 元旦
                from: 2027-01-01
                to: 2027-01-03
              - name: 春节
                from: 2027-02-06
                to: 2027-02-12
            makeUpWorkdays:
              - { date: 2027-02-20, name: 春节 }
            """;

    @TempDir Path directory;

    WorkingDayCalendar load() {
        return new WorkingDayCalendar(CalendarFiles.load(new CalendarSettings(directory.toString()),
                new PathMatchingResourcePatternResolver()));
    }

    void write(String name, String content) throws IOException {
        Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void aFileInTheDirectoryAddsAYear() throws IOException {
        // given the administrator's 2027 file
        write("2027.yaml", MADE_UP_2027);

        // when the calendar is loaded, then 2027 is known beside the shipped years, and counts across the year end
        WorkingDayCalendar calendar = load();
        assertThat(calendar.years()).containsExactly(2023, 2024, 2025, 2026, 2027);
        assertThat(calendar.year(2027).orElseThrow().origin()).isEqualTo(Origin.DIRECTORY);
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 20))).isTrue();
        // 2026-12-31 (Thu) + 1: 1-3 January 2027 off, Monday 4 January
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 12, 31), 1)).isEqualTo(LocalDate.of(2027, 1, 4));
    }

    @Test
    void aFileInTheDirectoryReplacesTheShippedFileOfItsYear() throws IOException {
        // given a 2026 file in the directory that (made up) declares 5 January 2026 a day off
        write("2026.yaml", """
                year: 2026
                notice:
                  number: 测试〔2025〕1号
                  title: 测试用的2026年安排
                  date: 2025-11-04
                holidays:
                  - { name: 测试, from: 2026-01-05, to: 2026-01-05 }
                """);

        // when loaded, then its arrangement replaces the shipped one as a whole
        WorkingDayCalendar calendar = load();
        assertThat(calendar.year(2026).orElseThrow().notice().number()).isEqualTo("测试〔2025〕1号");
        assertThat(calendar.year(2026).orElseThrow().origin()).isEqualTo(Origin.DIRECTORY);
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 5))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).isTrue();
        assertThat(calendar.year(2025).orElseThrow().origin()).isEqualTo(Origin.BUILT_IN);
    }

    @Test
    void aDirectoryThatDoesNotExistStopsStartup() {
        Path missing = directory.resolve("nosuchdir");
        assertThatThrownBy(() -> CalendarFiles.load(new CalendarSettings(missing.toString()),
                new PathMatchingResourcePatternResolver()))
                .isInstanceOf(CalendarFileException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("assessment.calendar.directory");
    }

    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                Arguments.of("2027.yaml", MADE_UP_2027.replace("  - { date: 2027-02-20, name: 春节 }",
                                "  - { date: 2027-02-19, name: 春节 }"),
                        List.of("2027.yaml 第14行", "makeUpWorkdays 第1项（2027-02-19 春节）", "须为周六或周日", "周五")),
                Arguments.of("2027.yaml", MADE_UP_2027.replace("to: 2027-02-12", "to: 2028-02-12"),
                        List.of("2027.yaml 第12行", "holidays 第2项（春节）", "2028-02-12 不在 2027 年内")),
                Arguments.of("2027.yaml", MADE_UP_2027.replace("from: 2027-01-01", "from: 2026-12-28"),
                        List.of("2027.yaml 第8行", "holidays 第1项（元旦）", "2026-12-28 不在 2027 年内")),
                Arguments.of("2027.yaml", MADE_UP_2027.replace("from: 2027-02-06", "from: 2027-02-30"),
                        List.of("2027.yaml 第11行", "“2027-02-30”不是日期")),
                Arguments.of("2027.yaml", MADE_UP_2027.replace("from: 2027-02-06", "from: 2027-02-13"),
                        List.of("2027.yaml 第10行", "holidays 第2项（春节）", "早于 from")),
                Arguments.of("2027.yaml", MADE_UP_2027.replace("to: 2027-02-12", "to: 2027-03-12"),
                        List.of("2027.yaml 第10行", "共35天，超过15天")),
                Arguments.of("2027.yaml", MADE_UP_2027.replace("from: 2027-02-06\n    to: 2027-02-12",
                                "from: 2027-01-03\n    to: 2027-01-05"),
                        List.of("2027.yaml 第10行", "与第7行的假期（元旦）日期重叠")),
                Arguments.of("2027.yaml", MADE_UP_2027.replace("2027-02-20, name: 春节 }", "2027-02-06, name: 春节 }"),
                        List.of("2027.yaml 第14行", "在假期 春节（2027-02-06 至 2027-02-12）内")),
                Arguments.of("2027.yaml", MADE_UP_2027 + "  - { date: 2027-02-20, name: 春节 }\n",
                        List.of("2027.yaml 第15行", "与第14行重复")),
                Arguments.of("2027.yaml", MADE_UP_2027.replace("holidays:", "holiday:"),
                        List.of("2027.yaml 第6行", "未知字段“holiday”")),
                Arguments.of("2027.yaml", MADE_UP_2027.replace("  number: 测试〔2026〕1号\n", ""),
                        List.of("2027.yaml 第3行", "notice：缺少字段 number")),
                Arguments.of("2027.yaml", MADE_UP_2027.replace("year: 2027", "year: 2028"),
                        List.of("2027.yaml 第1行", "year 为 2028，与文件名 2027.yaml 不符")),
                Arguments.of("2027.yaml", MADE_UP_2027.replace("    to: 2027-01-03", "    to: [2027-01-03"),
                        List.of("2027.yaml", "不是合法的YAML")),
                Arguments.of("2027.yaml", "", List.of("2027.yaml 为空")),
                Arguments.of("next-year.yaml", MADE_UP_2027, List.of("next-year.yaml", "文件名须为年份")));
    }

    @ParameterizedTest(name = "{index}: {2}")
    @MethodSource("brokenFiles")
    void aFileThatFailsACheckStopsStartupNamingTheFileTheLineAndTheProblem(String name, String content,
                                                                          List<String> expected) throws IOException {
        // given the file in the administrator's directory
        write(name, content);

        // when the calendar is loaded (as at startup), then loading fails and says where and what
        assertThatThrownBy(this::load)
                .isInstanceOf(CalendarFileException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(expected));
    }

    @Test
    void aFileThatIsNotUtf8StopsStartup() throws IOException {
        Files.write(directory.resolve("2027.yaml"), MADE_UP_2027.getBytes(java.nio.charset.Charset.forName("GB18030")));

        assertThatThrownBy(this::load).isInstanceOf(CalendarFileException.class).hasMessageContaining("UTF-8");
    }
}
