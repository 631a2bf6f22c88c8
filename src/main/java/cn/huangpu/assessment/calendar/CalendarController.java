package cn.huangpu.assessment.calendar;

import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.InputError;
import cn.huangpu.assessment.web.TypedText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The working-day calendar for any signed-in account. The query parameters are read as text, so that a missing or
 * malformed one is refused with 400 naming it in Chinese, as every bad input of the API is.
 */
@RestController
@RequestMapping("/api/calendar")
@Tag(name = "工作日")
class CalendarController {

    /**
     * The most working days one question may add: about four years, beyond any statutory period counted in working
     * days (the longest in the plan is 20, with a 20-day extension).
     */
    static final int MAX_DAYS = 1000;
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d{1,9}");

    private final WorkingDayCalendar calendar;

    CalendarController(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    /** A date the working days lead to. */
    record WorkingDate(LocalDate date) {
    }

    @GetMapping
    @Operation(summary = "已录入节假日安排的年度")
    SortedSet<Integer> years() {
        return calendar.years();
    }

    @GetMapping("/{year}")
    @Operation(summary = "某年的放假日期和调休上班日期，及其依据的国务院办公厅通知（文号、标题、日期、网址）；未录入的年度答 404")
    CalendarYear year(@PathVariable int year) {
        return calendar.year(year).orElseThrow(() -> new CalendarYearMissingException(year, null));
    }

    @GetMapping("/add-working-days")
    @Operation(summary = "from 之后的第 days 个工作日（from 当天不计；days 为 0 时即 from）；途经未录入的年度答 404")
    WorkingDate addWorkingDays(@RequestParam(required = false) String from,
                               @RequestParam(required = false) String days) {
        List<InputError> errors = new ArrayList<>();
        LocalDate start = date(from, "from", "起始日期", errors);
        Integer count = days(days, errors);
        if (!errors.isEmpty()) {
            throw new BadInputException("工作日计算的输入有误", errors);
        }
        return new WorkingDate(calendar.addWorkingDays(start, count));
    }

    @ExceptionHandler(CalendarYearMissingException.class)
    ProblemDetail missingYear(CalendarYearMissingException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("节假日安排尚未录入");
        problem.setProperty("year", e.year());
        return problem;
    }

    private static LocalDate date(String value, String field, String label, List<InputError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(InputError.field(field, label, "未填写" + label));
            return null;
        }
        String given = value.strip();
        if (DATE.matcher(given).matches()) {
            try {
                return LocalDate.parse(given);
            } catch (DateTimeParseException e) {
                // well-formed but no such day (2023-02-30): refused below like any other text
            }
        }
        errors.add(InputError.field(field, label, "须为日期，写成 YYYY-MM-DD，如 2023-09-22，收到“" + TypedText.shown(given) + "”"));
        return null;
    }

    private static Integer days(String value, List<InputError> errors) {
        String label = "工作日天数";
        if (value == null || value.isBlank()) {
            errors.add(InputError.field("days", label, "未填写" + label));
            return null;
        }
        String given = value.strip();
        if (!WHOLE.matcher(given).matches()) {
            errors.add(InputError.field("days", label, "须为0至" + MAX_DAYS + "之间的整数，收到“" + TypedText.shown(given) + "”"));
            return null;
        }
        int days = Integer.parseInt(given);
        if (days < 0 || days > MAX_DAYS) {
            errors.add(InputError.field("days", label, "须为0至" + MAX_DAYS + "之间的整数，收到 " + days));
            return null;
        }
        return days;
    }
}
