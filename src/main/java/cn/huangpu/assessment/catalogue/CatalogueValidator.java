package cn.huangpu.assessment.catalogue;

import cn.huangpu.assessment.catalogue.Catalogue.Section;
import cn.huangpu.assessment.catalogue.Criterion.Condition;
import cn.huangpu.assessment.catalogue.Criterion.Kind;
import cn.huangpu.assessment.catalogue.Criterion.Tier;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** The consistency rules of docs/catalogue-format.md ("What the loader checks"). */
final class CatalogueValidator {

    private static final BigDecimal HALF = new BigDecimal("0.5");
    /** Keys of an indicator's facts that are not inputs (docs/facts-format.md). */
    private static final Set<String> RESERVED_NAMES = Set.of("notInvolved", "evidence");

    private CatalogueValidator() {
    }

    static void validate(Catalogue catalogue, String origin) {
        String where = "指标目录 " + origin;
        if (catalogue.notInvolvedRate().signum() <= 0 || catalogue.notInvolvedRate().compareTo(BigDecimal.ONE) > 0) {
            throw new CatalogueException(where + "：notInvolvedRate 须在 0 与 1 之间");
        }
        Set<String> evaluators = new HashSet<>();
        catalogue.evaluators().forEach(e -> {
            if (!evaluators.add(e.code())) {
                throw new CatalogueException(where + "：评估单位代码 " + e.code() + " 重复");
            }
        });
        Set<String> codes = new HashSet<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Section section : catalogue.sections()) {
            BigDecimal sum = BigDecimal.ZERO;
            for (Indicator indicator : section.indicators()) {
                if (!codes.add(indicator.code())) {
                    throw new CatalogueException("指标 " + indicator.code() + "：序号重复");
                }
                if (!indicator.sectionNumber().equals(section.number())) {
                    throw new CatalogueException("指标 " + indicator.code() + "：不属于一级指标 " + section.number());
                }
                validate(indicator, evaluators);
                sum = sum.add(indicator.points());
            }
            if (sum.compareTo(section.points()) != 0) {
                throw new CatalogueException("一级指标 " + section.number() + " " + section.name() + "：分值为 "
                        + plain(section.points()) + " 分，但其下指标基础分合计 " + plain(sum) + " 分");
            }
            total = total.add(section.points());
        }
        if (total.compareTo(catalogue.totalPoints()) != 0) {
            throw new CatalogueException(where + "：一级指标合计 " + plain(total) + " 分，应为 "
                    + plain(catalogue.totalPoints()) + " 分");
        }
    }

    private static void validate(Indicator indicator, Set<String> evaluators) {
        String where = "指标 " + indicator.code() + " " + indicator.name();
        if (indicator.points().signum() < 0) {
            throw new CatalogueException(where + "：基础分不能为负");
        }
        Set<String> names = new HashSet<>();
        for (Input input : indicator.inputs()) {
            String inputWhere = where + " 的输入项 " + input.name();
            if (!names.add(input.name())) {
                throw new CatalogueException(inputWhere + "：名称重复");
            }
            if (RESERVED_NAMES.contains(input.name())) {
                throw new CatalogueException(inputWhere + "：名称 " + input.name() + " 已用于评分输入格式本身，请换一个名称");
            }
            if (!evaluators.contains(input.by())) {
                throw new CatalogueException(inputWhere + "：评估单位 '" + input.by() + "' 不在目录的评估单位名单中");
            }
            if (input.from() != null) {
                validate(input.from(), input, inputWhere);
            }
            if (input.type() == InputType.CHOICE && input.options().isEmpty()) {
                throw new CatalogueException(inputWhere + "：选择项须列出 options");
            }
            if (input.type() == InputType.JUDGEMENT) {
                if (input.max() == null || input.max().signum() <= 0 || input.max().compareTo(indicator.points()) > 0
                        || !isHalfStep(input.max())) {
                    throw new CatalogueException(inputWhere + "：评分项的 max 须为不超过基础分的0.5的整数倍");
                }
            } else if (input.max() != null) {
                // a count or number may state the highest value it accepts; without one a default applies
                boolean countOrNumber = input.type() == InputType.COUNT || input.type() == InputType.NUMBER;
                if (!countOrNumber || input.max().signum() <= 0
                        || input.type() == InputType.COUNT && input.max().stripTrailingZeros().scale() > 0) {
                    throw new CatalogueException(inputWhere + "：max 只用于评分项、数量（正整数）和数值（正数）");
                }
            }
        }
        BigDecimal maxAwards = BigDecimal.ZERO;
        int n = 0;
        for (Criterion criterion : indicator.criteria()) {
            String criterionWhere = where + " 的评分规则第" + (++n) + "条（" + criterion.kind().yamlName() + "）";
            validate(criterion, indicator, criterionWhere);
            if (criterion.kind().isAward()) {
                if (indicator.mode() != Indicator.Mode.AWARD) {
                    throw new CatalogueException(criterionWhere + "：扣分制（deduct）指标不能有加分类规则");
                }
                maxAwards = maxAwards.add(maxAward(criterion, indicator));
            }
            if (indicator.points().signum() == 0 && !criterion.kind().isBonus()) {
                throw new CatalogueException(criterionWhere + "：加分项指标（基础分0分）只能有额外加分规则");
            }
        }
        if (indicator.mode() == Indicator.Mode.AWARD && indicator.points().signum() > 0
                && maxAwards.compareTo(indicator.points()) != 0) {
            throw new CatalogueException(where + "：得分制（award）各项最高得分合计 " + plain(maxAwards)
                    + " 分，应等于基础分 " + plain(indicator.points()) + " 分");
        }
    }

    /** A register binding names a known register and one of its figures, of the input's type, and a date rule's days. */
    private static void validate(RegisterSource from, Input input, String inputWhere) {
        String where = inputWhere + " 的 from";
        if (!RegisterSource.FIGURES.containsKey(from.register())) {
            throw new CatalogueException(where + "：未知的登记 '" + from.register() + "'，可用："
                    + String.join("、", RegisterSource.FIGURES.keySet().stream().sorted().toList()));
        }
        if (!RegisterSource.FIGURES.get(from.register()).contains(from.figure())) {
            throw new CatalogueException(where + "：登记 " + from.register() + " 没有计算项 '" + from.figure() + "'，可用："
                    + String.join("、", RegisterSource.FIGURES.get(from.register())));
        }
        if (!RegisterSource.TYPES.get(from.figure()).contains(input.type())) {
            throw new CatalogueException(where + "：计算项 " + from.figure() + " 不能用于 "
                    + input.type().name().toLowerCase(Locale.ROOT) + " 类型的输入项");
        }
        if (!Catalogue.OFFICE.equals(input.by())) {
            throw new CatalogueException(where + "：按登记计算的输入项须由区政府办公室（OFFICE）提供");
        }
        boolean dateRule = RegisterSource.LATE.equals(from.figure());
        if (dateRule && (from.workingDays() == null || from.workingDays() < 1
                || from.workingDays() > RegisterSource.MAX_WORKING_DAYS)) {
            throw new CatalogueException(where + "：计算项 late 须给出 workingDays（1到" + RegisterSource.MAX_WORKING_DAYS
                    + "个工作日）");
        }
        if (!dateRule && from.workingDays() != null) {
            throw new CatalogueException(where + "：workingDays 只用于计算项 late");
        }
    }

    private static void validate(Criterion c, Indicator indicator, String where) {
        switch (c.kind()) {
            case DEDUCT_PER, AWARD_PER, BONUS_PER -> {
                requireInput(indicator, c.input(), InputType.COUNT, where);
                requirePositive(c.points(), "points", where);
                if (c.cap() != null) {
                    requirePositive(c.cap(), "cap", where);
                }
            }
            case AWARD_IF, DEDUCT_IF, BONUS_IF -> {
                requirePositive(c.points(), "points", where);
                requireCondition(c.when(), indicator, where);
            }
            case ZERO_IF -> requireCondition(c.when(), indicator, where);
            case CHOICE -> {
                Input input = requireInput(indicator, c.input(), InputType.CHOICE, where);
                for (Input.Option option : input.options()) {
                    if (!c.optionPoints().containsKey(option.code())) {
                        throw new CatalogueException(where + "：未给出选项 " + option.code() + " 的分值");
                    }
                }
                if (c.optionPoints().size() != input.options().size()
                        || c.optionPoints().values().stream().anyMatch(p -> p.signum() < 0)) {
                    throw new CatalogueException(where + "：选项分值须与输入项的选项一一对应且不为负");
                }
            }
            case RATE_TIERS -> {
                if ((c.input() == null) == (c.ratio() == null)) {
                    throw new CatalogueException(where + "：须且只须给出 rate 或 ratio 之一");
                }
                if (c.input() != null) {
                    requireInput(indicator, c.input(), InputType.RATE, where);
                } else {
                    if (c.ratio().numerator().isEmpty()) {
                        throw new CatalogueException(where + "：ratio 须有分子");
                    }
                    c.ratio().numerator().forEach(name -> requireInput(indicator, name, InputType.COUNT, where));
                    requireInput(indicator, c.ratio().denominator(), InputType.COUNT, where);
                }
                if (c.tiers().isEmpty()) {
                    throw new CatalogueException(where + "：须列出 tiers");
                }
                for (Tier tier : c.tiers()) {
                    requirePositive(tier.points(), "tiers.points", where);
                    if (tier.threshold().signum() < 0) {
                        throw new CatalogueException(where + "：档次阈值不能为负");
                    }
                }
            }
            case PER_FULL -> {
                requireInput(indicator, c.input(), InputType.NUMBER, where);
                requirePositive(c.per(), "per", where);
                requirePositive(c.points(), "points", where);
                if (c.cap() != null) {
                    requirePositive(c.cap(), "cap", where);
                }
            }
            case JUDGEMENT, JUDGEMENT_DEDUCT -> requireInput(indicator, c.input(), InputType.JUDGEMENT, where);
            default -> throw new IllegalStateException(c.kind().name());
        }
    }

    private static BigDecimal maxAward(Criterion c, Indicator indicator) {
        return switch (c.kind()) {
            case AWARD_IF -> c.points();
            case AWARD_PER, PER_FULL -> {
                if (c.cap() == null) {
                    throw new CatalogueException("指标 " + indicator.code() + "：得分制的 " + c.kind().yamlName() + " 规则须有 cap");
                }
                yield c.cap();
            }
            case CHOICE -> c.optionPoints().values().stream().max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
            case JUDGEMENT -> indicator.input(c.input()).orElseThrow().max();
            default -> BigDecimal.ZERO;
        };
    }

    private static void requireCondition(Condition when, Indicator indicator, String where) {
        if (when == null) {
            throw new CatalogueException(where + "：缺少条件 when");
        }
        InputType expected = switch (when.test()) {
            case IS_TRUE -> InputType.FLAG;
            case ON_OR_BEFORE -> InputType.DATE;
            case AT_LEAST, BELOW -> indicator.input(when.input()).map(Input::type)
                    .filter(t -> t == InputType.COUNT || t == InputType.RATE).orElse(InputType.COUNT);
        };
        requireInput(indicator, when.input(), expected, where);
        if (when.threshold() != null && when.threshold().signum() < 0) {
            throw new CatalogueException(where + "：条件阈值不能为负");
        }
    }

    private static Input requireInput(Indicator indicator, String name, InputType type, String where) {
        if (name == null) {
            throw new CatalogueException(where + "：未指明所用的输入项");
        }
        Input input = indicator.input(name).orElseThrow(() ->
                new CatalogueException(where + "：引用了未定义的输入项 '" + name + "'"));
        if (input.type() != type) {
            throw new CatalogueException(where + "：输入项 '" + name + "' 的类型应为 "
                    + type.name().toLowerCase(Locale.ROOT));
        }
        return input;
    }

    private static void requirePositive(BigDecimal value, String field, String where) {
        if (value == null || value.signum() <= 0) {
            throw new CatalogueException(where + "：" + field + " 须为正数");
        }
    }

    private static boolean isHalfStep(BigDecimal value) {
        return value.remainder(HALF).signum() == 0;
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
