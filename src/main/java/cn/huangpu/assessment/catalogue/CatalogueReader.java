package cn.huangpu.assessment.catalogue;

import cn.huangpu.assessment.catalogue.Catalogue.Evaluator;
import cn.huangpu.assessment.catalogue.Catalogue.IndicatorGroup;
import cn.huangpu.assessment.catalogue.Catalogue.Section;
import cn.huangpu.assessment.catalogue.Criterion.Condition;
import cn.huangpu.assessment.catalogue.Criterion.Kind;
import cn.huangpu.assessment.catalogue.Criterion.Ratio;
import cn.huangpu.assessment.catalogue.Criterion.Tier;
import cn.huangpu.assessment.catalogue.Input.Option;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a catalogue YAML file (docs/catalogue-format.md) into a {@link Catalogue} and checks it.
 * Every problem is reported as a {@link CatalogueException} whose message says where (the indicator,
 * the criterion) and what is wrong.
 */
public final class CatalogueReader {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

    private CatalogueReader() {
    }

    /** Reads and validates a catalogue; {@code origin} names the file in messages. */
    public static Catalogue read(InputStream yaml, String origin) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new CatalogueException("指标目录 " + origin + " 不是合法的YAML：" + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new CatalogueException("指标目录 " + origin + " 为空或格式不正确");
        }
        Catalogue catalogue = new CatalogueReader().catalogue(root, "指标目录 " + origin);
        CatalogueValidator.validate(catalogue, origin);
        return catalogue;
    }

    private Catalogue catalogue(JsonNode root, String where) {
        int year = integer(root, "year", where);
        List<Evaluator> evaluators = new ArrayList<>();
        for (JsonNode node : array(root, "evaluators", where)) {
            evaluators.add(new Evaluator(text(node, "code", where + " 的评估单位"), text(node, "name", where + " 的评估单位")));
        }
        List<Section> sections = new ArrayList<>();
        for (JsonNode node : array(root, "sections", where)) {
            String number = text(node, "number", where + " 的一级指标");
            String sectionWhere = "一级指标 " + number;
            List<IndicatorGroup> groups = new ArrayList<>();
            for (JsonNode group : array(node, "groups", sectionWhere)) {
                List<Indicator> indicators = new ArrayList<>();
                for (JsonNode indicator : array(group, "indicators", sectionWhere)) {
                    indicators.add(indicator(indicator, sectionWhere));
                }
                groups.add(new IndicatorGroup(optionalText(group, "name"), indicators));
            }
            sections.add(new Section(number, text(node, "name", sectionWhere), decimal(node, "points", sectionWhere), groups));
        }
        return new Catalogue(year, text(root, "title", where), optionalText(root, "source"),
                decimal(root, "totalPoints", where), decimal(root, "notInvolvedRate", where), evaluators, sections);
    }

    private Indicator indicator(JsonNode node, String sectionWhere) {
        String code = text(node, "code", sectionWhere + " 下的指标");
        String where = "指标 " + code;
        List<Input> inputs = new ArrayList<>();
        for (JsonNode input : array(node, "inputs", where)) {
            inputs.add(input(input, where));
        }
        List<Criterion> criteria = new ArrayList<>();
        int n = 0;
        for (JsonNode criterion : array(node, "criteria", where)) {
            criteria.add(criterion(criterion, where + " 的评分规则第" + (++n) + "条"));
        }
        Indicator.Mode mode = switch (text(node, "mode", where)) {
            case "deduct" -> Indicator.Mode.DEDUCT;
            case "award" -> Indicator.Mode.AWARD;
            default -> throw new CatalogueException(where + "：mode 只能是 deduct 或 award");
        };
        return new Indicator(code, text(node, "name", where), text(node, "keyPoints", where),
                text(node, "standard", where), text(node, "method", where), decimal(node, "points", where), mode,
                node.path("notInvolvedAllowed").asBoolean(false), inputs, criteria);
    }

    private Input input(JsonNode node, String indicatorWhere) {
        String name = text(node, "name", indicatorWhere + " 的输入项");
        String where = indicatorWhere + " 的输入项 " + name;
        String typeName = text(node, "type", where);
        InputType type;
        try {
            type = InputType.valueOf(typeName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CatalogueException(where + "：未知的类型 '" + typeName + "'");
        }
        List<Option> options = new ArrayList<>();
        for (JsonNode option : node.path("options")) {
            options.add(new Option(text(option, "code", where + " 的选项"), text(option, "label", where + " 的选项")));
        }
        BigDecimal max = node.has("max") ? decimal(node, "max", where) : null;
        RegisterSource from = node.has("from") ? registerSource(node.get("from"), where) : null;
        RecordSuggestion suggest = node.has("suggest") ? suggestion(node.get("suggest"), where, type, max) : null;
        return new Input(name, type, text(node, "label", where), text(node, "by", where), options, max, from, suggest);
    }

    /** A judgement's suggested score from a record of the previous campaign (docs/catalogue-format.md). */
    private RecordSuggestion suggestion(JsonNode node, String inputWhere, InputType type, BigDecimal max) {
        String where = inputWhere + " 的 suggest";
        if (type != InputType.JUDGEMENT || max == null) {
            throw new CatalogueException(where + "：只有视情评分（judgement）的输入项可给出建议得分");
        }
        if (!node.isObject()) {
            throw new CatalogueException(where + "：须为 {record: rectification, rules: [...], otherwise: 分值}");
        }
        for (var field : node.properties()) {
            if (!List.of("record", "rules", "otherwise").contains(field.getKey())) {
                throw new CatalogueException(where + "：未知的字段 " + field.getKey() + "（只有 record、rules、otherwise）");
            }
        }
        String record = text(node, "record", where);
        if (!RecordSuggestion.RECTIFICATION.equals(record)) {
            throw new CatalogueException(where + "：record 只能是 rectification（上一年度的整改情况）");
        }
        List<RecordSuggestion.Rule> rules = new ArrayList<>();
        int n = 0;
        for (JsonNode rule : array(node, "rules", where)) {
            String ruleWhere = where + " 的第" + (++n) + "条规则";
            for (var field : rule.properties()) {
                if (!List.of("onTimeRateAtLeast", "closedUnfixedAtMost", "daysOverdueAtMost", "points").contains(field.getKey())) {
                    throw new CatalogueException(ruleWhere + "：未知的字段 " + field.getKey()
                            + "（只有 onTimeRateAtLeast、closedUnfixedAtMost、daysOverdueAtMost、points）");
                }
            }
            BigDecimal rate = rule.has("onTimeRateAtLeast") ? decimal(rule, "onTimeRateAtLeast", ruleWhere) : null;
            if (rate != null && (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0)) {
                throw new CatalogueException(ruleWhere + "：onTimeRateAtLeast 须在0到1之间");
            }
            Integer closed = rule.has("closedUnfixedAtMost") ? count(rule, "closedUnfixedAtMost", ruleWhere) : null;
            Integer days = rule.has("daysOverdueAtMost") ? count(rule, "daysOverdueAtMost", ruleWhere) : null;
            if (rate == null && closed == null && days == null) {
                throw new CatalogueException(ruleWhere + "：至少须有一个条件（onTimeRateAtLeast、closedUnfixedAtMost、daysOverdueAtMost）");
            }
            rules.add(new RecordSuggestion.Rule(rate, closed, days, suggestedPoints(rule, "points", ruleWhere, max)));
        }
        return new RecordSuggestion(record, rules, suggestedPoints(node, "otherwise", where, max));
    }

    private static Integer count(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 0) {
            throw new CatalogueException(where + "：" + field + " 须为0或正整数");
        }
        return value.asInt();
    }

    /** A suggested score: 0 to the judgement's max, in steps of 0.5, as the office may give. */
    private BigDecimal suggestedPoints(JsonNode node, String field, String where, BigDecimal max) {
        BigDecimal points = decimal(node, field, where);
        if (points.signum() < 0 || points.compareTo(max) > 0
                || points.multiply(BigDecimal.valueOf(2)).stripTrailingZeros().scale() > 0) {
            throw new CatalogueException(where + "：" + field + " 须为0至" + max.stripTrailingZeros().toPlainString()
                    + "之间、0.5的整数倍");
        }
        return points;
    }

    private RegisterSource registerSource(JsonNode node, String inputWhere) {
        String where = inputWhere + " 的 from";
        if (!node.isObject()) {
            throw new CatalogueException(where + "：须为 {register: 登记名称, figure: 计算项}");
        }
        for (var field : node.properties()) {
            if (!List.of("register", "figure", "workingDays").contains(field.getKey())) {
                throw new CatalogueException(where + "：未知的字段 " + field.getKey() + "（只有 register、figure、workingDays）");
            }
        }
        Integer workingDays = null;
        if (node.has("workingDays")) {
            JsonNode days = node.get("workingDays");
            if (!days.canConvertToInt() || !days.isIntegralNumber()) {
                throw new CatalogueException(where + "：workingDays 须为整数");
            }
            workingDays = days.asInt();
        }
        return new RegisterSource(text(node, "register", where), text(node, "figure", where), workingDays);
    }

    private Criterion criterion(JsonNode node, String where) {
        String kindName = text(node, "kind", where);
        Kind kind = Kind.fromYaml(kindName);
        if (kind == null) {
            throw new CatalogueException(where + "：未知的规则类型 '" + kindName + "'");
        }
        String input = firstText(node, "count", "number", "input", "rate");
        BigDecimal points = node.has("points") && node.get("points").isNumber() ? decimal(node, "points", where) : null;
        BigDecimal cap = node.has("cap") ? decimal(node, "cap", where) : null;
        BigDecimal per = node.has("per") ? decimal(node, "per", where) : null;
        Condition when = node.has("when") ? condition(node.get("when"), where) : null;
        Map<String, BigDecimal> optionPoints = null;
        if (kind == Kind.CHOICE) {
            optionPoints = new LinkedHashMap<>();
            JsonNode map = node.path("points");
            if (!map.isObject()) {
                throw new CatalogueException(where + "：choice 规则的 points 须为 选项→分值 的映射");
            }
            for (var entry : map.properties()) {
                optionPoints.put(entry.getKey(), number(entry.getValue(), where + " 的选项 " + entry.getKey()));
            }
        }
        Ratio ratio = null;
        if (node.has("ratio")) {
            JsonNode r = node.get("ratio");
            List<String> numerator = new ArrayList<>();
            r.path("numerator").forEach(x -> numerator.add(x.asText()));
            ratio = new Ratio(numerator, text(r, "denominator", where + " 的比率"));
        }
        List<Tier> tiers = new ArrayList<>();
        for (JsonNode tier : node.path("tiers")) {
            boolean above = tier.has("above");
            if (above == tier.has("below")) {
                throw new CatalogueException(where + "：每个档次须且只须给出 below 或 above 之一");
            }
            tiers.add(new Tier(above, decimal(tier, above ? "above" : "below", where), decimal(tier, "points", where)));
        }
        return new Criterion(kind, text(node, "text", where), input, points, cap, when, optionPoints, ratio, tiers, per);
    }

    private Condition condition(JsonNode node, String where) {
        String conditionWhere = where + " 的条件";
        if (node.has("flag")) {
            return new Condition(node.get("flag").asText(), Condition.Test.IS_TRUE, null, null);
        }
        if (node.has("date")) {
            return new Condition(node.get("date").asText(), Condition.Test.ON_OR_BEFORE, null,
                    dueDate(node.get("onOrBefore"), conditionWhere));
        }
        String input = node.has("count") ? node.get("count").asText() : node.has("rate") ? node.get("rate").asText() : null;
        if (input == null) {
            throw new CatalogueException(conditionWhere + "：须给出 flag、count、rate 或 date 之一");
        }
        if (node.has("atLeast") == node.has("below")) {
            throw new CatalogueException(conditionWhere + "：须且只须给出 atLeast 或 below 之一");
        }
        boolean atLeast = node.has("atLeast");
        return new Condition(input, atLeast ? Condition.Test.AT_LEAST : Condition.Test.BELOW,
                decimal(node, atLeast ? "atLeast" : "below", conditionWhere), null);
    }

    /**
     * An {@code onOrBefore}: a fixed day {@code "2023-01-20"}, or {@code {campaignYear: "01-20"}} for that
     * month and day of the campaign's year. A bare month and day is refused: it was once read in the
     * catalogue's own year, which no later campaign using the catalogue could meet.
     */
    private static DueDate dueDate(JsonNode value, String where) {
        String forms = "写成固定日期（如 \"2023-01-20\"），或考评年度的月-日（如 {campaignYear: \"01-20\"}，即考评当年的1月20日）";
        if (value == null || value.isNull()) {
            throw new CatalogueException(where + "：缺少 onOrBefore，须" + forms);
        }
        if (value.isObject()) {
            JsonNode monthDay = value.get("campaignYear");
            if (value.size() != 1 || monthDay == null || !monthDay.isTextual()) {
                throw new CatalogueException(where + "：onOrBefore 的对象形式只能是 {campaignYear: \"月-日\"}，收到 " + value);
            }
            MonthDay parsed;
            try {
                parsed = MonthDay.parse(monthDay.asText().strip(), MONTH_DAY);
            } catch (DateTimeParseException e) {
                throw new CatalogueException(where + "：onOrBefore 的 campaignYear 须为 月-日（两位数字，如 \"01-20\"），收到 \""
                        + monthDay.asText() + "\"");
            }
            if (parsed.equals(MonthDay.of(2, 29))) {
                throw new CatalogueException(where + "：onOrBefore 的 campaignYear 不能是 02-29，平年的考评年度没有这一天");
            }
            return DueDate.inCampaignYear(parsed);
        }
        String text = value.isTextual() ? value.asText().strip() : value.toString();
        try {
            return DueDate.on(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            boolean monthDayOnly = text.matches("\\d{1,2}-\\d{1,2}");
            throw new CatalogueException(where + "：onOrBefore \"" + text + "\" "
                    + (monthDayOnly ? "没有写明年份" : "不是日期") + "，须" + forms);
        }
    }

    private static List<JsonNode> array(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw new CatalogueException(where + "：缺少列表 " + field);
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        return items;
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || !value.isValueNode() || value.asText().isBlank()) {
            throw new CatalogueException(where + "：缺少 " + field);
        }
        return value.asText().strip();
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText().strip();
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            if (node.hasNonNull(field)) {
                return node.get(field).asText();
            }
        }
        return null;
    }

    private static int integer(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw new CatalogueException(where + "：" + field + " 须为整数");
        }
        return value.asInt();
    }

    private static BigDecimal decimal(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null) {
            throw new CatalogueException(where + "：缺少 " + field);
        }
        return number(value, where + " 的 " + field);
    }

    private static BigDecimal number(JsonNode value, String where) {
        if (!value.isNumber()) {
            throw new CatalogueException(where + " 须为数字");
        }
        // Through the text form, so that 0.1 stays 0.1 and not the nearest double.
        return new BigDecimal(value.asText());
    }
}
