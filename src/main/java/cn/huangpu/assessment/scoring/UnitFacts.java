package cn.huangpu.assessment.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;
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
     */
    public record IndicatorFacts(boolean notInvolved, Map<String, Object> values) {

        static final IndicatorFacts NONE = new IndicatorFacts(false, Map.of());

        public IndicatorFacts {
            values = Map.copyOf(values);
        }
    }

    /** A judged score (视情评分) with its written reason. */
    public record Judgement(BigDecimal score, String reason) {
    }
}
