package cn.huangpu.assessment.catalogue;

import java.math.BigDecimal;
import java.util.List;

/**
 * A fact an indicator is priced on.
 *
 * @param by      the evaluator code that delivers it
 * @param options the codes a choice may take (choice inputs only)
 * @param max     the highest score (judgement inputs only)
 */
public record Input(String name, InputType type, String label, String by, List<Option> options, BigDecimal max) {

    public Input {
        options = List.copyOf(options);
    }

    public record Option(String code, String label) {
    }
}
