package cn.huangpu.assessment.catalogue;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where an input's value comes from when a register computes it instead of a person entering it
 * ({@code from: {register: documents, figure: late, workingDays: 20}} in the catalogue). The office may still
 * enter the input: that value overrides the register's figure and needs a reason.
 *
 * @param register    the register's name: {@value #DOCUMENTS} (公文备案登记) or {@value #CONSULTATIONS}
 *                    (意见征集反馈登记)
 * @param figure      what the register computes: {@value #DISCLOSURE_RATE}, {@value #LATE} or {@value #MISSING_NUMBERS}
 * @param workingDays for {@value #LATE}: the working days allowed from a row's first date to its second; null for
 *                    the other figures
 */
public record RegisterSource(String register, String figure, Integer workingDays) {

    /** 公文备案登记: documents with their number, date, disclosure attribute and filing date. */
    public static final String DOCUMENTS = "documents";
    /** 意见征集反馈登记: decisions with the date taken and the date the consultation's feedback was published. */
    public static final String CONSULTATIONS = "consultations";

    /** 主动公开 rows ÷ all rows (a rate). */
    public static final String DISCLOSURE_RATE = "disclosureRate";
    /** Rows whose second date is more than {@code workingDays} working days after the first (a count, or a flag: any). */
    public static final String LATE = "late";
    /** Gaps in each 文号 sequence per prefix and year, void numbers left out (a count). */
    public static final String MISSING_NUMBERS = "missingNumbers";

    /** The figures each register computes. */
    public static final Map<String, List<String>> FIGURES = Map.of(
            DOCUMENTS, List.of(DISCLOSURE_RATE, LATE, MISSING_NUMBERS),
            CONSULTATIONS, List.of(LATE));

    /** The input types a figure can feed. */
    static final Map<String, Set<InputType>> TYPES = Map.of(
            DISCLOSURE_RATE, Set.of(InputType.RATE),
            LATE, Set.of(InputType.COUNT, InputType.FLAG),
            MISSING_NUMBERS, Set.of(InputType.COUNT));

    /** The most working days a date rule may allow: longer than any legal time limit for publishing. */
    static final int MAX_WORKING_DAYS = 250;
}
