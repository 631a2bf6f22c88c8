package cn.huangpu.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two complete units of docs/worked-examples.md, worked by hand: every section subtotal, the bonus,
 * the total and the grade from the real GradeDecision table.
 */
class WorkedUnitTests {

    @ParameterizedTest
    @ValueSource(strings = {"worked-unit-full-marks.json", "worked-unit-typical.json"})
    void scoresTheWorkedUnitExactly(String file) throws IOException {
        // given a unit's facts and the hand-worked result
        JsonNode document;
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/scoring/" + file))) {
            document = new ObjectMapper().readTree(in);
        }
        JsonNode expected = document.get("expected");
        UnitFacts facts = FactsParser.parse(TestCatalogues.catalogue2023(), document.get("facts"));

        // when it is scored and graded
        ScoreSheet sheet = new ScoreCalculator().score(TestCatalogues.catalogue2023(), facts);
        sheet = sheet.withGrade(TestCatalogues.gradeDecision().gradeFor(sheet.total()));

        // then every figure matches to the point
        assertThat(facts.indicators()).hasSize(44);
        assertThat(sheet.total()).isEqualByComparingTo(expected.get("total").decimalValue());
        assertThat(sheet.bonus()).isEqualByComparingTo(expected.get("bonus").decimalValue());
        assertThat(sheet.grade()).isEqualTo(expected.get("grade").asText());
        for (ScoreSheet.SectionScore section : sheet.sections()) {
            assertThat(section.points()).as("section %s", section.number())
                    .isEqualByComparingTo(expected.get("sections").get(section.number()).decimalValue());
        }
        assertThat(sheet.indicators()).allSatisfy(i -> assertThat(i.missingInputs()).as(i.code()).isEmpty());
    }
}
