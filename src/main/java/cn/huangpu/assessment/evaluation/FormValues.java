package cn.huangpu.assessment.evaluation;

import cn.huangpu.assessment.catalogue.Input;
import cn.huangpu.assessment.scoring.NumberRules;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/** Turns what a web form or a spreadsheet cell holds into a value of the facts format, and back for display. */
public final class FormValues {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private FormValues() {
    }

    /**
     * The facts-format value of a form field, or null when the field is empty (the value is cleared).
     *
     * @throws IllegalArgumentException with a Chinese reason when the text is not of the input's type
     */
    public static JsonNode toJson(Input input, String text, String reason) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            return null;
        }
        return switch (input.type()) {
            case COUNT, NUMBER, RATE -> JSON.numberNode(number(value));
            case FLAG -> switch (value) {
                case "true", "是" -> JSON.booleanNode(true);
                case "false", "否" -> JSON.booleanNode(false);
                default -> throw new IllegalArgumentException("须为“是”或“否”");
            };
            case DATE, CHOICE -> JSON.textNode(value);
            case JUDGEMENT -> {
                ObjectNode judgement = JSON.objectNode();
                judgement.set("score", JSON.numberNode(number(value)));
                judgement.put("reason", reason == null ? "" : reason.strip());
                yield judgement;
            }
        };
    }

    private static BigDecimal number(String value) {
        return NumberRules.typed(value.replace("％", "").replace("%", ""));
    }

    /**
     * The text a form shows for a stored value (the score of a judgement); {@code parsed} is null when the stored
     * text could not be read. Always short: a value stored before the ranges existed (1E+100000) is shown in
     * scientific notation, never written out.
     */
    public static String display(String valueJson, JsonNode parsed) {
        if (parsed == null) {
            return valueJson == null ? "" : NumberRules.shown(valueJson);
        }
        JsonNode shown = parsed.isObject() ? parsed.path("score") : parsed;
        if (shown.isNumber()) {
            boolean finite = !shown.isFloatingPointNumber() || shown.isBigDecimal() || Double.isFinite(shown.doubleValue());
            return finite ? NumberRules.shown(shown.decimalValue().stripTrailingZeros())
                    : String.valueOf(shown.doubleValue());
        }
        return NumberRules.shown(shown.isTextual() ? shown.asText() : shown.toString());
    }

    /**
     * The version a form's hidden field carries: the value's version when the page was loaded, 0 (or empty) when
     * it had no value.
     *
     * @throws IllegalArgumentException with a Chinese reason when the field was tampered with
     */
    public static long version(String field) {
        String text = field == null ? "" : field.strip();
        if (text.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("页面数据有误，请刷新后再保存");
        }
    }
}
