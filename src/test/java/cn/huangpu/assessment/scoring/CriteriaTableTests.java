package cn.huangpu.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.catalogue.Indicator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per criterion of the 2023 indicator table, and one at each boundary, from
 * {@code scoring/criteria-2023.psv}. The expected points were worked out by hand from the domain's rules.
 * For every row, {@code scoring/explanations-2023.psv} holds the lines of the score sheet (评分说明) in full, as the
 * unit reads them: the criterion, the input with its value, the arithmetic, and the effect with its sign, and under
 * a line the evidence its input carries (what a register's figure stands for: 4.1's documents, late filings and
 * missing numbers), line by line.
 */
class CriteriaTableTests {

    static final ObjectMapper JSON = new ObjectMapper();
    /** The effect column of a row that is not a line but one evidence line under the line before it. */
    static final String EVIDENCE = "依据";
    final ScoreCalculator calculator = new ScoreCalculator();

    record Row(String indicator, String description, String facts, BigDecimal basePart, BigDecimal bonus) {
        @Override
        public String toString() {
            return indicator + " " + description;
        }
    }

    static List<Row> rows() throws IOException {
        try (var in = Objects.requireNonNull(CriteriaTableTests.class.getResourceAsStream("/scoring/criteria-2023.psv"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .filter(line -> !line.isBlank())
                    .map(line -> line.split("\\|", -1))
                    .map(f -> new Row(f[0], f[1], f[2], new BigDecimal(f[3]), new BigDecimal(f[4])))
                    .toList();
        }
    }

    static Stream<Arguments> table() throws IOException {
        return rows().stream().map(Arguments::of);
    }

    /**
     * One line of a sheet: its signed effect as the table writes it ("-0.5", "+2", "0"; "额外+1" on the bonus), and the
     * evidence lines listed under it (the table's 依据 rows that follow it).
     */
    record Line(String effect, String text, List<String> details) {
        BigDecimal points() {
            return new BigDecimal(effect.replace("额外", "").replace("+", ""));
        }

        boolean bonus() {
            return effect.startsWith("额外");
        }
    }

    /** The expected lines of each row, by "indicator case", in the order the sheet shows them. */
    static Map<String, List<Line>> explanations() throws IOException {
        try (var in = Objects.requireNonNull(CriteriaTableTests.class.getResourceAsStream("/scoring/explanations-2023.psv"))) {
            Map<String, List<Line>> lines = new LinkedHashMap<>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("indicator|"))
                    .map(line -> line.split("\\|", -1))
                    .forEach(f -> {
                        List<Line> row = lines.computeIfAbsent(f[0] + " " + f[1], k -> new ArrayList<>());
                        if (EVIDENCE.equals(f[2])) {
                            row.get(row.size() - 1).details().add(f[3]);
                        } else {
                            row.add(new Line(f[2], f[3], new ArrayList<>()));
                        }
                    });
            return lines;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void pricesEachCriterionAsTheTableSays(Row row) throws IOException {
        // given one indicator's facts
        Catalogue catalogue = TestCatalogues.catalogue2023();
        String json = "{\"" + row.indicator() + "\":" + row.facts() + "}";
        UnitFacts facts = FactsParser.parse(catalogue, JSON.readTree(json));

        // when the unit is scored
        ScoreSheet.IndicatorScore score = calculator.score(catalogue, facts).indicator(row.indicator());

        // then the base part and the bonus are the hand-worked ones, and the explanation adds up to them
        assertThat(score.basePart()).as("base part").isEqualByComparingTo(row.basePart());
        assertThat(score.bonus()).as("bonus").isEqualByComparingTo(row.bonus());
        assertThat(score.points()).isEqualByComparingTo(row.basePart().add(row.bonus()));
        BigDecimal explained = score.explanation().stream().filter(e -> !e.bonus())
                .map(ScoreSheet.Explanation::effect).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal explainedBonus = score.explanation().stream().filter(ScoreSheet.Explanation::bonus)
                .map(ScoreSheet.Explanation::effect).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(explained).as("explanation lines add up to the base part: %s", score.explanation())
                .isEqualByComparingTo(score.basePart());
        assertThat(explainedBonus).as("explanation lines add up to the bonus").isEqualByComparingTo(score.bonus());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void showsEachLineOfTheSheetAsTheUnitReadsIt(Row row) throws IOException {
        // given one indicator's facts and the lines the unit should read for them
        Catalogue catalogue = TestCatalogues.catalogue2023();
        UnitFacts facts = FactsParser.parse(catalogue, JSON.readTree("{\"" + row.indicator() + "\":" + row.facts() + "}"));
        List<Line> expected = explanations().get(row.toString());

        // when the unit is scored
        List<ScoreSheet.Explanation> shown = calculator.score(catalogue, facts).indicator(row.indicator()).explanation();

        // then the sheet shows exactly those lines, each with its effect and the evidence under it, and each line is its
        // parts joined
        assertThat(expected).as("lines written for %s", row).isNotNull();
        assertThat(shown).extracting(ScoreSheet.Explanation::text)
                .containsExactlyElementsOf(expected.stream().map(Line::text).toList());
        for (int i = 0; i < expected.size(); i++) {
            ScoreSheet.Explanation line = shown.get(i);
            assertThat(line.effect()).as("effect of %s", line.text()).isEqualByComparingTo(expected.get(i).points());
            assertThat(line.bonus()).as("on the bonus: %s", line.text()).isEqualTo(expected.get(i).bonus());
            assertThat(line.details()).as("evidence under %s", line.text()).containsExactlyElementsOf(expected.get(i).details());
            assertThat(line.text()).isEqualTo(joined(line));
        }
    }

    /** The sheet's line layout: criterion｜input｜arithmetic（source）, the empty parts left out. */
    private static String joined(ScoreSheet.Explanation line) {
        return Stream.of(line.criterion(), line.input(), line.arithmetic()).filter(part -> !part.isEmpty())
                .collect(Collectors.joining("｜")) + (line.source().isEmpty() ? "" : "（" + line.source() + "）");
    }

    @Test
    void everyRowHasItsLinesWrittenOutAndNoLinesAreLeftOver() throws IOException {
        Set<String> rows = rows().stream().map(Row::toString).collect(Collectors.toSet());

        assertThat(explanations().keySet()).containsExactlyInAnyOrderElementsOf(rows);
    }

    @Test
    void theTableCoversEveryIndicatorAndEveryCriterionKind() throws IOException {
        Catalogue catalogue = TestCatalogues.catalogue2023();
        Set<String> covered = rows().stream().map(Row::indicator).collect(Collectors.toSet());

        assertThat(covered).containsExactlyInAnyOrderElementsOf(
                catalogue.indicators().stream().map(Indicator::code).toList());
        for (Indicator indicator : catalogue.indicators()) {
            long rows = rows().stream().filter(r -> r.indicator().equals(indicator.code())).count();
            assertThat(rows).as("rows for %s", indicator.code()).isGreaterThanOrEqualTo(indicator.criteria().size());
        }
    }
}
