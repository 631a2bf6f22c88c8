package cn.huangpu.assessment.evaluation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One input value for one unit as an evaluator or the office enters it; a null value clears it.
 *
 * @param value  the value in the facts format (a number, true/false, a date string, a choice code,
 *               or {@code {"score": …, "reason": …}} for a judgement)
 * @param reason why it was entered or changed (required for the office's changes in comprehensive evaluation)
 * @param loadedVersion the value's version the page or template showed (0: no value then); null for a caller
 *                      that showed nothing and saves over whatever is stored (the demo's bots)
 */
public record FactEntry(String unitCode, String indicatorCode, String inputName, JsonNode value, String reason,
                        Long loadedVersion) {

    /** A value saved over whatever is stored. */
    public FactEntry(String unitCode, String indicatorCode, String inputName, JsonNode value, String reason) {
        this(unitCode, indicatorCode, inputName, value, reason, null);
    }
}
