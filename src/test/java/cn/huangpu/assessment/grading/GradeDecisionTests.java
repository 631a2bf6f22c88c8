package cn.huangpu.assessment.grading;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.scoring.TestCatalogues;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The default cut-offs of processes/GradeDecision.dmn at every boundary (lower bounds inclusive), compared exactly. */
class GradeDecisionTests {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "0, 不合格",
            "59.99, 不合格",
            "60, 合格",
            "60.00, 合格",
            "79.99, 合格",
            "80, 良好",
            "89.99, 良好",
            "89.5, 良好",
            "90, 优秀",
            "100, 优秀",
            "109, 优秀",
            // Just short of a cut-off by more digits than a double holds: as a double each would round up
            // to the cut-off and take the grade above. The calculator's totals have two decimals, which a
            // double round-trips, but the table must not depend on that.
            "89.99999999999999999, 良好",
            "79.99999999999999999, 合格",
            "59.99999999999999999, 不合格",
    })
    void gradesTheTotalByTheOfficesCutOffs(String total, String grade) {
        assertThat(TestCatalogues.gradeDecision().gradeFor(new BigDecimal(total))).isEqualTo(grade);
    }
}
