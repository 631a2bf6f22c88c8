package cn.huangpu.assessment.catalogue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A third-level indicator (三级指标) with the seed's texts verbatim and its pricing rules.
 *
 * @param keyPoints 考评要点
 * @param standard  评分标准
 * @param method    考评方式
 * @param points    base points (0 for a bonus-only indicator)
 */
public record Indicator(String code, String name, String keyPoints, String standard, String method,
                        BigDecimal points, Mode mode, boolean notInvolvedAllowed,
                        List<Input> inputs, List<Criterion> criteria) {

    public Indicator {
        inputs = List.copyOf(inputs);
        criteria = List.copyOf(criteria);
    }

    /**
     * The inputs fed by the office's online-verification findings: counts the office delivers that a
     * deduct-per criterion prices (missing, stale, broken or wrong items). Their value is the number of
     * items the findings recorded against them stand for (each finding's count, 1 unless it lists more). An input
     * a register computes is not one of them: the office enters it only to override the register's figure.
     */
    public List<Input> findingInputs() {
        return inputs.stream()
                .filter(in -> in.type() == InputType.COUNT && Catalogue.OFFICE.equals(in.by()) && !in.fromRegister())
                .filter(in -> criteria.stream().anyMatch(c -> c.kind() == Criterion.Kind.DEDUCT_PER
                        && in.name().equals(c.input())))
                .toList();
    }

    /** The inputs an evaluator delivers directly (for the office: all but the finding-fed ones). */
    public List<Input> directInputs(String evaluatorCode) {
        List<Input> findingFed = findingInputs();
        return inputs.stream().filter(in -> in.by().equals(evaluatorCode) && !findingFed.contains(in)).toList();
    }

    public Optional<Input> input(String name) {
        return inputs.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    /** The first-level section number: "4" for "4.13", "7" for "7". */
    public String sectionNumber() {
        int dot = code.indexOf('.');
        return dot < 0 ? code : code.substring(0, dot);
    }

    /** How an indicator starts before its criteria apply. */
    public enum Mode {
        /** Start from the base points and subtract. */
        DEDUCT,
        /** Start from 0, add awards (capped at the base), then subtract deductions. */
        AWARD
    }
}
