package cn.huangpu.assessment.scoring;

import java.math.BigDecimal;

/**
 * Maps a final total (bonuses included) to a grade (考核等次) by one version of the office's grade table
 * (GradeDecision), comparing the exact decimal total with the cut-offs. A scoring round takes the version in
 * force when it starts and grades every unit with it, so that a deployment during the round cannot split it,
 * and records that version with each result.
 */
public interface GradeScale {

    /**
     * The version in force now, for a round: each grade is a decision that the engine keeps in its history, one per
     * distinct total (units with equal totals share it).
     */
    Grader forRound();

    /** The version in force now, for a view that prices again (the preview, the current scores): nothing is kept. */
    Grader forView();

    /** The grade of {@code total} by the version in force now, as a view. */
    default String gradeFor(BigDecimal total) {
        return forView().gradeFor(total);
    }

    /** One version of the table, ready to grade. */
    interface Grader {

        GradeTable table();

        String gradeFor(BigDecimal total);
    }

    /**
     * One deployed version of the grade table.
     *
     * @param id      the engine's decision definition id, unique per deployed version
     * @param key     the decision key ({@code GradeDecision})
     * @param version the decision definition's version, from 1
     */
    record GradeTable(String id, String key, int version) {
    }
}
