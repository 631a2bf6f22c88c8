package cn.huangpu.assessment.calendar;

import cn.huangpu.assessment.calendar.CalendarYear.Holiday;
import cn.huangpu.assessment.calendar.CalendarYear.MakeUpWorkday;
import cn.huangpu.assessment.calendar.CalendarYear.Notice;
import cn.huangpu.assessment.calendar.CalendarYear.Origin;
import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one year's calendar file (docs/calendar-format.md) and checks it. The YAML is read as a node tree, not
 * bound to objects, so that every problem names its line: a {@link CalendarFileException} says the file, the
 * line, the entry and what is wrong, in Chinese, for the administrator who edits the file.
 */
final class CalendarReader {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    /** Longer than any holiday a notice has set (the longest so far, 2020's Spring Festival, was 10 days). */
    static final int MAX_HOLIDAY_DAYS = 15;

    private final String file;

    private CalendarReader(String file) {
        this.file = file;
    }

    /**
     * Reads the file of {@code expectedYear} (the year its name gives).
     *
     * @throws CalendarFileException naming the file, the line and the problem
     */
    static CalendarYear read(String text, String file, int expectedYear, Origin origin) {
        return new CalendarReader(file).year(text, expectedYear, origin);
    }

    private CalendarYear year(String text, int expectedYear, Origin origin) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            throw new CalendarFileException(where(line) + "不是合法的YAML（" + e.getProblem() + "）", e);
        } catch (YAMLException e) {
            throw new CalendarFileException("日历文件 " + file + " 不是合法的YAML（" + e.getMessage() + "）", e);
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new CalendarFileException("日历文件 " + file + " 为空，或不是以 year、notice、holidays、makeUpWorkdays 为字段的映射");
        }
        Map<String, Node> fields = fields(mapping, Set.of("year", "notice", "holidays", "makeUpWorkdays"), "文件");
        Node yearNode = required(fields, "year", mapping, "文件");
        String yearText = scalar(yearNode, "year");
        if (!YEAR.matcher(yearText).matches()) {
            throw fail(yearNode, "year 须为四位年份，现为“" + yearText + "”");
        }
        int year = Integer.parseInt(yearText);
        if (year != expectedYear) {
            throw fail(yearNode, "year 为 " + year + "，与文件名 " + file + " 不符");
        }
        Notice notice = notice(required(fields, "notice", mapping, "文件"));
        List<Holiday> holidays = holidays(required(fields, "holidays", mapping, "文件"), year);
        List<MakeUpWorkday> makeUp = fields.containsKey("makeUpWorkdays")
                ? makeUpWorkdays(fields.get("makeUpWorkdays"), year, holidays) : List.of();
        return new CalendarYear(year, notice, holidays, makeUp, origin, file);
    }

    private Notice notice(Node node) {
        MappingNode mapping = mapping(node, "notice");
        Map<String, Node> f = fields(mapping, Set.of("number", "title", "date", "url", "note"), "notice");
        String url = f.containsKey("url") ? scalar(f.get("url"), "notice 的 url") : null;
        if (url != null && !url.startsWith("https://") && !url.startsWith("http://")) {
            throw fail(f.get("url"), "notice 的 url 须以 http:// 或 https:// 开头");
        }
        return new Notice(text(required(f, "number", mapping, "notice"), "notice 的 number"),
                text(required(f, "title", mapping, "notice"), "notice 的 title"),
                date(required(f, "date", mapping, "notice"), "notice 的 date"),
                url, f.containsKey("note") ? text(f.get("note"), "notice 的 note") : null);
    }

    private List<Holiday> holidays(Node node, int year) {
        SequenceNode list = sequence(node, "holidays");
        if (list.getValue().isEmpty()) {
            throw fail(node, "holidays 为空：通知至少安排一个假期");
        }
        List<Holiday> holidays = new ArrayList<>();
        List<Node> nodes = new ArrayList<>();
        int index = 0;
        for (Node item : list.getValue()) {
            String entry = "holidays 第" + (++index) + "项";
            MappingNode mapping = mapping(item, entry);
            Map<String, Node> f = fields(mapping, Set.of("name", "from", "to"), entry);
            String name = text(required(f, "name", mapping, entry), entry + " 的 name");
            entry = entry + "（" + name + "）";
            LocalDate from = date(required(f, "from", mapping, entry), entry + " 的 from");
            LocalDate to = date(required(f, "to", mapping, entry), entry + " 的 to");
            inYear(f.get("from"), from, year, entry);
            inYear(f.get("to"), to, year, entry);
            if (to.isBefore(from)) {
                throw fail(item, entry + "：to（" + to + "）早于 from（" + from + "）");
            }
            long days = ChronoUnit.DAYS.between(from, to) + 1;
            if (days > MAX_HOLIDAY_DAYS) {
                throw fail(item, entry + "：共" + days + "天，超过" + MAX_HOLIDAY_DAYS + "天，请核对起止日期");
            }
            for (int i = 0; i < holidays.size(); i++) {
                Holiday other = holidays.get(i);
                if (!from.isAfter(other.to()) && !to.isBefore(other.from())) {
                    throw fail(item, entry + "：与第" + line(nodes.get(i)) + "行的假期（" + other.name() + "）日期重叠");
                }
            }
            holidays.add(new Holiday(name, from, to));
            nodes.add(item);
        }
        return holidays;
    }

    private List<MakeUpWorkday> makeUpWorkdays(Node node, int year, List<Holiday> holidays) {
        SequenceNode list = sequence(node, "makeUpWorkdays");
        List<MakeUpWorkday> days = new ArrayList<>();
        Map<LocalDate, Node> seen = new HashMap<>();
        int index = 0;
        for (Node item : list.getValue()) {
            String entry = "makeUpWorkdays 第" + (++index) + "项";
            MappingNode mapping = mapping(item, entry);
            Map<String, Node> f = fields(mapping, Set.of("date", "name"), entry);
            LocalDate date = date(required(f, "date", mapping, entry), entry + " 的 date");
            String name = text(required(f, "name", mapping, entry), entry + " 的 name");
            entry = entry + "（" + date + " " + name + "）";
            inYear(f.get("date"), date, year, entry);
            if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
                throw fail(item, entry + "：调休上班日须为周六或周日，" + date + " 是" + weekday(date));
            }
            for (Holiday holiday : holidays) {
                if (holiday.contains(date)) {
                    throw fail(item, entry + "：该日在假期 " + holiday.name() + "（" + holiday.from() + " 至 "
                            + holiday.to() + "）内");
                }
            }
            if (seen.containsKey(date)) {
                throw fail(item, entry + "：与第" + line(seen.get(date)) + "行重复");
            }
            seen.put(date, item);
            days.add(new MakeUpWorkday(date, name));
        }
        return days;
    }

    /** A notice's dates lie in its year; only its New Year arrangement may reach back to 29-31 December. */
    private void inYear(Node node, LocalDate date, int year, String entry) {
        boolean previousDecember = date.getYear() == year - 1 && date.getMonth() == Month.DECEMBER
                && date.getDayOfMonth() >= WorkingDayCalendar.NEXT_NOTICE_FROM_DECEMBER;
        if (date.getYear() != year && !previousDecember) {
            throw fail(node, entry + "：日期 " + date + " 不在 " + year + " 年内（只有元旦的放假调休可从上一年12月"
                    + WorkingDayCalendar.NEXT_NOTICE_FROM_DECEMBER + "日开始）");
        }
    }

    private Map<String, Node> fields(MappingNode mapping, Set<String> allowed, String entry) {
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
            if (key == null || !allowed.contains(key)) {
                throw fail(tuple.getKeyNode(), entry + "：未知字段“" + (key == null ? "?" : key) + "”，可用字段："
                        + String.join("、", allowed.stream().sorted().toList()));
            }
            if (fields.containsKey(key)) {
                throw fail(tuple.getKeyNode(), entry + "：字段 " + key + " 重复");
            }
            fields.put(key, tuple.getValueNode());
        }
        return fields;
    }

    private Node required(Map<String, Node> fields, String key, Node parent, String entry) {
        Node node = fields.get(key);
        if (node == null) {
            throw fail(parent, entry + "：缺少字段 " + key);
        }
        return node;
    }

    private MappingNode mapping(Node node, String entry) {
        if (node instanceof MappingNode mapping) {
            return mapping;
        }
        throw fail(node, entry + " 须为映射（字段: 值）");
    }

    private SequenceNode sequence(Node node, String entry) {
        if (node instanceof SequenceNode sequence) {
            return sequence;
        }
        throw fail(node, entry + " 须为列表（每项以 - 开头）");
    }

    private String scalar(Node node, String what) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue().strip();
        }
        throw fail(node, what + " 须为单个值");
    }

    private String text(Node node, String what) {
        String value = scalar(node, what);
        if (value.isEmpty()) {
            throw fail(node, what + " 为空");
        }
        return value;
    }

    private LocalDate date(Node node, String what) {
        String value = scalar(node, what);
        if (DATE.matcher(value).matches()) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                // a well-formed date that does not exist, such as 2023-02-30
            }
        }
        throw fail(node, what + "“" + value + "”不是日期，须写成 YYYY-MM-DD，如 2023-10-07");
    }

    private CalendarFileException fail(Node node, String message) {
        return new CalendarFileException(where(line(node)) + message);
    }

    private String where(int line) {
        return "日历文件 " + file + (line > 0 ? " 第" + line + "行" : "") + "：";
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private static String weekday(LocalDate date) {
        return switch (date.getDayOfWeek()) {
            case MONDAY -> "周一";
            case TUESDAY -> "周二";
            case WEDNESDAY -> "周三";
            case THURSDAY -> "周四";
            case FRIDAY -> "周五";
            case SATURDAY -> "周六";
            case SUNDAY -> "周日";
        };
    }
}
