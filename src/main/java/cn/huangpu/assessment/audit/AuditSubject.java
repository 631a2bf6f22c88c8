package cn.huangpu.assessment.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * An entry's subject read back into its parts. The writers build subjects as a kind followed by the codes the
 * change is about, one space between words:
 * <pre>
 *   campaign   &lt;campaign id&gt;
 *   unit       &lt;unit&gt; [self_check_due]
 *   evaluator  &lt;evaluator&gt; [specialist_due]
 *   finding    &lt;unit&gt; &lt;indicator&gt; [&lt;input&gt;]
 *   link_check &lt;unit&gt; &lt;indicator&gt; &lt;url&gt;
 *   unit_fact  &lt;unit&gt; &lt;indicator&gt; &lt;input&gt;
 *   score      &lt;unit&gt;
 *   register   &lt;unit&gt; &lt;register&gt;   (documents, consultations)
 *   rectification     &lt;unit&gt; [&lt;indicator&gt; &lt;item id&gt;]
 *   rectification_due &lt;unit&gt;
 *   feedback   &lt;unit&gt;                (its answer in the feedback window)
 *   objection  &lt;unit&gt; &lt;indicator&gt;  (an objection, its files, opinions and ruling)
 *   not_involved &lt;unit&gt; &lt;indicator&gt;  (a unit's 不涉及 claim: its requests, the office's rulings)
 * </pre>
 * Both the wording and the filters by unit and indicator rely on this grammar, so it is written down once, here.
 *
 * @param code      the second word: the unit, evaluator or campaign the change is about
 * @param indicator the indicator code, for the kinds that name one
 * @param rest      what follows: an input name, a URL or which deadline
 */
record AuditSubject(String kind, String code, String indicator, String rest) {

    static final String CAMPAIGN = "campaign";
    static final String UNIT = "unit";
    static final String EVALUATOR = "evaluator";
    static final String FINDING = "finding";
    static final String LINK_CHECK = "link_check";
    static final String UNIT_FACT = "unit_fact";
    static final String SCORE = "score";
    static final String REGISTER = "register";
    static final String RECTIFICATION = "rectification";
    static final String RECTIFICATION_DUE = "rectification_due";
    static final String FEEDBACK = "feedback";
    static final String OBJECTION = "objection";
    static final String NOT_INVOLVED = "not_involved";

    /** The kinds whose second word is a unit code. */
    static final List<String> OF_UNIT = List.of(UNIT, FINDING, LINK_CHECK, UNIT_FACT, SCORE, REGISTER, RECTIFICATION,
            RECTIFICATION_DUE, FEEDBACK, OBJECTION, NOT_INVOLVED);
    /** The kinds whose third word is an indicator code (all of them also name a unit). */
    static final List<String> OF_INDICATOR = List.of(FINDING, LINK_CHECK, UNIT_FACT, RECTIFICATION, OBJECTION,
            NOT_INVOLVED);

    static AuditSubject parse(String subject) {
        String[] words = subject.strip().split(" ", 4);
        String code = words.length > 1 ? words[1] : null;
        if (OF_INDICATOR.contains(words[0])) {
            return new AuditSubject(words[0], code, words.length > 2 ? words[2] : null, words.length > 3 ? words[3] : null);
        }
        String rest = words.length > 2 ? String.join(" ", List.of(words).subList(2, words.length)) : null;
        return new AuditSubject(words[0], code, null, rest);
    }

    boolean isAboutUnit() {
        return OF_UNIT.contains(kind) && code != null;
    }

    /**
     * SQL LIKE patterns (escape character {@code \}) for the subjects about a unit, an indicator or both (either
     * may be null, not both). A code matches as a whole word: the pattern ends after it or continues with a
     * space, so unit "dp" does not match "dpq" and indicator "1.1" does not match "1.10".
     */
    static List<String> patterns(String unit, String indicator) {
        List<String> patterns = new ArrayList<>();
        for (String kind : indicator == null ? OF_UNIT : OF_INDICATOR) {
            String prefix = escape(kind) + " " + (unit == null ? "%" : escape(unit))
                    + (indicator == null ? "" : " " + escape(indicator));
            patterns.add(prefix);
            patterns.add(prefix + " %");
        }
        return patterns;
    }

    private static String escape(String literal) {
        return literal.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
