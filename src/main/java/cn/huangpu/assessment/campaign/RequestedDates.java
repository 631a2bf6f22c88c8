package cn.huangpu.assessment.campaign;

import cn.huangpu.assessment.deadline.DeadlineLength;
import cn.huangpu.assessment.deadline.DeadlineService;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.DisplayTime;
import cn.huangpu.assessment.web.InputError;
import cn.huangpu.assessment.web.TypedText;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The four dates of a request to open a campaign: those given as dates (or left to their defaults) as they are,
 * those given in working days ({@link WorkingDaysAfter}) counted with the working-day calendar once the date they
 * count from is known, so that one may count from another (results five working days after a comprehensive
 * evaluation that is fifteen after the self-check). A year on the way without its notice is refused, never guessed.
 */
final class RequestedDates {

    /** The campaign's dates as a request names them, in the plan's order. */
    enum Field {
        SELF_CHECK_DUE("selfCheckDue", "自查截止时间"),
        SPECIALIST_DUE("specialistDue", "专项评估截止时间"),
        COMPREHENSIVE_DUE("comprehensiveDue", "综合评估截止时间"),
        RESULTS_DUE("resultsDue", "结果审定截止时间");

        final String key;
        final String label;

        Field(String key, String label) {
            this.key = key;
            this.label = label;
        }

        static Optional<Field> named(String key) {
            return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
        }

        static String listed() {
            return Arrays.stream(values()).map(f -> f.key + "（" + f.label + "）").collect(Collectors.joining("、"));
        }
    }

    /**
     * The dates, and for each date given in working days how it was counted ("自查截止时间后15个工作日"), as the
     * audit trail records it beside the date.
     */
    record Resolved(CampaignDates dates, Map<Field, String> bases) {
    }

    static final String RULES = "inWorkingDays";
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final DeadlineService deadlines;
    private final DisplayTime time;
    private final LocalTime dueTime;

    RequestedDates(DeadlineService deadlines, DisplayTime time, LocalTime dueTime) {
        this.deadlines = deadlines;
        this.time = time;
        this.dueTime = dueTime;
    }

    /** Where a rule counts from: another date of the campaign, or a given day. */
    private record Rule(Field field, String key, DeadlineLength length, Field afterField, LocalDate afterDay) {
    }

    /**
     * @param given the dates given as dates, by field (null where not given)
     * @param defaults the default of each date
     * @param rules the dates given in working days, by the request's names
     * @return the dates, or empty with the reasons added to {@code errors}
     */
    Optional<Resolved> resolve(Map<Field, Instant> given, Map<Field, Instant> defaults,
                               Map<String, WorkingDaysAfter> rules, List<InputError> errors) {
        int before = errors.size();
        Map<Field, Rule> checked = new LinkedHashMap<>();
        rules.forEach((key, rule) -> check(key, rule, given, errors).ifPresent(r -> checked.put(r.field(), r)));
        Map<Field, Instant> known = new EnumMap<>(Field.class);
        for (Field field : Field.values()) {
            if (!rules.containsKey(field.key)) {
                known.put(field, given.get(field) != null ? given.get(field) : defaults.get(field));
            }
        }
        Map<Field, String> bases = new EnumMap<>(Field.class);
        Map<Field, Rule> pending = new LinkedHashMap<>(checked);
        // each pass counts the rules whose date to count from is known; a date refused makes those after it unknown
        boolean counted = true;
        while (!pending.isEmpty() && counted) {
            counted = false;
            for (Rule rule : List.copyOf(pending.values())) {
                if (rule.afterField() != null && !known.containsKey(rule.afterField())) {
                    if (!rules.containsKey(rule.afterField().key) || pending.containsKey(rule.afterField())) {
                        continue;
                    }
                    // counts from a date that was refused: that refusal says it already
                    pending.remove(rule.field());
                    counted = true;
                    continue;
                }
                pending.remove(rule.field());
                counted = true;
                Instant start = rule.afterField() != null ? known.get(rule.afterField())
                        : rule.afterDay().atStartOfDay(time.zone()).toInstant();
                try {
                    known.put(rule.field(), deadlines.dueAfter(start, rule.length(), dueTime, RULES + "." + rule.key(),
                            rule.field().label));
                    bases.put(rule.field(), (rule.afterField() != null ? rule.afterField().label
                            : rule.afterDay().getYear() + "年" + rule.afterDay().getMonthValue() + "月"
                                    + rule.afterDay().getDayOfMonth() + "日") + "后" + rule.length().describe());
                } catch (BadInputException e) {
                    errors.addAll(e.errors());
                }
            }
        }
        pending.values().forEach(rule -> errors.add(InputError.field(RULES + "." + rule.key(), rule.field().label,
                "起算日相互引用（" + pending.values().stream().map(r -> r.field().label).collect(Collectors.joining("、"))
                        + "），无法推算；其中至少一项须直接给出日期")));
        if (errors.size() > before || known.size() < Field.values().length) {
            return Optional.empty();
        }
        return Optional.of(new Resolved(new CampaignDates(known.get(Field.SELF_CHECK_DUE), known.get(Field.SPECIALIST_DUE),
                known.get(Field.COMPREHENSIVE_DUE), known.get(Field.RESULTS_DUE)), bases));
    }

    /** The rule as the request gives it, or empty with its problems added to {@code errors}. */
    private Optional<Rule> check(String key, WorkingDaysAfter rule, Map<Field, Instant> given, List<InputError> errors) {
        String field = RULES + "." + key;
        Optional<Field> date = Field.named(key);
        if (date.isEmpty()) {
            errors.add(InputError.field(field, "按工作日推算的日期",
                    "没有名为“" + TypedText.shown(key) + "”的考评日期，可按工作日推算的有：" + Field.listed()));
            return Optional.empty();
        }
        String label = date.get().label;
        if (given.get(date.get()) != null) {
            errors.add(InputError.field(field, label, "已直接给出" + label + "，不能同时按工作日推算"));
            return Optional.empty();
        }
        int before = errors.size();
        DeadlineLength length = null;
        try {
            length = deadlines.givenWorkingDays(rule.days(), field + ".days", label);
        } catch (BadInputException e) {
            errors.addAll(e.errors());
        }
        Field afterField = null;
        LocalDate afterDay = null;
        String after = rule.after() == null ? "" : rule.after().strip();
        if (after.isEmpty()) {
            errors.add(InputError.field(field + ".after", label, "未填写起算日：另一截止时间（如 selfCheckDue）或日期（如 2026-10-08）"));
        } else if (Field.named(after).isPresent()) {
            afterField = Field.named(after).get();
            if (afterField == date.get()) {
                errors.add(InputError.field(field + ".after", label, "起算日不能是" + label + "本身"));
            }
        } else {
            afterDay = day(after);
            if (afterDay == null) {
                errors.add(InputError.field(field + ".after", label, "起算日须为另一截止时间的名称（" + Field.listed()
                        + "）或日期（写成 YYYY-MM-DD，如 2026-10-08），收到“" + TypedText.shown(after) + "”"));
            }
        }
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Rule(date.get(), key, length, afterField, afterDay));
    }

    private static LocalDate day(String text) {
        if (!DAY.matcher(text).matches()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException noSuchDay) {
            return null;
        }
    }
}
