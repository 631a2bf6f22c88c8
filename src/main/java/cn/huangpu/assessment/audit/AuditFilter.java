package cn.huangpu.assessment.audit;

import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.InputError;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which entries of a campaign's trail to show: by unit, indicator, actor and a range of days (in the office's
 * time zone, both days included). Every criterion is optional; they combine.
 */
record AuditFilter(String unit, String indicator, String actor, LocalDate from, LocalDate to) {

    static final AuditFilter NONE = new AuditFilter(null, null, null, null, null);

    /** Strict ISO days: 2026-02-30 is refused rather than read as 2026-02-28. */
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final int MAX_ACTOR = 64;

    /**
     * Reads the GET parameters of the page or the export. Blank means "any". Refuses, naming the field in Chinese:
     * a unit that does not take part, an indicator the catalogue lacks, an overlong actor, a day that does not
     * exist or is not written as 年-月-日, and a range that ends before it starts.
     */
    static AuditFilter read(String unit, String indicator, String actor, String from, String to, AuditScope scope,
                            Catalogue catalogue) {
        List<InputError> errors = new ArrayList<>();
        unit = blankToNull(unit);
        indicator = blankToNull(indicator);
        actor = blankToNull(actor);
        if (unit != null && !scope.unitCodes().contains(unit)) {
            errors.add(InputError.field("unit", "单位", "单位“" + shorten(unit) + "”未参加本次考评"));
        }
        if (indicator != null && catalogue.indicator(indicator).isEmpty()) {
            errors.add(InputError.field("indicator", "指标", catalogue.year() + "年度指标目录中没有指标“" + shorten(indicator) + "”"));
        }
        if (actor != null && actor.length() > MAX_ACTOR) {
            errors.add(InputError.field("actor", "操作人", "操作人不能超过" + MAX_ACTOR + "个字符"));
        }
        LocalDate fromDay = day(from, "from", "起始日期", errors);
        LocalDate toDay = day(to, "to", "截止日期", errors);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            errors.add(InputError.field("to", "截止日期", "截止日期（" + toDay + "）不能早于起始日期（" + fromDay + "）"));
        }
        if (!errors.isEmpty()) {
            throw new BadInputException("筛选条件有误", errors);
        }
        return new AuditFilter(unit, indicator, actor, fromDay, toDay);
    }

    /** The page number of a {@code page} parameter: a whole number from 1; blank is the first page. */
    static int page(String page) {
        String value = blankToNull(page);
        if (value == null) {
            return 1;
        }
        if (!value.matches("\\d{1,10}") || Long.parseLong(value) < 1 || Long.parseLong(value) > Integer.MAX_VALUE) {
            throw new BadInputException("筛选条件有误", InputError.field("page", "页码",
                    "页码“" + shorten(value) + "”不对：页码须为从1开始的整数"));
        }
        return Integer.parseInt(value);
    }

    boolean isEmpty() {
        return unit == null && indicator == null && actor == null && from == null && to == null;
    }

    /** The first instant the range includes, or null. */
    Instant start(ZoneId zone) {
        return from == null ? null : from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the range, or null: the end day is included whole. */
    Instant end(ZoneId zone) {
        return to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The query string of this filter (with a page, when one is given), e.g. {@code ?unit=waitan&page=2}. */
    String query(Integer page) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("unit", unit);
        parameters.put("indicator", indicator);
        parameters.put("actor", actor);
        parameters.put("from", from == null ? null : from.toString());
        parameters.put("to", to == null ? null : to.toString());
        parameters.put("page", page == null ? null : page.toString());
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> {
            if (value != null) {
                query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }

    private static LocalDate day(String value, String field, String name, List<InputError> errors) {
        value = blankToNull(value);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value, DAY);
        } catch (DateTimeParseException e) {
            errors.add(InputError.field(field, name, name + "“" + shorten(value) + "”不是有效的日期，请按“年-月-日”填写，如 2026-11-20"));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Echoes what was typed, but never a page-long string. */
    private static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
