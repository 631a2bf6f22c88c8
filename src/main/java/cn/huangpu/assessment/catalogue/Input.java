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
 */
public record Input(String name, InputType type, String label, String by, List<Option> options, BigDecimal max) {

    public Input {
        options = List.copyOf(options);
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
