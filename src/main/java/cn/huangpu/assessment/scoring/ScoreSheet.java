package cn.huangpu.assessment.scoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * A unit's scores (评分说明): per indicator, per section and in total, with the explanation behind
 * every point. Points have scale 2.
 *
 * @param basePoints the sum of the base parts (at most the catalogue's total points)
 * @param bonus      the sum of the bonus parts (额外加分)
 * @param total      base points plus bonus; may exceed 100
 * @param grade      the grade (考核等次), or null before grading
 */
public record ScoreSheet(int year, BigDecimal total, BigDecimal basePoints, BigDecimal bonus, String grade,
                         List<SectionScore> sections, List<IndicatorScore> indicators) {

    public ScoreSheet {
        sections = List.copyOf(sections);
        indicators = List.copyOf(indicators);
    }

    public ScoreSheet withGrade(String grade) {
        return new ScoreSheet(year, total, basePoints, bonus, grade, sections, indicators);
    }

    public IndicatorScore indicator(String code) {
        return indicators.stream().filter(i -> i.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No indicator " + code));
    }

    /** A first-level subtotal; {@code points} includes the section's bonuses. */
    public record SectionScore(String number, String name, BigDecimal base, BigDecimal basePart, BigDecimal bonus,
                               BigDecimal points) {
    }

    /**
     * One indicator's result.
     *
     * @param base          the indicator's base points (分值)
     * @param basePart      what the unit scored of them, between 0 and base
     * @param bonus         bonus points on top
     * @param points        basePart + bonus
     * @param explanation   one line per criterion, and lines for the floor, the cap and not-involved
     * @param missingInputs labels of the inputs the facts did not give (priced as absent)
     */
    public record IndicatorScore(String code, String name, String section, BigDecimal base, BigDecimal basePart,
                                 BigDecimal bonus, BigDecimal points, boolean notInvolved,
                                 List<Explanation> explanation, List<String> missingInputs) {
        public IndicatorScore {
            explanation = List.copyOf(explanation);
            missingInputs = List.copyOf(missingInputs);
        }
    }

    /**
     * Why points were given or taken.
     *
     * @param criterion the criterion's text from the catalogue (or the general rule applied)
     * @param input     the input and its value, as read
     * @param arithmetic the computation, e.g. "2 × 0.5 = 1"
     * @param effect    signed points this line adds to the base part or the bonus (0 where nothing changed)
     * @param bonus     whether the effect is on the bonus part
     * @param source    who delivers the input (the evaluator's name), or empty
     * @param text      the whole line in Chinese
     * @param details   what the input's value stands for, one item a line (the late documents, the missing numbers),
     *                  from the facts' evidence; empty for most lines and for sheets stored before it existed
     */
    public record Explanation(String criterion, String input, String arithmetic, BigDecimal effect, boolean bonus,
                              String source, String text, List<String> details) {

        public Explanation {
            details = details == null ? List.of() : List.copyOf(details);
        }

        public Explanation(String criterion, String input, String arithmetic, BigDecimal effect, boolean bonus,
                           String source, String text) {
            this(criterion, input, arithmetic, effect, bonus, source, text, List.of());
        }
    }
}
