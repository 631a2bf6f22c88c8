package cn.huangpu.assessment.register;

import cn.huangpu.assessment.web.TypedText;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks one register row as typed (a spreadsheet row's cells, or the page's fields), column by column, and
 * reads it into a {@link RegisterEntry}. Every problem is named by its column and said in Chinese; a row with a
 * problem gives no entry.
 */
final class RegisterChecks {

    /** {@code register_row.title}'s length (V60). */
    static final int MAX_TITLE = 500;
    /** {@code register_row.withheld_reason}'s and {@code register_void_number.reason}'s length (V60). */
    static final int MAX_REASON = 500;
    /** {@code register_row.doc_number}'s and {@code register_void_number.doc_number}'s length (V60), as typed. */
    static final int MAX_NUMBER_TEXT = 100;

    /** 2023-09-22, 2023/9/22, 2023.9.22, 2023年9月22日: the ways a date is typed into a register. */
    private static final Pattern YEAR_FIRST = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    /** 9/22/23: how the spreadsheet reader shows a date cell in Excel's default short date format (m/d/yy). */
    private static final Pattern SHORT_US = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{2})");

    private RegisterChecks() {
    }

    /** A problem of one column of a row: the column's index in {@link Register#headers()} and the reason. */
    record Problem(int column, String reason) {
    }

    /** The row read, or its problems. */
    record Checked(RegisterEntry entry, DocumentNumber number, List<Problem> problems) {
    }

    /**
     * Reads one row's texts, in the order of {@link Register#headers()}. The 文号 of a document must be readable
     * ({@link DocumentNumber}); a 不予公开 document needs its reason, and only it has one; the second date is not
     * before the first.
     */
    static Checked check(Register register, List<String> texts) {
        List<Problem> problems = new ArrayList<>();
        List<String> headers = register.headers();
        String numberText = text(texts, 0);
        String title = text(texts, 1);
        DocumentNumber number = null;
        String normalised = numberText.isEmpty() ? null : numberText;
        if (numberText.length() > MAX_NUMBER_TEXT) {
            problems.add(new Problem(0, headers.get(0) + "过长：最多" + MAX_NUMBER_TEXT + "字"));
        } else if (register.documents()) {
            if (numberText.isEmpty()) {
                problems.add(new Problem(0, "须填写" + headers.get(0)));
            } else {
                DocumentNumber.Parsed parsed = DocumentNumber.parse(numberText);
                if (parsed.problem() != null) {
                    problems.add(new Problem(0, parsed.problem()));
                } else {
                    number = parsed.number();
                    normalised = number.toString();
                }
            }
        }
        if (title.isEmpty()) {
            problems.add(new Problem(1, "须填写" + headers.get(1)));
        } else if (title.length() > MAX_TITLE) {
            problems.add(new Problem(1, headers.get(1) + "过长：最多" + MAX_TITLE + "字，实有" + title.length() + "字"));
        }
        LocalDate start = date(texts, 2, headers, problems);
        Disclosure disclosure = null;
        String reason = null;
        int endColumn = headers.size() - 1;
        if (register.documents()) {
            String attribute = text(texts, 3);
            reason = text(texts, 4).isEmpty() ? null : text(texts, 4);
            if (attribute.isEmpty()) {
                problems.add(new Problem(3, "须填写公开属性：主动公开、依申请公开或不予公开"));
            } else {
                disclosure = Disclosure.parse(attribute).orElse(null);
                if (disclosure == null) {
                    problems.add(new Problem(3, "公开属性“" + TypedText.shown(attribute) + "”无效，须为主动公开、依申请公开或不予公开"));
                }
            }
            if (disclosure == Disclosure.WITHHELD && reason == null) {
                problems.add(new Problem(4, "不予公开的公文须写明不予公开的理由"));
            } else if (reason != null && disclosure != null && disclosure != Disclosure.WITHHELD) {
                problems.add(new Problem(4, "只有不予公开的公文填写不予公开理由（本行为" + disclosure.label() + "）"));
            } else if (reason != null && reason.length() > MAX_REASON) {
                problems.add(new Problem(4, "不予公开理由过长：最多" + MAX_REASON + "字"));
            }
        }
        LocalDate end = date(texts, endColumn, headers, problems);
        if (start != null && end != null && end.isBefore(start)) {
            problems.add(new Problem(endColumn, headers.get(endColumn) + " " + end + " 早于" + headers.get(2) + " " + start));
        }
        if (!problems.isEmpty()) {
            return new Checked(null, null, problems);
        }
        return new Checked(new RegisterEntry(normalised, title, start, disclosure, reason, end), number, List.of());
    }

    /** Whether the row has nothing typed in it (a blank line of the template). */
    static boolean blank(List<String> texts) {
        return texts.stream().allMatch(t -> t == null || t.isBlank());
    }

    private static String text(List<String> texts, int column) {
        return column < texts.size() && texts.get(column) != null ? texts.get(column).strip() : "";
    }

    private static LocalDate date(List<String> texts, int column, List<String> headers, List<Problem> problems) {
        String t = text(texts, column);
        if (t.isEmpty()) {
            problems.add(new Problem(column, "须填写" + headers.get(column)));
            return null;
        }
        LocalDate date = parseDate(t);
        if (date == null) {
            problems.add(new Problem(column, headers.get(column) + "“" + TypedText.shown(t) + "”不是有效的日期，应如 2023-09-22"));
        }
        return date;
    }

    /** A date as typed, or null when it is none (2023-02-30 is none). */
    static LocalDate parseDate(String text) {
        try {
            Matcher m = YEAR_FIRST.matcher(text);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
            m = SHORT_US.matcher(text);
            if (m.matches()) {
                return LocalDate.of(2000 + Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1)),
                        Integer.parseInt(m.group(2)));
            }
        } catch (DateTimeException notADay) {
            return null;
        }
        return null;
    }
}
