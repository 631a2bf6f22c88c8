package cn.huangpu.assessment.scoring;

import cn.huangpu.assessment.web.InputError;
import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.catalogue.Indicator;
import cn.huangpu.assessment.catalogue.Input;
import cn.huangpu.assessment.scoring.UnitFacts.IndicatorFacts;
import cn.huangpu.assessment.scoring.UnitFacts.Judgement;
import cn.huangpu.assessment.web.JsonProblem;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the facts object of docs/facts-format.md ({@code {"1.1": {"missingItems": 2}, ...}}) against a
 * catalogue. Every refusal of the domain's list is reported at once, with the indicator, the field and
 * the reason; on any refusal nothing is returned.
 */
public final class FactsParser {

    static final String NOT_INVOLVED = "notInvolved";
    /** The key of an indicator's evidence lines: {"evidence": {"lateFilings": ["黄府办发〔2023〕30号：…"]}}. */
    static final String EVIDENCE = "evidence";
    /** Evidence lines an input may carry, and characters a line: a year's register, each line one document. */
    static final int MAX_EVIDENCE_LINES = 10_000;
    static final int MAX_EVIDENCE_CHARS = 500;
    /** The flag as the pages call it. */
    static final String NOT_INVOLVED_LABEL = "不涉及此项工作";
    private static final BigDecimal HALF = new BigDecimal("0.5");
    /**
     * Reads every number as written: into doubles 1e400 would become Infinity (which no BigDecimal takes) and
     * 1e-400 would become 0, and neither could then be refused for what it is.
     */
    private static final ObjectReader EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build().reader();

    private FactsParser() {
    }

    public static UnitFacts parse(Catalogue catalogue, JsonNode facts) {
        return parse(catalogue, facts, true);
    }

    /**
     * As {@link #parse}, but leaves out each value the rules refuse (it is priced as missing) instead of refusing
     * the whole: for facts recorded with a result, which were accepted under the rules of their day and are read
     * again to explain that result.
     */
    public static UnitFacts parseRecorded(Catalogue catalogue, JsonNode facts) {
        return parse(catalogue, facts, false);
    }

    private static UnitFacts parse(Catalogue catalogue, JsonNode facts, boolean strict) {
        List<InputError> errors = new ArrayList<>();
        Map<String, IndicatorFacts> indicators = new LinkedHashMap<>();
        if (facts == null || facts.isNull() || facts.isMissingNode()) {
            return new UnitFacts(catalogue.year(), indicators);
        }
        if (!facts.isObject()) {
            if (!strict) {
                return new UnitFacts(catalogue.year(), indicators);
            }
            throw new InvalidFactsException(List.of(new InputError(null, "facts", "评分输入", "须为以指标序号为键的对象")));
        }
        for (var entry : facts.properties()) {
            String code = entry.getKey();
            Optional<Indicator> indicator = catalogue.indicator(code);
            if (indicator.isEmpty()) {
                errors.add(new InputError(code, null, catalogue.year() + "年度指标目录中没有指标 " + code));
                continue;
            }
            IndicatorFacts parsed = indicator(indicator.get(), entry.getValue(), errors);
            if (parsed != null) {
                indicators.put(code, parsed);
            }
        }
        if (strict && !errors.isEmpty()) {
            throw new InvalidFactsException(errors);
        }
        return new UnitFacts(catalogue.year(), indicators);
    }

