package cn.huangpu.assessment.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything known about one unit that the catalogue prices, by indicator code: the facts format of
 * docs/facts-format.md, already checked against the catalogue by {@link FactsParser}.
 */
public record UnitFacts(int year, Map<String, IndicatorFacts> indicators) {

    public UnitFacts {
        indicators = Map.copyOf(indicators);
    }

    public IndicatorFacts of(String indicatorCode) {
        return indicators.getOrDefault(indicatorCode, IndicatorFacts.NONE);
    }

    /**
     * One indicator's facts. Values are typed by the input: {@link BigDecimal} (count, rate, number),
     * {@link Boolean} (flag), {@link LocalDate} (date), {@link String} (choice code), {@link Judgement}.
     *
     * @param evidence by input name, the lines that show what a value stands for (the late documents' numbers,
     *                 the missing numbers), listed on the sheet under the line that prices the input
     */
    public record IndicatorFacts(boolean notInvolved, Map<String, Object> values, Map<String, List<String>> evidence) {

        static final IndicatorFacts NONE = new IndicatorFacts(false, Map.of());

        public IndicatorFacts {
            values = Map.copyOf(values);
            evidence = evidence == null ? Map.of() : Map.copyOf(evidence);
        }

        public IndicatorFacts(boolean notInvolved, Map<String, Object> values) {
            this(notInvolved, values, Map.of());
        }

        /** The evidence lines of an input, empty when there are none. */
        public List<String> evidence(String inputName) {
            return evidence.getOrDefault(inputName, List.of());
        }
    }

    /** A judged score (视情评分) with its written reason. */
    public record Judgement(BigDecimal score, String reason) {
    }
}
