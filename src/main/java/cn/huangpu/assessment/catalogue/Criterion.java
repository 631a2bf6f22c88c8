package cn.huangpu.assessment.catalogue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One pricing rule of an indicator. Which fields are set depends on the {@link Kind}; the loader
 * guarantees the combination is well formed.
 *
 * @param text        the part of 评分标准 this criterion prices (Chinese)
 * @param input       the input it reads (per-count, per-full, choice, judgement and rate-tier kinds)
 * @param points      points per count, per condition or per full unit (positive)
 * @param cap         the most it can add or take, or null
 * @param when        the condition of the -if kinds
 * @param optionPoints points per option code (choice)
 * @param ratio       the ratio a rate-tiers criterion reads instead of a rate input, or null
 * @param tiers       the rate tiers, most severe first (rate-tiers)
 * @param per         the unit of per-full
 */
public record Criterion(Kind kind, String text, String input, BigDecimal points, BigDecimal cap, Condition when,
                        Map<String, BigDecimal> optionPoints, Ratio ratio, List<Tier> tiers, BigDecimal per) {

    public enum Kind {
        DEDUCT_PER("deduct-per"), AWARD_PER("award-per"), AWARD_IF("award-if"), DEDUCT_IF("deduct-if"),
        ZERO_IF("zero-if"), CHOICE("choice"), RATE_TIERS("rate-tiers"), PER_FULL("per-full"),
        JUDGEMENT("judgement"), JUDGEMENT_DEDUCT("judgement-deduct"), BONUS_IF("bonus-if"), BONUS_PER("bonus-per");

        private final String yamlName;

        Kind(String yamlName) {
            this.yamlName = yamlName;
        }

        public String yamlName() {
            return yamlName;
        }

        public boolean isBonus() {
            return this == BONUS_IF || this == BONUS_PER;
        }

        /** Kinds that add to the base part (award mode only). */
        public boolean isAward() {
            return this == AWARD_PER || this == AWARD_IF || this == CHOICE || this == PER_FULL || this == JUDGEMENT;
        }

        static Kind fromYaml(String name) {
            for (Kind kind : values()) {
                if (kind.yamlName.equals(name)) {
                    return kind;
                }
            }
            return null;
        }
    }

    /**
     * A condition on one input: a flag is true, a count or rate reaches or stays below a threshold, a date is on
     * time.
     *
     * @param date the last day an on-or-before condition accepts, or null for the other tests
     */
    public record Condition(String input, Test test, BigDecimal threshold, DueDate date) {

        public enum Test { IS_TRUE, AT_LEAST, BELOW, ON_OR_BEFORE }
    }

    /** A rate computed from counts: the sum of the numerators over the denominator; 0 when the denominator is 0. */
    public record Ratio(List<String> numerator, String denominator) {
        public Ratio {
            numerator = List.copyOf(numerator);
        }
    }

    /** A rate tier: the rate is below (strictly) or above (strictly) the threshold. */
    public record Tier(boolean above, BigDecimal threshold, BigDecimal points) {
    }
}