    /**
     * Checks one input value of an indicator in the facts format and returns it typed as in
     * {@link IndicatorFacts#values()}; refuses an unknown input or a bad value.
     */
    public static Object parseInput(Indicator indicator, String inputName, JsonNode value) {
        List<InputError> errors = new ArrayList<>();
        Optional<Input> input = indicator.input(inputName);
        Object parsed = null;
        if (input.isEmpty()) {
            errors.add(new InputError(indicator.code(), inputName, "该指标没有此输入项"));
        } else if (value == null || value.isNull()) {
            errors.add(new InputError(indicator.code(), inputName, input.get().label(), "未给出值（" + input.get().label() + "）"));
        } else {
            parsed = value(input.get(), value, indicator.code(), errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidFactsException(errors);
        }
        return parsed;
    }

    /**
     * A value as stored (the JSON of one input), read exactly. Reading never fails with anything but a refusal:
     * a stored text that is not JSON, or whose number no BigDecimal holds, is refused as unreadable.
     */
    public static JsonNode readValue(String stored) {
        try {
            JsonNode value = stored == null ? null : EXACT.readTree(stored);
            if (value != null && !value.isMissingNode()) {
                return value;
            }
        } catch (JacksonException | NumberFormatException unreadable) {
            // refused below
        }
        throw new InvalidFactsException(List.of(new InputError(null, null, "已保存的值无法读取")));
    }

    /**
     * Reads the facts object of a request exactly (as {@link #readValue}), and refuses what is not JSON inside
     * it (NaN, a number of thousands of digits) with the indicator and the input it was given for.
     */
    public static final class RequestReader extends JsonDeserializer<JsonNode> {

        @Override
        public JsonNode deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            // on the facts object's start the parser is already inside it, and its names are the path wanted
            JsonStreamContext facts = parser.isExpectedStartObjectToken() || parser.isExpectedStartArrayToken()
                    ? parser.getParsingContext().getParent() : parser.getParsingContext();
            try {
                return EXACT.readTree(parser);
            } catch (JacksonException | NumberFormatException unreadable) {
                List<String> path = JsonProblem.within(parser.getParsingContext(), facts);
                String reason = JsonProblem.reason(unreadable);
                throw new InvalidFactsException(List.of(path.isEmpty() ? new InputError(null, "facts", reason)
                        : new InputError(path.get(0), path.size() > 1 ? path.get(1) : null, reason)));
            }
        }

        @Override
        public JsonNode getNullValue(DeserializationContext context) {
            return NullNode.getInstance();
        }
    }

    private static IndicatorFacts indicator(Indicator indicator, JsonNode node, List<InputError> errors) {
        String code = indicator.code();
        if (!node.isObject()) {
            errors.add(new InputError(code, null, "须为以输入项名称为键的对象"));
            return null;
        }
        boolean notInvolved = false;
        Map<String, Object> values = new HashMap<>();
        Map<String, List<String>> evidence = new HashMap<>();
        for (var entry : node.properties()) {
            String field = entry.getKey();
            JsonNode value = entry.getValue();
            if (EVIDENCE.equals(field)) {
                evidence(indicator, value, evidence, errors);
                continue;
            }
            if (NOT_INVOLVED.equals(field)) {
                if (!value.isBoolean()) {
                    errors.add(new InputError(code, field, NOT_INVOLVED_LABEL, "须为 true 或 false"));
                } else if (value.booleanValue() && !indicator.notInvolvedAllowed()) {
                    errors.add(new InputError(code, field, NOT_INVOLVED_LABEL, "该指标不适用“不涉及此项工作按80%计分”"));
                } else {
                    notInvolved = value.booleanValue();
                }
                continue;
            }
            Optional<Input> input = indicator.input(field);
            if (input.isEmpty()) {
                errors.add(new InputError(code, field, "该指标没有此输入项"));
                continue;
            }
            if (value.isNull()) {
                continue;
            }
            Object parsed = value(input.get(), value, code, errors);
            if (parsed != null) {
                values.put(field, parsed);
            }
        }
        return new IndicatorFacts(notInvolved, values, evidence);
    }

