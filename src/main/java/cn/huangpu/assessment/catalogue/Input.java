package cn.huangpu.assessment.catalogue;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

/**
 * A fact an indicator is priced on.
 *
 * @param by      the evaluator code that delivers it
 * @param options the codes a choice may take (choice inputs only)
 * @param max     the highest score (judgement inputs only)
 * @param from    the register that computes the value (docs/catalogue-format.md, "Inputs computed from a
 *                register"), or null for an input that people enter
 * @param suggest the suggested score of a judgement from the unit's record in the previous campaign, or null
 */
public record Input(String name, InputType type, String label, String by, List<Option> options, BigDecimal max,
                    RegisterSource from, RecordSuggestion suggest) {

    public Input {
        options = List.copyOf(options);
    }

    /** An input without a suggested score. */
    public Input(String name, InputType type, String label, String by, List<Option> options, BigDecimal max,
                 RegisterSource from) {
        this(name, type, label, by, options, max, from, null);
    }

    /** An input that people enter. */
    public Input(String name, InputType type, String label, String by, List<Option> options, BigDecimal max) {
        this(name, type, label, by, options, max, null, null);
    }

    /** Whether a register computes the value (the office may override it, with a reason). */
    public boolean fromRegister() {
        return from != null;
    }

    /** The scores a judgement may take: 0, 0.5, … up to max. */
    public List<String> scoreSteps() {
        if (max == null) {
            return List.of();
        }
        BigDecimal half = new BigDecimal("0.5");
        return Stream.iterate(BigDecimal.ZERO, s -> s.compareTo(max) <= 0, s -> s.add(half))
                .map(s -> s.stripTrailingZeros().toPlainString()).toList();
    }

    public record Option(String code, String label) {
    }
}
