package cn.huangpu.assessment.scoring;

import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.catalogue.Catalogue.Section;
import cn.huangpu.assessment.catalogue.Criterion;
import cn.huangpu.assessment.catalogue.Criterion.Condition;
import cn.huangpu.assessment.catalogue.Criterion.Tier;
import cn.huangpu.assessment.catalogue.Indicator;
import cn.huangpu.assessment.catalogue.Input;
import cn.huangpu.assessment.catalogue.InputType;
import cn.huangpu.assessment.scoring.ScoreSheet.Explanation;
import cn.huangpu.assessment.scoring.ScoreSheet.IndicatorScore;
import cn.huangpu.assessment.scoring.ScoreSheet.SectionScore;
import cn.huangpu.assessment.scoring.UnitFacts.IndicatorFacts;
import cn.huangpu.assessment.scoring.UnitFacts.Judgement;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prices a unit's facts by a catalogue. Pure and deterministic: the same catalogue and facts give the
 * same sheet, explanations included. The general rules of the domain apply to every indicator:
 * deductions stop at 0, awards stop at the base, "not involved" gives {@code notInvolvedRate} of the
 * base and nothing else, and bonuses come on top of everything.
 */
public final class ScoreCalculator {

    static final int SCALE = 2;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * Scores one unit of a campaign of the catalogue's own year; the grade is left to the caller
     * ({@link ScoreSheet#withGrade}).
     */
    public ScoreSheet score(Catalogue catalogue, UnitFacts facts) {
        return score(catalogue, catalogue.year(), facts);
    }

    /**
     * Scores one unit of a campaign of {@code campaignYear} priced by {@code catalogue} (the newest catalogue not
     * later than that year): a due date in the campaign year is that year's day. The grade is left to the caller
     * ({@link ScoreSheet#withGrade}).
     */
    public ScoreSheet score(Catalogue catalogue, int campaignYear, UnitFacts facts) {
        Map<String, String> evaluatorNames = new HashMap<>();
        catalogue.evaluators().forEach(e -> evaluatorNames.put(e.code(), e.name()));
        List<IndicatorScore> indicators = new ArrayList<>();
        List<SectionScore> sections = new ArrayList<>();
        BigDecimal basePoints = BigDecimal.ZERO;
        BigDecimal bonus = BigDecimal.ZERO;
        for (Section section : catalogue.sections()) {
            BigDecimal sectionBase = BigDecimal.ZERO;
            BigDecimal sectionBonus = BigDecimal.ZERO;
            for (Indicator indicator : section.indicators()) {
                IndicatorScore score = new IndicatorPricing(catalogue, campaignYear, indicator, facts.of(indicator.code()),
                        evaluatorNames).price(section.number());
                indicators.add(score);
                sectionBase = sectionBase.add(score.basePart());
                sectionBonus = sectionBonus.add(score.bonus());
            }
            sections.add(new SectionScore(section.number(), section.name(), scaled(section.points()), scaled(sectionBase),
                    scaled(sectionBonus), scaled(sectionBase.add(sectionBonus))));
            basePoints = basePoints.add(sectionBase);
            bonus = bonus.add(sectionBonus);
        }
        return new ScoreSheet(catalogue.year(), scaled(basePoints.add(bonus)), scaled(basePoints), scaled(bonus), null,
                sections, indicators);
    }

    static BigDecimal scaled(BigDecimal value) {
        return value.setScale(SCALE, RoundingMode.HALF_UP);
    }

    static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    static String percent(BigDecimal rate) {
        return plain(rate.multiply(HUNDRED)) + "%";
    }

    /** The pricing of one indicator; collects explanation lines as it goes. */
    private static final class IndicatorPricing {

        private final Catalogue catalogue;
        private final int campaignYear;
        private final Indicator indicator;
        private final IndicatorFacts facts;
        private final Map<String, String> evaluatorNames;
        private final List<Explanation> lines = new ArrayList<>();
        private final Set<String> missing = new LinkedHashSet<>();

        IndicatorPricing(Catalogue catalogue, int campaignYear, Indicator indicator, IndicatorFacts facts,
                         Map<String, String> evaluatorNames) {
            this.catalogue = catalogue;
            this.campaignYear = campaignYear;
            this.indicator = indicator;
            this.facts = facts;
            this.evaluatorNames = evaluatorNames;
        }

        IndicatorScore price(String section) {
            BigDecimal base = indicator.points();
            if (facts.notInvolved()) {
                BigDecimal part = scaled(base.multiply(catalogue.notInvolvedRate()));
                line("不涉及此项工作的单位按" + percent(catalogue.notInvolvedRate()) + "计分", "单位不涉及此项工作",
                        plain(base) + " × " + percent(catalogue.notInvolvedRate()) + " = " + plain(part), part, false, "",
                        FactsParser.NOT_INVOLVED);
                return result(section, part, BigDecimal.ZERO);
            }
            boolean award = indicator.mode() == Indicator.Mode.AWARD;
            if (base.signum() > 0) {
                line(award ? "得分制：逐项得分，最高" + plain(base) + "分" : "扣分制：基础分" + plain(base) + "分，逐项扣减",
                        "", award ? "起评0分" : "起评" + plain(base) + "分", award ? BigDecimal.ZERO : base, false, "");
            }
            BigDecimal awards = BigDecimal.ZERO;
            BigDecimal deductions = BigDecimal.ZERO;
            BigDecimal bonus = BigDecimal.ZERO;
            boolean zero = false;
            for (Criterion c : indicator.criteria()) {
                switch (c.kind()) {
                    case DEDUCT_PER -> deductions = deductions.add(perCount(c, -1, false));
                    case AWARD_PER -> awards = awards.add(perCount(c, 1, false));
                    case BONUS_PER -> bonus = bonus.add(perCount(c, 1, true));
                    case DEDUCT_IF -> deductions = deductions.add(ifCondition(c, -1, false));
                    case AWARD_IF -> awards = awards.add(ifCondition(c, 1, false));
                    case BONUS_IF -> bonus = bonus.add(ifCondition(c, 1, true));
                    case ZERO_IF -> zero |= zeroIf(c);
                    case CHOICE -> awards = awards.add(choice(c));
                    case RATE_TIERS -> deductions = deductions.add(rateTiers(c));
                    case PER_FULL -> awards = awards.add(perFull(c));
                    case JUDGEMENT -> awards = awards.add(judgement(c, 1));
                    case JUDGEMENT_DEDUCT -> deductions = deductions.add(judgement(c, -1));
                    default -> throw new IllegalStateException(c.kind().name());
                }
            }
            BigDecimal start = award ? awards.min(base) : base;
            if (award && awards.compareTo(base) > 0) {
                line("得分不超过该指标分值", "", "各项得分合计" + plain(awards) + "分，按" + plain(base) + "分计",
                        base.subtract(awards), false, "");
            }
            BigDecimal part = start.subtract(deductions);
            if (part.signum() < 0) {
                line("扣分不低于0分", "", "应得" + plain(part) + "分，按0分计", part.negate(), false, "");
                part = BigDecimal.ZERO;
            }
            if (zero && part.signum() > 0) {
                line("符合不得分情形", "", "本指标按0分计", part.negate(), false, "");
                part = BigDecimal.ZERO;
            }
            return result(section, scaled(part), scaled(bonus));
        }

        private IndicatorScore result(String section, BigDecimal part, BigDecimal bonus) {
            return new IndicatorScore(indicator.code(), indicator.name(), section, scaled(indicator.points()), part, bonus,
                    part.add(bonus), facts.notInvolved(), lines, List.copyOf(missing));
        }

        private BigDecimal perCount(Criterion c, int sign, boolean bonus) {
            BigDecimal n = number(c.input());
            BigDecimal amount = n.multiply(c.points());
            String arithmetic = plain(n) + " × " + plain(c.points()) + " = " + plain(amount);
            if (c.cap() != null && amount.compareTo(c.cap()) > 0) {
                amount = c.cap();
                arithmetic += "，以" + plain(c.cap()) + "分为限";
            }
            line(c.text(), describe(c.input()), arithmetic + effectWords(sign, amount, bonus), signed(sign, amount), bonus,
                    source(c.input()), c.input());
            return amount;
        }

        private BigDecimal ifCondition(Criterion c, int sign, boolean bonus) {
            boolean holds = holds(c.when());
            BigDecimal amount = holds ? c.points() : BigDecimal.ZERO;
            String arithmetic = (holds ? "符合" : "不符合") + effectWords(sign, amount, bonus);
            line(c.text(), describe(c.when()), arithmetic, signed(sign, amount), bonus, source(c.when().input()),
                    c.when().input());
            return amount;
        }

        private boolean zeroIf(Criterion c) {
            boolean holds = holds(c.when());
            line(c.text(), describe(c.when()), holds ? "符合，本指标不得分" : "不符合", BigDecimal.ZERO, false,
                    source(c.when().input()), c.when().input());
            return holds;
        }

        private BigDecimal choice(Criterion c) {
            Input input = indicator.input(c.input()).orElseThrow();
            String chosen = (String) value(c.input());
            boolean given = chosen != null;
            if (!given) {
                chosen = input.options().get(0).code();
            }
            String code = chosen;
            String label = input.options().stream().filter(o -> o.code().equals(code)).findFirst().orElseThrow().label();
            BigDecimal points = c.optionPoints().get(chosen);
            // a unit that gave no option reads that it gave none, and which option that counts as
            String shown = given ? label : "未提供（按“" + label + "”计）";
            line(c.text(), input.label() + "：" + shown, effectWords(1, points, false).substring(1), points, false,
                    source(c.input()), c.input());
            return points;
        }

        private BigDecimal rateTiers(Criterion c) {
            BigDecimal numerator;
            BigDecimal denominator;
            String described;
            if (c.ratio() != null) {
                numerator = BigDecimal.ZERO;
                List<String> parts = new ArrayList<>();
                for (String name : c.ratio().numerator()) {
                    BigDecimal n = number(name);
                    numerator = numerator.add(n);
                    parts.add(label(name) + " " + plain(n));
                }
                denominator = number(c.ratio().denominator());
                String rate = denominator.signum() == 0 ? "0%"
                        : percent(numerator.divide(denominator, 6, RoundingMode.HALF_UP));
                described = "(" + String.join(" + ", parts) + ") ÷ " + label(c.ratio().denominator()) + " "
                        + plain(denominator) + " = " + rate + (denominator.signum() == 0 ? "（无办理件，比率按0计）" : "");
                if (denominator.signum() == 0) {
                    numerator = BigDecimal.ZERO;
                    denominator = BigDecimal.ONE;
                }
            } else {
                BigDecimal rate = (BigDecimal) value(c.input());
                if (rate == null) {
                    line(c.text(), label(c.input()) + "：未提供", "未计算，不扣分", BigDecimal.ZERO, false, source(c.input()),
                            c.input());
                    return BigDecimal.ZERO;
                }
                numerator = rate;
                denominator = BigDecimal.ONE;
                described = label(c.input()) + "：" + percent(rate);
            }
            // Compare numerator with threshold × denominator, so that no division rounds an edge case.
            for (Tier tier : c.tiers()) {
                int cmp = numerator.compareTo(tier.threshold().multiply(denominator));
                if (tier.above() ? cmp > 0 : cmp < 0) {
                    line(c.text(), described, (tier.above() ? "高于" : "低于") + percent(tier.threshold())
                            + effectWords(-1, tier.points(), false), tier.points().negate(), false,
                            source(c.ratio() != null ? c.ratio().denominator() : c.input()), c.input());
                    return tier.points();
                }
            }
            line(c.text(), described, "未触及扣分档次，不扣分", BigDecimal.ZERO, false,
                    source(c.ratio() != null ? c.ratio().denominator() : c.input()), c.input());
            return BigDecimal.ZERO;
        }

        private BigDecimal perFull(Criterion c) {
            BigDecimal n = number(c.input());
            BigDecimal full = n.divide(c.per(), 0, RoundingMode.DOWN);
            BigDecimal amount = full.multiply(c.points());
            String arithmetic = plain(n) + " ÷ " + plain(c.per()) + " 取整 = " + plain(full) + "，" + plain(full)
                    + " × " + plain(c.points()) + " = " + plain(amount);
            if (c.cap() != null && amount.compareTo(c.cap()) > 0) {
                amount = c.cap();
                arithmetic += "，以" + plain(c.cap()) + "分为限";
            }
            line(c.text(), describe(c.input()), arithmetic + effectWords(1, amount, false), amount, false, source(c.input()),
                    c.input());
            return amount;
        }

        private BigDecimal judgement(Criterion c, int sign) {
            Judgement judgement = (Judgement) value(c.input());
            if (judgement == null) {
                line(c.text(), label(c.input()) + "：未评分", "按0分计", BigDecimal.ZERO, false, source(c.input()), c.input());
                return BigDecimal.ZERO;
            }
            // a judgement's evidence (5.5: the previous campaign's rectification record) is listed under its line
            line(c.text(), label(c.input()) + "：" + plain(judgement.score()) + "分，理由：" + judgement.reason(),
                    effectWords(sign, judgement.score(), false).substring(1), signed(sign, judgement.score()), false,
                    source(c.input()), c.input());
            return judgement.score();
        }

        private boolean holds(Condition when) {
            Object value = value(when.input());
            return switch (when.test()) {
                case IS_TRUE -> Boolean.TRUE.equals(value);
                case AT_LEAST -> value != null && ((BigDecimal) value).compareTo(when.threshold()) >= 0
                        || value == null && isCount(when.input()) && BigDecimal.ZERO.compareTo(when.threshold()) >= 0;
                case BELOW -> value != null ? ((BigDecimal) value).compareTo(when.threshold()) < 0
                        : isCount(when.input()) && BigDecimal.ZERO.compareTo(when.threshold()) < 0;
                case ON_OR_BEFORE -> value != null
                        && !((LocalDate) value).isAfter(when.date().forCampaignYear(campaignYear));
            };
        }

        private String describe(Condition when) {
            Object value = value(when.input());
            String label = label(when.input());
            return switch (when.test()) {
                case IS_TRUE -> label + "：" + (value == null ? "未提供（按否）" : Boolean.TRUE.equals(value) ? "是" : "否");
                case AT_LEAST -> describeValue(when.input(), value) + "（条件：不少于" + threshold(when) + "）";
                case BELOW -> describeValue(when.input(), value) + "（条件：少于" + threshold(when) + "）";
                case ON_OR_BEFORE -> label + "：" + (value == null ? "未提供" : value)
                        + "（条件：不晚于" + when.date().forCampaignYear(campaignYear) + "）";
            };
        }

        /** A threshold as its input's value is shown: a rate's as a percentage (75%), a count's as it is. */
        private String threshold(Condition when) {
            boolean rate = indicator.input(when.input()).orElseThrow().type() == InputType.RATE;
            return rate ? percent(when.threshold()) : plain(when.threshold());
        }

        private String describe(String inputName) {
            return describeValue(inputName, value(inputName));
        }

        private String describeValue(String inputName, Object value) {
            Input input = indicator.input(inputName).orElseThrow();
            if (value == null) {
                return input.label() + "：未提供" + (isCount(inputName) || input.type() == InputType.NUMBER ? "（按0计）" : "");
            }
            if (input.type() == InputType.RATE) {
                return input.label() + "：" + percent((BigDecimal) value);
            }
            return input.label() + "：" + plain((BigDecimal) value);
        }

        private boolean isCount(String inputName) {
            return indicator.input(inputName).orElseThrow().type() == InputType.COUNT;
        }

        /** A count or number, 0 when absent (and then listed as missing). */
        private BigDecimal number(String inputName) {
            Object value = value(inputName);
            return value == null ? BigDecimal.ZERO : (BigDecimal) value;
        }

        private Object value(String inputName) {
            Object value = facts.values().get(inputName);
            if (value == null) {
                missing.add(label(inputName));
            }
            return value;
        }

        private String label(String inputName) {
            return indicator.input(inputName).orElseThrow().label();
        }

        private String source(String inputName) {
            return evaluatorNames.getOrDefault(indicator.input(inputName).orElseThrow().by(), "");
        }

        private static String effectWords(int sign, BigDecimal amount, boolean bonus) {
            if (amount.signum() == 0) {
                return "，" + (sign < 0 ? "不扣分" : bonus ? "不加分" : "不得分");
            }
            return "，" + (sign < 0 ? "扣" : bonus ? "额外加" : "得") + plain(amount) + "分";
        }

        private static BigDecimal signed(int sign, BigDecimal amount) {
            return sign < 0 ? amount.negate() : amount;
        }

        private void line(String criterion, String input, String arithmetic, BigDecimal effect, boolean bonus, String source) {
            line(criterion, input, arithmetic, effect, bonus, source, null);
        }

        /** A line about {@code inputName} (null: about none) carries that input's evidence as its details. */
        private void line(String criterion, String input, String arithmetic, BigDecimal effect, boolean bonus, String source,
                          String inputName) {
            StringBuilder text = new StringBuilder(criterion);
            if (!input.isEmpty()) {
                text.append("｜").append(input);
            }
            if (!arithmetic.isEmpty()) {
                text.append("｜").append(arithmetic);
            }
            if (!source.isEmpty()) {
                text.append("（").append(source).append("）");
            }
            lines.add(new Explanation(criterion, input, arithmetic, scaled(effect), bonus, source, text.toString(),
                    inputName == null ? List.of() : facts.evidence(inputName)));
        }
    }
}