    /** Evidence: by input name (or {@code notInvolved}), a list of lines of text (what a value stands for). */
    private static void evidence(Indicator indicator, JsonNode node, Map<String, List<String>> evidence,
                                 List<InputError> errors) {
        String code = indicator.code();
        if (!node.isObject()) {
            errors.add(new InputError(code, EVIDENCE, "依据", "须为以输入项名称为键、文字列表为值的对象"));
            return;
        }
        for (var entry : node.properties()) {
            String field = EVIDENCE + "." + entry.getKey();
            // besides the inputs, the "not involved" claim has its evidence: the office's ruling that decided it
            if (!NOT_INVOLVED.equals(entry.getKey()) && indicator.input(entry.getKey()).isEmpty()) {
                errors.add(new InputError(code, field, "依据", "该指标没有此输入项"));
                continue;
            }
            JsonNode lines = entry.getValue();
            if (!lines.isArray() || lines.size() > MAX_EVIDENCE_LINES) {
                errors.add(new InputError(code, field, "依据", "须为文字列表，最多" + MAX_EVIDENCE_LINES + "行"));
                continue;
            }
            List<String> texts = new ArrayList<>();
            for (JsonNode line : lines) {
                if (!line.isTextual() || line.textValue().length() > MAX_EVIDENCE_CHARS) {
                    errors.add(new InputError(code, field, "依据", "每行须为文字，最多" + MAX_EVIDENCE_CHARS + "字"));
                    texts = null;
                    break;
                }
                texts.add(line.textValue());
            }
            if (texts != null) {
                evidence.put(entry.getKey(), texts);
            }
        }
    }

    private static Object value(Input input, JsonNode value, String code, List<InputError> errors) {
        switch (input.type()) {
            case COUNT -> {
                return count(input, value, code, errors);
            }
            case FLAG -> {
                return value.isBoolean() ? value.booleanValue() : refuse(errors, code, input, "须为 true 或 false（" + input.label() + "）");
            }
            case RATE -> {
                return rate(input, value, code, errors);
            }
            case NUMBER -> {
                return number(input, value, code, errors);
            }
            case DATE -> {
                try {
                    return LocalDate.parse(value.asText());
                } catch (DateTimeParseException e) {
                    return refuse(errors, code, input, "须为日期，如 2023-01-18（" + input.label() + "）");
                }
            }
            case CHOICE -> {
                String choice = value.asText();
                if (!value.isTextual() || input.options().stream().noneMatch(o -> o.code().equals(choice))) {
                    return refuse(errors, code, input, "须为以下之一：" + input.options().stream()
                            .map(o -> o.code() + "（" + o.label() + "）").toList());
                }
                return choice;
            }
            case JUDGEMENT -> {
                return judgement(input, value, code, errors);
            }
            default -> throw new IllegalStateException(input.type().name());
        }
    }

    // Each check below runs before anything that writes the number out or rescales it: the range is compared
    // on the number's exponent, so that 1E+999999999 is refused as fast as 2.

    private static Object count(Input input, JsonNode value, String code, List<InputError> errors) {
        Decimal n = decimal(value);
        if (n.problem() != null) {
            return refuse(errors, code, input, n.problem() + "（" + input.label() + "）");
        }
        if (n.value() == null || n.value().stripTrailingZeros().scale() > 0) {
            return refuse(errors, code, input, "须为整数（" + input.label() + "）");
        }
        if (n.value().signum() < 0) {
            return refuse(errors, code, input, "数量不能为负数（" + input.label() + "）");
        }
        BigDecimal max = NumberRules.highest(input);
        if (n.value().compareTo(max) > 0) {
            return refuse(errors, code, input, "数量不能超过" + max.toPlainString() + "（" + input.label() + "），收到 "
                    + NumberRules.shown(n.value()));
        }
        return n.value().setScale(0);
    }

    private static Object rate(Input input, JsonNode value, String code, List<InputError> errors) {
        Decimal rate = decimal(value);
        if (rate.problem() != null) {
            return refuse(errors, code, input, rate.problem() + "（" + input.label() + "）");
        }
        if (rate.value() == null) {
            return refuse(errors, code, input, "须为0到1之间的小数（" + input.label() + "）");
        }
        if (rate.value().signum() < 0 || rate.value().compareTo(BigDecimal.ONE) > 0) {
            return refuse(errors, code, input, "比率须在0到1之间（如0.85表示85%），收到 " + NumberRules.shown(rate.value()));
        }
        if (rate.value().stripTrailingZeros().scale() > NumberRules.MAX_DECIMALS) {
            return refuse(errors, code, input, "小数不能超过" + NumberRules.MAX_DECIMALS + "位（" + input.label() + "）");
        }
        return rate.value();
    }

