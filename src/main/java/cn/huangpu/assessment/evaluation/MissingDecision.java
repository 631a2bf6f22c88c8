package cn.huangpu.assessment.evaluation;

import java.time.Instant;

/**
 * The office's decision that an input nobody entered for a unit is priced as missing (按缺失计分), with its reason,
 * as the sheet cites it. It stands until someone enters a value for the input, which removes it.
 */
public record MissingDecision(String unitCode, String indicatorCode, String inputName, String reason, String decidedBy,
                              Instant decidedAt) {

    /** "indicator/input", as the stored values are keyed. */
    public String key() {
        return indicatorCode + "/" + inputName;
    }
}
