package cn.huangpu.assessment.scoring;

import cn.huangpu.assessment.web.InputError;
import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.catalogue.Indicator;
import cn.huangpu.assessment.catalogue.Input;
import cn.huangpu.assessment.scoring.UnitFacts.IndicatorFacts;
import cn.huangpu.assessment.scoring.UnitFacts.Judgement;
import com.fasterxml.jackson.databind.JsonNode;
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
    private static final BigDecimal HALF = new BigDecimal("0.5");

    private FactsParser() {
    }

    public static UnitFacts parse(Catalogue catalogue, JsonNode facts) {
        List<InputError> errors = new ArrayList<>();
        Map<String, IndicatorFacts> indicators = new LinkedHashMap<>();
        if (facts == null || facts.isNull() || facts.isMissingNode()) {
            return new UnitFacts(catalogue.year(), indicators);
        }
        if (!facts.isObject()) {
            throw new InvalidFactsException(List.of(new InputError(null, "facts", "须为以指标序号为键的对象")));
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
        if (!errors.isEmpty()) {
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
            errors.add(new InputError(indicator.code(), inputName, "未给出值（" + input.get().label() + "）"));
        } else {
            parsed = value(input.get(), value, indicator.code(), errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidFactsException(errors);
        }
        return parsed;
    }

    private static IndicatorFacts indicator(Indicator indicator, JsonNode node, List<InputError> errors) {
        String code = indicator.code();
        if (!node.isObject()) {
            errors.add(new InputError(code, null, "须为以输入项名称为键的对象"));
            return null;
        }
        boolean notInvolved = false;
        Map<String, Object> values = new HashMap<>();
        for (var entry : node.properties()) {
            String field = entry.getKey();
            JsonNode value = entry.getValue();
            if (NOT_INVOLVED.equals(field)) {
                if (!value.isBoolean()) {
                    errors.add(new InputError(code, field, "须为 true 或 false"));
                } else if (value.booleanValue() && !indicator.notInvolvedAllowed()) {
                    errors.add(new InputError(code, field, "该指标不适用“不涉及此项工作按80%计分”"));
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
        return new IndicatorFacts(notInvolved, values);
    }

    private static Object value(Input input, JsonNode value, String code, List<InputError> errors) {
        String field = input.name();
        switch (input.type()) {
            case COUNT -> {
                BigDecimal n = decimal(value);
                if (n == null || n.stripTrailingZeros().scale() > 0) {
                    return refuse(errors, code, field, "须为整数（" + input.label() + "）");
                }
                if (n.signum() < 0) {
                    return refuse(errors, code, field, "数量不能为负数（" + input.label() + "）");
                }
                return n.setScale(0);
            }
            case FLAG -> {
                return value.isBoolean() ? value.booleanValue() : refuse(errors, code, field, "须为 true 或 false（" + input.label() + "）");
            }
            case RATE -> {
                BigDecimal rate = decimal(value);
                if (rate == null) {
                    return refuse(errors, code, field, "须为0到1之间的小数（" + input.label() + "）");
                }
                if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
                    return refuse(errors, code, field, "比率须在0到1之间（如0.85表示85%），收到 " + rate.toPlainString());
                }
                return rate;
            }
            case NUMBER -> {
                BigDecimal number = decimal(value);
                if (number == null || number.signum() < 0) {
                    return refuse(errors, code, field, "须为不小于0的数（" + input.label() + "）");
                }
                return number;
            }
            case DATE -> {
                try {
                    return LocalDate.parse(value.asText());
                } catch (DateTimeParseException e) {
                    return refuse(errors, code, field, "须为日期，如 2023-01-18（" + input.label() + "）");
                }
            }
            case CHOICE -> {
                String choice = value.asText();
                if (!value.isTextual() || input.options().stream().noneMatch(o -> o.code().equals(choice))) {
                    return refuse(errors, code, field, "须为以下之一：" + input.options().stream()
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

    private static Object judgement(Input input, JsonNode value, String code, List<InputError> errors) {
        String field = input.name();
        BigDecimal score = value.isObject() ? decimal(value.path("score")) : null;
        if (score == null) {
            return refuse(errors, code, field, "评分须为 {\"score\": 分值, \"reason\": \"理由\"}");
        }
        String max = input.max().stripTrailingZeros().toPlainString();
        if (score.signum() < 0 || score.compareTo(input.max()) > 0) {
            return refuse(errors, code, field, "评分须在0到" + max + "分之间，收到 " + score.toPlainString());
        }
        if (score.remainder(HALF).signum() != 0) {
            return refuse(errors, code, field, "评分须为0.5分的整数倍，收到 " + score.toPlainString());
        }
        String reason = value.path("reason").asText("").strip();
        if (reason.isEmpty()) {
            return refuse(errors, code, field, "评分须写明理由");
        }
        return new Judgement(score, reason);
    }

    private static BigDecimal decimal(JsonNode value) {
        return value.isNumber() ? new BigDecimal(value.asText()) : null;
    }

    private static Object refuse(List<InputError> errors, String code, String field, String reason) {
        errors.add(new InputError(code, field, reason));
        return null;
    }
}
