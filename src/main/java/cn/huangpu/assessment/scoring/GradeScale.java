package cn.huangpu.assessment.scoring;

import java.math.BigDecimal;

/** Maps a final total (bonuses included) to a grade (考核等次). The office's cut-offs live in the GradeDecision table. */
@FunctionalInterface
public interface GradeScale {

    String gradeFor(BigDecimal total);
}
