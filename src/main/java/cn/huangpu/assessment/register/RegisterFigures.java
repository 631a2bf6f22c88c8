package cn.huangpu.assessment.register;

import cn.huangpu.assessment.calendar.CalendarYearMissingException;
import cn.huangpu.assessment.calendar.WorkingDayCalendar;
import cn.huangpu.assessment.catalogue.RegisterSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one unit's register says about the catalogue's figures ({@link RegisterSource}), with the lines that show
 * it. Pure: the same rows, void numbers and calendar give the same figures.
 *
 * <ul>
 *   <li><b>disclosureRate</b>: 主动公开 rows ÷ all rows. The seed's 公文主动公开率 is the share of a unit's documents
 *   that are disclosed proactively, so 依申请公开 and 不予公开 documents count in the denominator and not in the
 *   numerator. Rounded down to 10 decimals (a tier of a catalogue is never reached by rounding up).</li>
 *   <li><b>late</b>: rows whose second date is after the {@code workingDays}th working day after the first
 *   ({@link WorkingDayCalendar#addWorkingDays}): filed on the 20th working day after 成文日期 is in time, on the
 *   21st late. A year whose holidays are not entered makes the figure unknown, with the calendar's reason.</li>
 *   <li><b>missingNumbers</b>: per 文号 sequence (prefix and year), the numbers from 1 to the highest one registered
 *   or void that are neither registered nor void.</li>
 * </ul>
 */
final class RegisterFigures {

    /** Evidence lines listed per figure; the rest are counted in one more line. */
    static final int MAX_LISTED = 1000;

    private final Register register;
    private final List<RegisterEntry> entries;
    private final Map<String, String> voidReasons;
    private final WorkingDayCalendar calendar;

    /**
     * @param voidReasons the void numbers (as {@link DocumentNumber#toString()}) with the office's reason
     */
    RegisterFigures(Register register, List<RegisterEntry> entries, Map<String, String> voidReasons,
                    WorkingDayCalendar calendar) {
        this.register = register;
        this.entries = List.copyOf(entries);
        this.voidReasons = Map.copyOf(voidReasons);
        this.calendar = calendar;
    }

    /**
     * One figure: its value (a count, or a rate in 0..1), the lines that show what it stands for, or, when it
     * cannot be computed, the reason in Chinese (and no value).
     */
    record Figure(BigDecimal value, List<String> evidence, String problem) {

        Figure {
            evidence = List.copyOf(evidence);
        }

        static Figure unknown(String problem) {
            return new Figure(null, List.of(), problem);
        }

        boolean known() {
            return problem == null;
        }
    }

    /** The figure a binding asks for. */
    Figure figure(RegisterSource source) {
        return switch (source.figure()) {
            case RegisterSource.DISCLOSURE_RATE -> disclosureRate();
            case RegisterSource.LATE -> late(source.workingDays());
            case RegisterSource.MISSING_NUMBERS -> missingNumbers();
            default -> Figure.unknown("登记不能计算“" + source.figure() + "”");
        };
    }

    Figure disclosureRate() {
        if (!register.documents()) {
            return Figure.unknown(register.label() + "不记公开属性，不能计算公开率");
        }
        if (entries.isEmpty()) {
            return Figure.unknown(register.label() + "中没有公文，无法计算主动公开率");
        }
        Map<Disclosure, Integer> counts = new TreeMap<>();
        entries.forEach(e -> counts.merge(e.disclosure(), 1, Integer::sum));
        int proactive = counts.getOrDefault(Disclosure.PROACTIVE, 0);
        BigDecimal rate = BigDecimal.valueOf(proactive).divide(BigDecimal.valueOf(entries.size()), 10, RoundingMode.DOWN)
                .stripTrailingZeros();
        if (rate.scale() < 0) {
            rate = rate.setScale(0);
        }
        String line = "登记公文" + entries.size() + "件：主动公开" + proactive + "件，依申请公开"
                + counts.getOrDefault(Disclosure.ON_REQUEST, 0) + "件，不予公开" + counts.getOrDefault(Disclosure.WITHHELD, 0)
                + "件；主动公开率 = " + proactive + " ÷ " + entries.size() + " = " + percent(rate);
        return new Figure(rate, List.of(line), null);
    }

    Figure late(int workingDays) {
        List<String> late = new ArrayList<>();
        List<String> undecided = new ArrayList<>();
        for (RegisterEntry entry : entries) {
            try {
                LocalDate due = calendar.addWorkingDays(entry.start(), workingDays);
                if (entry.end().isAfter(due)) {
                    late.add(name(entry) + "：" + register.startHeader() + " " + entry.start() + "，" + register.endHeader()
                            + " " + entry.end() + "，期限 " + due + "（" + workingDays + "个工作日），逾期"
                            + calendar.workingDaysBetween(due, entry.end()) + "个工作日");
                }
            } catch (CalendarYearMissingException missing) {
                undecided.add(name(entry) + "：" + missing.getMessage());
            }
        }
        if (!undecided.isEmpty()) {
            return Figure.unknown("无法按工作日判断" + undecided.size() + "件" + register.item() + "是否逾期："
                    + String.join("；", undecided.subList(0, Math.min(3, undecided.size())))
                    + (undecided.size() > 3 ? "；等" : ""));
        }
        List<String> evidence = late.isEmpty()
                ? List.of("登记" + register.item() + entries.size() + "件，均在" + register.startHeader() + "后" + workingDays
                        + "个工作日内" + (register.documents() ? "公开/备案" : "公开"))
                : listed(late);
        return new Figure(BigDecimal.valueOf(late.size()), evidence, null);
    }

    Figure missingNumbers() {
        if (!register.documents()) {
            return Figure.unknown(register.label() + "不按文号登记，不能计算漏号");
        }
        Map<DocumentNumber.Sequence, TreeSet<Integer>> present = new TreeMap<>(SEQUENCE_ORDER);
        Map<DocumentNumber.Sequence, TreeSet<Integer>> voids = new TreeMap<>(SEQUENCE_ORDER);
        for (RegisterEntry entry : entries) {
            DocumentNumber.parse(entry.number()).value().ifPresent(n ->
                    present.computeIfAbsent(n.sequence(), s -> new TreeSet<>()).add(n.number()));
        }
        voidReasons.keySet().forEach(text -> DocumentNumber.parse(text).value().ifPresent(n ->
                voids.computeIfAbsent(n.sequence(), s -> new TreeSet<>()).add(n.number())));
        List<String> missing = new ArrayList<>();
        List<String> sequences = new ArrayList<>();
        for (var sequence : present.entrySet()) {
            TreeSet<Integer> known = new TreeSet<>(sequence.getValue());
            TreeSet<Integer> voided = voids.getOrDefault(sequence.getKey(), new TreeSet<>());
            known.addAll(voided);
            int highest = known.last();
            int gaps = 0;
            for (int n = 1; n <= highest; n++) {
                if (!known.contains(n)) {
                    missing.add(sequence.getKey().describe(n));
                    gaps++;
                }
            }
            sequences.add(sequence.getKey().describe(1) + "至" + highest + "号（登记" + sequence.getValue().size() + "件"
                    + (voided.isEmpty() ? "" : "，作废" + voided.size() + "个") + "，漏号" + gaps + "个）");
        }
        List<String> evidence = new ArrayList<>(listed(missing.stream().map(n -> "漏号：" + n).toList()));
        evidence.add(0, "文号序列：" + String.join("；", sequences));
        voidReasons.forEach((number, reason) -> evidence.add("作废号（不计漏号）：" + number + "，理由：" + reason));
        return new Figure(BigDecimal.valueOf(missing.size()), evidence.size() > MAX_LISTED + 1
                ? evidence.subList(0, MAX_LISTED + 1) : evidence, null);
    }

    private static final java.util.Comparator<DocumentNumber.Sequence> SEQUENCE_ORDER =
            java.util.Comparator.comparing(DocumentNumber.Sequence::prefix).thenComparingInt(DocumentNumber.Sequence::year);

    private String name(RegisterEntry entry) {
        return entry.number() != null ? entry.number() : entry.title();
    }

    private static List<String> listed(List<String> lines) {
        if (lines.size() <= MAX_LISTED) {
            return lines;
        }
        List<String> shown = new ArrayList<>(lines.subList(0, MAX_LISTED));
        shown.add("……另有" + (lines.size() - MAX_LISTED) + "项未列出");
        return shown;
    }

    static String percent(BigDecimal rate) {
        BigDecimal p = rate.multiply(BigDecimal.valueOf(100)).stripTrailingZeros();
        return (p.scale() < 0 ? p.setScale(0) : p).toPlainString() + "%";
    }

    /** Every figure the register computes for a binding, by the binding, for the page. */
    Optional<Figure> figureIfBound(RegisterSource source) {
        return Optional.ofNullable(source).map(this::figure);
    }
}
