package cn.huangpu.assessment.grading;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.scoring.GradeScale;
import cn.huangpu.assessment.scoring.ScoringService;
import cn.huangpu.assessment.scoring.UnitFacts;
import cn.huangpu.assessment.support.H2IntegrationTest;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

/** The office changes the cut-offs by deploying a new version of the table; scoring follows without code changes. */
@H2IntegrationTest
@DirtiesContext
class GradeDecisionVersioningTests {

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    HistoryService historyService;

    @Autowired
    ScoringService scoring;

    @Autowired
    GradeScale grades;

    @Test
    void gradesWithTheLatestDeployedVersionOfTheTable() throws IOException {
        // given a unit that reported nothing (it keeps only the deduct-mode base points, under 60)
        UnitFacts facts = new UnitFacts(2023, Map.of());
        String before = scoring.score(facts).grade();
        int versionBefore = grades.forRound().table().version();

        // when the office deploys a version where everything from 0 up is 合格
        String table = Files.readString(Path.of("processes/GradeDecision.dmn"), StandardCharsets.UTF_8)
                .replace("<text>&lt; 60</text>", "<text>&lt; 0</text>")
                .replace("<text>[60..80[</text>", "<text>[0..80[</text>");
        repositoryService.createDeployment().name("office-cut-offs")
                .addString("GradeDecision.dmn", table).deploy();

        // then the same facts get the new grade, and a round would record the new version
        assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("GradeDecision")
                .latestVersion().singleResult().getVersion()).isEqualTo(versionBefore + 1);
        assertThat(grades.forRound().table().version()).isEqualTo(versionBefore + 1);
        assertThat(scoring.score(facts).total()).isLessThan(new BigDecimal("60"));
        assertThat(before).isEqualTo("不合格");
        assertThat(scoring.score(facts).grade()).isEqualTo("合格");
    }

    @Test
    void theDeployedTableComparesTheExactDecimalTotal() {
        // given totals just short of 90 by more digits than a double holds, and 90 itself
        BigDecimal justShort = new BigDecimal("89.99999999999999999");
        assertThat(justShort.doubleValue()).isEqualTo(90.0);

        // when the engine grades them, as a round (a recorded decision) and as a view (nothing recorded)
        long decisionsBefore = historyService.createHistoricDecisionInstanceQuery().count();
        String asRound = grades.forRound().gradeFor(justShort);
        String asView = grades.forView().gradeFor(justShort);

        // then neither was rounded up to the cut-off, 90.00 is on it, and only the round left a decision in history
        assertThat(asRound).isEqualTo("良好");
        assertThat(asView).isEqualTo("良好");
        assertThat(grades.forRound().gradeFor(new BigDecimal("90.00"))).isEqualTo("优秀");
        assertThat(grades.forView().gradeFor(new BigDecimal("89.99"))).isEqualTo("良好");
        assertThat(historyService.createHistoricDecisionInstanceQuery().count()).isEqualTo(decisionsBefore + 2);
    }

    @Test
    void aRoundDecidesEachDistinctTotalOnceAndGivesEqualTotalsTheSameGrade() {
        // given one round's grader and five units, three of them with the same total
        GradeScale.Grader round = grades.forRound();
        long decisionsBefore = historyService.createHistoricDecisionInstanceQuery().count();

        // when it grades them
        String first = round.gradeFor(new BigDecimal("91.50"));
        String second = round.gradeFor(new BigDecimal("91.50"));
        String third = round.gradeFor(new BigDecimal("91.50"));
        String low = round.gradeFor(new BigDecimal("59.99"));
        String justOn = round.gradeFor(new BigDecimal("60.00"));

        // then each distinct total was decided once, with its own grade, and equal totals got the same one
        assertThat(historyService.createHistoricDecisionInstanceQuery().count()).isEqualTo(decisionsBefore + 3);
        // (the expected grades from a view of the same version: another test here deploys other cut-offs)
        GradeScale.Grader view = grades.forView();
        assertThat(view.table()).isEqualTo(round.table());
        assertThat(List.of(first, second, third)).containsOnly(view.gradeFor(new BigDecimal("91.50")));
        assertThat(low).isEqualTo(view.gradeFor(new BigDecimal("59.99")));
        assertThat(justOn).isEqualTo(view.gradeFor(new BigDecimal("60.00")));
    }
}