    private static Object number(Input input, JsonNode value, String code, List<InputError> errors) {
        Decimal number = decimal(value);
        if (number.problem() != null) {
            return refuse(errors, code, input, number.problem() + "（" + input.label() + "）");
        }
        if (number.value() == null || number.value().signum() < 0) {
            return refuse(errors, code, input, "须为不小于0的数（" + input.label() + "）");
        }
        BigDecimal max = NumberRules.highest(input);
        if (number.value().compareTo(max) > 0) {
            return refuse(errors, code, input, "不能超过" + max.toPlainString() + "（" + input.label() + "），收到 "
                    + NumberRules.shown(number.value()));
        }
        if (number.value().stripTrailingZeros().scale() > NumberRules.MAX_DECIMALS) {
            return refuse(errors, code, input, "小数不能超过" + NumberRules.MAX_DECIMALS + "位（" + input.label() + "）");
        }
        return number.value();
    }

    private static Object judgement(Input input, JsonNode value, String code, List<InputError> errors) {
        Decimal score = value.isObject() ? decimal(value.path("score")) : new Decimal(null, null);
        if (score.problem() != null) {
            return refuse(errors, code, input, "评分" + score.problem());
        }
        if (score.value() == null) {
            return refuse(errors, code, input, "评分须为 {\"score\": 分值, \"reason\": \"理由\"}");
        }
        String max = input.max().stripTrailingZeros().toPlainString();
        if (score.value().signum() < 0 || score.value().compareTo(input.max()) > 0) {
            return refuse(errors, code, input, "评分须在0到" + max + "分之间，收到 " + NumberRules.shown(score.value()));
        }
        // a multiple of 0.5 has at most one decimal; checking that first keeps the remainder cheap
        if (score.value().stripTrailingZeros().scale() > 1 || score.value().remainder(HALF).signum() != 0) {
            return refuse(errors, code, input, "评分须为0.5分的整数倍，收到 " + NumberRules.shown(score.value()));
        }
        JsonNode reasonNode = value.path("reason");
        String reason = reasonNode.isValueNode() ? reasonNode.asText("").strip() : "";
        if (reason.isEmpty()) {
            return refuse(errors, code, input, "评分须写明理由");
        }
        return new Judgement(score.value(), reason);
    }

    /**
     * A JSON number read exactly as written, or why it cannot be a number here; a value that is not a number
     * at all has neither. Checks of its digits strip trailing zeros (2.0 is a whole number).
     */
    private record Decimal(BigDecimal value, String problem) {
    }

    private static Decimal decimal(JsonNode value) {
        if (!value.isNumber()) {
            return new Decimal(null, null);
        }
        // A tree read into doubles (by a lenient client library, or an older stored value) may hold these.
        if (value.isFloatingPointNumber() && !value.isBigDecimal() && !Double.isFinite(value.doubleValue())) {
            return new Decimal(null, Double.isNaN(value.doubleValue()) ? "不是有效的数字（NaN）" : "超出可处理的数值范围");
        }
        BigDecimal n = value.decimalValue();
        BigDecimal digits = n.stripTrailingZeros();
        // many integer digits are refused by the range, with the value shown; here: too precise a number in range
        if (digits.precision() > NumberRules.MAX_DIGITS
                && digits.precision() - (long) digits.scale() <= NumberRules.MAX_DIGITS) {
            return new Decimal(null, "有效数字不能超过" + NumberRules.MAX_DIGITS + "位");
        }
        return new Decimal(n, null);
    }

    /** Refuses a value of an input: the machine name for clients, the catalogue's label for people. */
    private static Object refuse(List<InputError> errors, String code, Input input, String reason) {
        errors.add(new InputError(code, input.name(), input.label(), reason));
        return null;
    }
}
