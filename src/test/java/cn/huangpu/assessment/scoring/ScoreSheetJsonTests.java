package cn.huangpu.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** A stored sheet reads back as the same value, and its section subtotals read alone (the results export). */
class ScoreSheetJsonTests {

    @Test
    void theSectionsReadAloneAreTheSheetsSections() throws IOException {
        // given the typical worked unit's sheet as stored
        ScoreSheet sheet = workedUnit();
        String stored = ScoreSheetJson.write(sheet);

        // then the whole sheet and its sections alone read back as they were priced, points at their scale
        assertThat(ScoreSheetJson.read(stored)).isEqualTo(sheet);
        assertThat(ScoreSheetJson.sections(stored)).isEqualTo(sheet.sections()).hasSize(7);
        // and the sections come before the indicators, which a sections read never reaches
        assertThat(stored.indexOf("\"sections\"")).isLessThan(stored.indexOf("\"indicators\""));
    }

    @Test
    void aDocumentWithoutSectionsOrNotAnObjectIsRefused() {
        assertThatThrownBy(() -> ScoreSheetJson.sections("{\"year\": 2023, \"indicators\": [{\"code\": \"1.1\"}]}"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no sections");
        assertThatThrownBy(() -> ScoreSheetJson.sections("[1, 2]")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ScoreSheetJson.sections("{\"sections\": [")).isInstanceOf(IllegalStateException.class);
    }

    private ScoreSheet workedUnit() throws IOException {
        JsonNode document;
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/scoring/worked-unit-typical.json"))) {
            document = new ObjectMapper().readTree(in);
        }
        UnitFacts facts = FactsParser.parse(TestCatalogues.catalogue2023(), document.get("facts"));
        ScoreSheet sheet = new ScoreCalculator().score(TestCatalogues.catalogue2023(), facts);
        return sheet.withGrade(TestCatalogues.gradeDecision().gradeFor(sheet.total()));
    }
}
