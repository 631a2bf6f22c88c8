package cn.huangpu.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.catalogue.Indicator;
import cn.huangpu.assessment.catalogue.Input;
import cn.huangpu.assessment.evaluation.FormValues;
import cn.huangpu.assessment.support.NumberArbitraries;
import cn.huangpu.assessment.workflow.Deadlines;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property-based: whatever a client sends as facts, a form sends as a date, or a spreadsheet cell holds,
 * the answer is a result or a refusal with reasons, never an unexpected failure (which would be a 500).
 * Numbers include those no double holds, NaN and Infinity as a lenient reader would give them, and
 * thousands of digits ({@link NumberArbitraries}); the refusal then names the indicator and the input.
 */
class InputRobustnessTests {

    static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final Catalogue CATALOGUE = TestCatalogues.catalogue2023();
    /** Reads numbers as doubles and accepts NaN and Infinity: the trees the most lenient client library builds. */
    static final ObjectMapper LENIENT = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    /** Reads numbers exactly as written. */
    static final ObjectMapper EXACT = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @Property(tries = 400)
    void anyFactsAreScoredOrRefusedWithReasons(@ForAll("facts") JsonNode facts) {
        try {
            UnitFacts parsed = FactsParser.parse(CATALOGUE, facts);
            ScoreSheet sheet = new ScoreCalculator().score(CATALOGUE, parsed);
            assertThat(sheet.total()).isBetween(BigDecimal.ZERO, new BigDecimal("109"));
        } catch (InvalidFactsException refused) {
            assertThat(refused.errors()).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.reason()).isNotBlank().containsPattern("\\p{IsHan}"))
                    .allSatisfy(e -> assertThat(e.reason().length()).isLessThan(300));
        }
    }

    @Property(tries = 600)
    void anyNumberGivenForAnInputIsReadOrRefusedNamingTheInput(@ForAll("inputs") Input input,
                                                               @ForAll("numberNodes") JsonNode number) {
        // given the number as the input's value (for a judgement: as its score)
        Indicator indicator = indicatorOf(input);
        JsonNode value = input.type() == cn.huangpu.assessment.catalogue.InputType.JUDGEMENT
                ? JSON.objectNode().put("reason", "理由").set("score", number) : number;
        try {
            // when it is read, then it is a value the catalogue accepts
            Object parsed = FactsParser.parseInput(indicator, input.name(), value);
            if (parsed instanceof BigDecimal n) {
                assertThat(n.signum()).isNotNegative();
                assertThat(n.precision()).isLessThanOrEqualTo(40);
            }
        } catch (InvalidFactsException refused) {
            // or it is refused naming the indicator and the input, in Chinese, in a sentence of readable length
            assertThat(refused.errors()).singleElement().satisfies(e -> {
                assertThat(e.indicator()).isEqualTo(indicator.code());
                assertThat(e.field()).isEqualTo(input.name());
                assertThat(e.reason()).containsPattern("\\p{IsHan}").hasSizeLessThan(300);
            });
        }
    }

    @Property(tries = 1000)
    void anySpreadsheetCellIsReadOrRefusedWithAReason(@ForAll("inputs") Input input, @ForAll("cellTexts") String text) {
        Indicator indicator = indicatorOf(input);
        try {
            JsonNode value = FormValues.toJson(input, text, "理由");
            if (value != null) {
                FactsParser.parseInput(indicator, input.name(), value);
                // what is accepted is shown again as a short text
                assertThat(FormValues.display(value.toString(), value)).hasSizeLessThan(60);
            }
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank().containsPattern("\\p{IsHan}").hasSizeLessThan(300);
        } catch (InvalidFactsException refused) {
            assertThat(refused.errors()).isNotEmpty();
        }
    }

    @Property(tries = 300)
    void anyStoredValueIsShownAsAShortText(@ForAll("storedJson") String stored) {
        // given a value as it may be stored (also before the ranges existed), when it is read back for a form
        Optional<JsonNode> read;
        try {
            read = Optional.of(FactsParser.readValue(stored));
        } catch (InvalidFactsException unreadable) {
            read = Optional.empty();
        }
        // then it is shown as a short text, whatever it is
        assertThat(FormValues.display(stored, read.orElse(null))).hasSizeLessThan(60);
    }

    @Property(tries = 500)
    void anyDateFieldIsReadOrRefusedWithAReason(@ForAll("cellTexts") String text) {
        try {
            Deadlines.toInstant(text);
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).contains("不是有效的日期时间");
        }
    }

    @Provide
    Arbitrary<Input> inputs() {
        return Arbitraries.of(CATALOGUE.indicators().stream().flatMap(i -> i.inputs().stream()).toList());
    }

    @Provide
    Arbitrary<JsonNode> numberNodes() {
        return NumberArbitraries.jsonNumbers().flatMap(text -> Arbitraries.of(LENIENT, EXACT)
                .map(mapper -> read(mapper, text)))
                .filter(Optional::isPresent).map(Optional::get);
    }

    @Provide
    Arbitrary<String> storedJson() {
        return Arbitraries.oneOf(NumberArbitraries.jsonNumbers(), Arbitraries.of("{", "", "{\"score\": 1e100000}",
                "{\"score\": NaN, \"reason\": \"r\"}", "\"" + "长".repeat(500) + "\""));
    }

    @Provide
    Arbitrary<String> cellTexts() {
        return Arbitraries.oneOf(NumberArbitraries.typedNumbers(),
                Arbitraries.strings().ofMaxLength(20),
                Arbitraries.of("", " ", "是", "否", "true", "0", "-1", "1.5", "0.85", "85%", "1e9", "NaN", "2023-01-20",
                        "2023-13-45", "2026-12-01T10:00+08:00", "DIVERSE", "<script>", "１２"),
                Arbitraries.bigDecimals().between(new BigDecimal("-1000"), new BigDecimal("1000")).ofScale(3)
                        .map(BigDecimal::toPlainString));
    }

    @Provide
    Arbitrary<JsonNode> facts() {
        Arbitrary<String> codes = Arbitraries.oneOf(
                Arbitraries.of(CATALOGUE.indicators().stream().map(Indicator::code).toList()),
                Arbitraries.strings().alpha().numeric().ofMaxLength(5));
        Arbitrary<String> names = Arbitraries.oneOf(
                Arbitraries.of(CATALOGUE.indicators().stream().flatMap(i -> i.inputs().stream()).map(Input::name).toList()),
                Arbitraries.of("notInvolved", "score", "x"));
        Arbitrary<ObjectNode> indicatorFacts = Combinators.combine(names, values()).as(InputRobustnessTests::field)
                .list().ofMaxSize(4).map(list -> {
                    ObjectNode node = JSON.objectNode();
                    list.forEach(node::setAll);
                    return node;
                });
        return Combinators.combine(codes, Arbitraries.oneOf(indicatorFacts.map(n -> (JsonNode) n), values()))
                .as(InputRobustnessTests::field)
                .list().ofMaxSize(6).map(list -> {
                    ObjectNode node = JSON.objectNode();
                    list.forEach(node::setAll);
                    return (JsonNode) node;
                });
    }

    private static Indicator indicatorOf(Input input) {
        return CATALOGUE.indicators().stream().filter(i -> i.inputs().contains(input)).findFirst().orElseThrow();
    }

    private static Optional<JsonNode> read(ObjectMapper mapper, String text) {
        try {
            return Optional.of(mapper.readTree(text));
        } catch (JsonProcessingException | NumberFormatException notJson) {
            return Optional.empty();
        }
    }

    private static ObjectNode field(String name, JsonNode value) {
        ObjectNode node = JSON.objectNode();
        node.set(name, value);
        return node;
    }

    private Arbitrary<JsonNode> values() {
        return Arbitraries.oneOf(
                numberNodes(),
                Arbitraries.integers().between(-5, 500).map(i -> (JsonNode) JSON.numberNode(i)),
                Arbitraries.bigDecimals().between(new BigDecimal("-2"), new BigDecimal("200")).ofScale(2)
                        .map(d -> (JsonNode) JSON.numberNode(d)),
                Arbitraries.of(true, false).map(b -> (JsonNode) JSON.booleanNode(b)),
                Arbitraries.strings().ofMaxLength(12).map(s -> (JsonNode) JSON.textNode(s)),
                Arbitraries.of("2023-01-19", "NONE", "ORGANISED", "DIVERSE").map(s -> (JsonNode) JSON.textNode(s)),
                Arbitraries.just((JsonNode) JSON.nullNode()),
                Combinators.combine(Arbitraries.bigDecimals().between(new BigDecimal("-1"), new BigDecimal("7")).ofScale(1),
                                Arbitraries.strings().ofMaxLength(6))
                        .as((score, reason) -> (JsonNode) JSON.objectNode().put("score", score).put("reason", reason)),
                Arbitraries.just((JsonNode) JSON.arrayNode().add(1)));
    }
}
