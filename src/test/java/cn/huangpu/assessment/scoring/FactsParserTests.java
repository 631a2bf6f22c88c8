package cn.huangpu.assessment.scoring;

import cn.huangpu.assessment.web.InputError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The domain's list of bad input, each refused with the indicator, the field and the reason. */
class FactsParserTests {

    static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = ';', value = {
            "2.3; {\"interpretationQuality\": {\"score\": 1.3, \"reason\": \"r\"}}; interpretationQuality; 0.5",
            "2.3; {\"interpretationQuality\": {\"score\": 2.5, \"reason\": \"r\"}}; interpretationQuality; 0到2分",
            "2.3; {\"interpretationQuality\": {\"score\": -0.5, \"reason\": \"r\"}}; interpretationQuality; 0到2分",
            "2.3; {\"interpretationQuality\": {\"score\": 1.5, \"reason\": \" \"}}; interpretationQuality; 理由",
            "2.3; {\"interpretationQuality\": 1.5}; interpretationQuality; score",
            "1.1; {\"missingOrStaleItems\": -1}; missingOrStaleItems; 负数",
            "1.1; {\"missingOrStaleItems\": 1.5}; missingOrStaleItems; 整数",
            "1.1; {\"missingOrStaleItems\": \"2\"}; missingOrStaleItems; 整数",
            "4.1; {\"disclosureRate\": 1.2}; disclosureRate; 0到1",
            "4.1; {\"disclosureRate\": -0.1}; disclosureRate; 0到1",
            "1.1; {\"notInvolved\": true}; notInvolved; 80%",
            "4.6; {\"annualReportPublishedOn\": \"2023-13-01\"}; annualReportPublishedOn; 日期",
            "3.5; {\"openMonthActivity\": \"SOMETIMES\"}; openMonthActivity; 以下之一",
            "1.1; {\"noSuchInput\": 1}; noSuchInput; 没有此输入项",
            "1.3; {\"doublePublicityPublished\": \"yes\"}; doublePublicityPublished; true 或 false",
            // numbers beyond every range; this reader turns 1e400 into a double's Infinity
            "1.1; {\"missingOrStaleItems\": 1000001}; missingOrStaleItems; 数量不能超过1000000",
            "1.1; {\"missingOrStaleItems\": 1e400}; missingOrStaleItems; 超出可处理的数值范围",
            "1.1; {\"missingOrStaleItems\": 1e100000}; missingOrStaleItems; 超出可处理的数值范围",
            "7; {\"adoptionScore\": 1e7}; adoptionScore; 不能超过1000000",
            "4.1; {\"disclosureRate\": -1e400}; disclosureRate; 超出可处理的数值范围",
            "7; {\"adoptionScore\": 1e-30}; adoptionScore; 小数不能超过20位",
            "2.3; {\"interpretationQuality\": {\"score\": 1e400, \"reason\": \"r\"}}; interpretationQuality; 评分超出",
    })
    void refusesBadInputNamingIndicatorFieldAndReason(String indicator, String facts, String field, String reason)
            throws Exception {
        // given facts that break one rule
        var node = JSON.readTree("{\"" + indicator + "\": " + facts + "}");

        // when they are parsed, then they are refused with where and why
        InvalidFactsException refused = catchThrowableOfType(InvalidFactsException.class,
                () -> FactsParser.parse(TestCatalogues.catalogue2023(), node));
        assertThat(refused).isNotNull();
        assertThat(refused.errors()).singleElement().satisfies(error -> {
            assertThat(error.indicator()).isEqualTo(indicator);
            assertThat(error.field()).isEqualTo(field);
            assertThat(error.reason()).contains(reason);
        });
    }

    @Test
    void refusesAnIndicatorThatIsNotInTheCatalogue() throws Exception {
        var node = JSON.readTree("{\"4.16\": {}}");

        assertThatThrownBy(() -> FactsParser.parse(TestCatalogues.catalogue2023(), node))
                .isInstanceOfSatisfying(InvalidFactsException.class, e -> assertThat(e.errors())
                        .singleElement().satisfies(err -> {
                            assertThat(err.indicator()).isEqualTo("4.16");
                            assertThat(err.reason()).contains("没有指标 4.16");
                        }));
    }

    @Test
    void reportsEveryErrorAtOnce() throws Exception {
        var node = JSON.readTree("""
                {"1.1": {"missingOrStaleItems": -1}, "9.9": {}, "2.3": {"quality": {"score": 3, "reason": "r"}}}
                """);

        InvalidFactsException refused = catchThrowableOfType(InvalidFactsException.class,
                () -> FactsParser.parse(TestCatalogues.catalogue2023(), node));

        assertThat(refused.errors()).extracting(InputError::indicator).containsExactly("1.1", "9.9", "2.3");
    }

    @Test
    void acceptsNotInvolvedWhereTheCatalogueAllowsIt() throws Exception {
        var facts = FactsParser.parse(TestCatalogues.catalogue2023(), JSON.readTree("{\"3.1\": {\"notInvolved\": true}}"));

        assertThat(facts.of("3.1").notInvolved()).isTrue();
    }
    @Test
    void takesEvidenceUpToItsLimitsAndRefusesOneLineOrOneCharacterMore() {
        // given 4.1's late filings with exactly 10,000 evidence lines, and a line of exactly 500 characters
        var factory = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        var atLimit = factory.objectNode();
        var lines = atLimit.putObject("4.1").put("lateFilings", 1).putObject("evidence").putArray("lateFilings");
        lines.add("字".repeat(500));
        for (int i = 1; i < 10_000; i++) {
            lines.add("黄府办发〔2023〕" + i + "号");
        }

        // when they are parsed, then every line is taken as written
        assertThat(FactsParser.parse(TestCatalogues.catalogue2023(), atLimit).of("4.1").evidence("lateFilings"))
                .hasSize(10_000).first().asString().hasSize(500);

        // when one more line is added, then the list is refused naming the field
        lines.add("黄府办发〔2023〕10000号");
        assertThat(evidenceRefusal(atLimit)).isEqualTo(new InputError("4.1", "evidence.lateFilings", "依据",
                "须为文字列表，最多10000行"));

        // when instead the first line has one character more, then that line is refused
        lines.remove(10_000);
        lines.set(0, factory.textNode("字".repeat(501)));
        assertThat(evidenceRefusal(atLimit)).isEqualTo(new InputError("4.1", "evidence.lateFilings", "依据",
                "每行须为文字，最多500字"));
    }

    private static InputError evidenceRefusal(com.fasterxml.jackson.databind.JsonNode facts) {
        InvalidFactsException refused = catchThrowableOfType(InvalidFactsException.class,
                () -> FactsParser.parse(TestCatalogues.catalogue2023(), facts));
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.errors()).hasSize(1);
        return refused.errors().get(0);
    }

    /** Reads numbers exactly as written, as the API and the stored facts do. */
    static final ObjectMapper EXACT = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    /** The refusals table of docs/facts-format.md §4, with each reason in full, and a few edges beside it. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2.3 | {"interpretationQuality": {"score": 1.3, "reason": "r"}} | interpretationQuality | 评分须为0.5分的整数倍，收到 1.3
            2.3 | {"interpretationQuality": {"score": 1.25, "reason": "r"}} | interpretationQuality | 评分须为0.5分的整数倍，收到 1.25
            2.3 | {"interpretationQuality": {"score": 2.5, "reason": "r"}} | interpretationQuality | 评分须在0到2分之间，收到 2.5
            2.3 | {"interpretationQuality": {"score": -0.5, "reason": "r"}} | interpretationQuality | 评分须在0到2分之间，收到 -0.5
            2.3 | {"interpretationQuality": {"score": 1.5}} | interpretationQuality | 评分须写明理由
            2.3 | {"interpretationQuality": {"score": 1.5, "reason": ["r"]}} | interpretationQuality | 评分须写明理由
            2.3 | {"interpretationQuality": 1.5} | interpretationQuality | 评分须为 {"score": 分值, "reason": "理由"}
            2.3 | {"interpretationQuality": {"score": "1.5", "reason": "r"}} | interpretationQuality | 评分须为 {"score": 分值, "reason": "理由"}
            2.3 | {"interpretationQuality": {"score": 0.123456789012345678901, "reason": "r"}} | interpretationQuality | 评分有效数字不能超过20位
            1.1 | {"missingOrStaleItems": -1} | missingOrStaleItems | 数量不能为负数（机构职能信息应公开未公开或更新不及时的项数）
            1.1 | {"missingOrStaleItems": 1.5} | missingOrStaleItems | 须为整数（机构职能信息应公开未公开或更新不及时的项数）
            1.1 | {"missingOrStaleItems": "2"} | missingOrStaleItems | 须为整数（机构职能信息应公开未公开或更新不及时的项数）
            1.1 | {"missingOrStaleItems": 1e400} | missingOrStaleItems | 数量不能超过1000000（机构职能信息应公开未公开或更新不及时的项数），收到 1E+400
            1.1 | {"missingOrStaleItems": 1000001} | missingOrStaleItems | 数量不能超过1000000（机构职能信息应公开未公开或更新不及时的项数），收到 1000001
            1.1 | {"missingOrStaleItems": 1234567890123456789.01} | missingOrStaleItems | 有效数字不能超过20位（机构职能信息应公开未公开或更新不及时的项数）
            1.1 | {"missingOrStaleItems": 123456789012345678901} | missingOrStaleItems | 数量不能超过1000000（机构职能信息应公开未公开或更新不及时的项数），收到 123456789012345678901
            4.1 | {"disclosureRate": 86} | disclosureRate | 比率须在0到1之间（如0.85表示85%），收到 86
            4.1 | {"disclosureRate": -0.1} | disclosureRate | 比率须在0到1之间（如0.85表示85%），收到 -0.1
            4.1 | {"disclosureRate": "86%"} | disclosureRate | 须为0到1之间的小数（公文主动公开率）
            4.1 | {"disclosureRate": 0.333333333333333333333} | disclosureRate | 有效数字不能超过20位（公文主动公开率）
            4.1 | {"disclosureRate": 1e-30} | disclosureRate | 小数不能超过20位（公文主动公开率）
            4.1 | {"disclosureRate": 1e-21} | disclosureRate | 小数不能超过20位（公文主动公开率）
            7 | {"adoptionScore": -1} | adoptionScore | 须为不小于0的数（《黄浦信息》录用得分）
            7 | {"adoptionScore": "126"} | adoptionScore | 须为不小于0的数（《黄浦信息》录用得分）
            7 | {"adoptionScore": 1e7} | adoptionScore | 不能超过1000000（《黄浦信息》录用得分），收到 10000000
            7 | {"adoptionScore": 1000000.5} | adoptionScore | 不能超过1000000（《黄浦信息》录用得分），收到 1000000.5
            7 | {"adoptionScore": 12345678901234567890.1} | adoptionScore | 有效数字不能超过20位（《黄浦信息》录用得分）
            7 | {"adoptionScore": 1e-21} | adoptionScore | 小数不能超过20位（《黄浦信息》录用得分）
            2.4 | {"diverseForms": "yes"} | diverseForms | 须为 true 或 false（有多元化解读形式(不只是简单文字解读)）
            4.6 | {"annualReportPublishedOn": "2023/01/18"} | annualReportPublishedOn | 须为日期，如 2023-01-18（本单位政府信息公开年度报告发布日期）
            3.5 | {"openMonthActivity": "GOOD"} | openMonthActivity | 须为以下之一：[NONE（未组织开放月活动）, ORGANISED（组织相关活动）, DIVERSE（形式多样、内容丰富）]
            3.5 | {"openMonthActivity": 1} | openMonthActivity | 须为以下之一：[NONE（未组织开放月活动）, ORGANISED（组织相关活动）, DIVERSE（形式多样、内容丰富）]
            3.5 | {"openMonthActivity": "none"} | openMonthActivity | 须为以下之一：[NONE（未组织开放月活动）, ORGANISED（组织相关活动）, DIVERSE（形式多样、内容丰富）]
            1.1 | {"notInvolved": true} | notInvolved | 该指标不适用“不涉及此项工作按80%计分”
            1.3 | {"notInvolved": "yes"} | notInvolved | 须为 true 或 false
            1.1 | {"missingItems": 1} | missingItems | 该指标没有此输入项
            """)
    void refusesWithTheWholeReasonOfTheFactsFormat(String indicator, String facts, String field, String reason)
            throws Exception {
        // given facts, read exactly, that break one rule
        var node = EXACT.readTree("{\"" + indicator + "\": " + facts + "}");

        // when they are parsed, then they are refused with the indicator, the field, the label and the whole reason
        InvalidFactsException refused = catchThrowableOfType(InvalidFactsException.class,
                () -> FactsParser.parse(TestCatalogues.catalogue2023(), node));
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.errors()).singleElement().satisfies(error -> {
            assertThat(error.indicator()).isEqualTo(indicator);
            assertThat(error.field()).isEqualTo(field);
            assertThat(error.reason()).isEqualTo(reason);
        });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            7 | adoptionScore | 0 | 0
            7 | adoptionScore | 1000000 | 1000000
            7 | adoptionScore | 0.00000000000000000001 | 1E-20
            4.1 | disclosureRate | 0 | 0
            4.1 | disclosureRate | 1 | 1
            4.1 | disclosureRate | 0.00000000000000000001 | 1E-20
            4.1 | disclosureRate | 0.12345678901234567891 | 0.12345678901234567891
            1.1 | missingOrStaleItems | 1000000 | 1000000
            1.1 | missingOrStaleItems | 2.0 | 2
            2.3 | interpretationQuality | {"score": 2, "reason": " 满分 "} | Judgement[score=2, reason=满分]
            2.3 | interpretationQuality | {"score": 0, "reason": "无实质内容"} | Judgement[score=0, reason=无实质内容]
            2.4 | diverseForms | false | false
            3.5 | openMonthActivity | "DIVERSE" | DIVERSE
            4.6 | annualReportPublishedOn | "2023-01-20" | 2023-01-20
            """)
    void acceptsTheEdgesOfEachRange(String indicator, String input, String value, String read) throws Exception {
        // given a value at the edge of what its input accepts
        var node = EXACT.readTree("{\"" + indicator + "\": {\"" + input + "\": " + value + "}}");

        // when it is parsed, then it is taken as written
        Object parsed = FactsParser.parse(TestCatalogues.catalogue2023(), node).of(indicator).values().get(input);
        assertThat(parsed).hasToString(read);
    }

    @Test
    void absentFactsAreNoFactsAndFactsThatAreNotAnObjectAreRefused() throws Exception {
        var catalogue = TestCatalogues.catalogue2023();

        assertThat(FactsParser.parse(catalogue, null).indicators()).isEmpty();
        assertThat(FactsParser.parse(catalogue, JSON.readTree("null")).indicators()).isEmpty();
        assertThat(FactsParser.parse(catalogue, JSON.missingNode()).indicators()).isEmpty();
        assertThat(FactsParser.parse(catalogue, JSON.readTree("null")).year()).isEqualTo(2023);
        InvalidFactsException refused = catchThrowableOfType(InvalidFactsException.class,
                () -> FactsParser.parse(catalogue, JSON.readTree("[]")));
        assertThat(refused.errors()).singleElement().satisfies(error -> {
            assertThat(error.indicator()).isNull();
            assertThat(error.field()).isEqualTo("facts");
            assertThat(error.reason()).isEqualTo("须为以指标序号为键的对象");
        });
        InvalidFactsException notAnObject = catchThrowableOfType(InvalidFactsException.class,
                () -> FactsParser.parse(catalogue, JSON.readTree("{\"1.1\": 3, \"9.9\": {}}")));
        assertThat(notAnObject.errors()).extracting(InputError::indicator, InputError::field, InputError::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1.1", null, "须为以输入项名称为键的对象"),
                        org.assertj.core.groups.Tuple.tuple("9.9", null, "2023年度指标目录中没有指标 9.9"));
    }

    @Test
    void recordedFactsKeepWhatTheRulesStillAcceptAndLeaveOutTheRest() throws Exception {
        var catalogue = TestCatalogues.catalogue2023();

        // given facts recorded under older rules: a refused value, an unknown indicator, a good value
        var recorded = JSON.readTree("""
                {"1.1": {"missingOrStaleItems": -1}, "9.9": {}, "1.4": {"missingLateOrIncompleteItems": 2},
                 "2.1": {"notInvolved": true}}
                """);

        // when they are read again to explain their result
        UnitFacts facts = FactsParser.parseRecorded(catalogue, recorded);

        // then what the rules refuse is priced as missing, and the rest is kept
        assertThat(facts.of("1.1").values()).isEmpty();
        assertThat(facts.of("1.4").values()).containsEntry("missingLateOrIncompleteItems", new java.math.BigDecimal("2"));
        assertThat(facts.of("2.1").notInvolved()).isTrue();
        assertThat(facts.indicators()).containsOnlyKeys("1.1", "1.4", "2.1");
        assertThat(FactsParser.parseRecorded(catalogue, JSON.readTree("[]")).indicators()).isEmpty();
        assertThat(FactsParser.parseRecorded(catalogue, JSON.readTree("[]")).year()).isEqualTo(2023);
    }

    @Test
    void aStoredValueIsReadExactlyOrRefusedAsUnreadable() {
        assertThat(FactsParser.readValue("0.1").decimalValue()).isEqualTo(new java.math.BigDecimal("0.1"));
        assertThat(FactsParser.readValue("1e400").decimalValue()).isEqualTo(new java.math.BigDecimal("1E+400"));
        assertThat(FactsParser.readValue("{\"score\": 1.5, \"reason\": \"r\"}").path("reason").asText()).isEqualTo("r");
        for (String unreadable : new String[] {null, "", "not json", "{\"a\": "}) {
            InvalidFactsException refused = catchThrowableOfType(InvalidFactsException.class,
                    () -> FactsParser.readValue(unreadable));
            assertThat(refused).as("refused: %s", unreadable).isNotNull();
            assertThat(refused.errors()).singleElement().satisfies(error -> {
                assertThat(error.indicator()).isNull();
                assertThat(error.field()).isNull();
                assertThat(error.reason()).isEqualTo("已保存的值无法读取");
            });
        }
    }

    @Test
    void parsesOneInputOrRefusesAnUnknownOrEmptyOne() {
        var indicator = TestCatalogues.catalogue2023().indicator("1.1").orElseThrow();
        var nodes = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;

        assertThat(FactsParser.parseInput(indicator, "missingOrStaleItems", nodes.numberNode(3)))
                .isEqualTo(new java.math.BigDecimal("3"));
        assertThat(catchThrowableOfType(InvalidFactsException.class,
                () -> FactsParser.parseInput(indicator, "missingOrStaleItems", nodes.nullNode())).errors())
                .extracting(InputError::reason).containsExactly("未给出值（机构职能信息应公开未公开或更新不及时的项数）");
        assertThat(catchThrowableOfType(InvalidFactsException.class,
                () -> FactsParser.parseInput(indicator, "missingOrStaleItems", null)).errors())
                .extracting(InputError::reason).containsExactly("未给出值（机构职能信息应公开未公开或更新不及时的项数）");
        assertThat(catchThrowableOfType(InvalidFactsException.class,
                () -> FactsParser.parseInput(indicator, "missingItems", nodes.numberNode(3))).errors())
                .extracting(InputError::field, InputError::reason).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("missingItems", "该指标没有此输入项"));
    }

    @Test
    void readsARequestsFactsExactlyAndNamesWhereANonJsonNumberStands() throws Exception {
        var reader = new FactsParser.RequestReader();

        // a number is read as written
        assertThat(reader.deserialize(parserAt("{\"4.1\": {\"disclosureRate\": 0.1}}"), null)
                .path("4.1").path("disclosureRate").decimalValue()).isEqualTo(new java.math.BigDecimal("0.1"));
        assertThat(reader.getNullValue(null).isNull()).isTrue();

        // NaN inside an indicator's object names the indicator and the input; NaN as the indicator's value, the indicator
        String nan = "不是合法的数字：JSON 中的数须写成十进制数，不能是 NaN 或 Infinity";
        assertThat(catchThrowableOfType(InvalidFactsException.class,
                () -> reader.deserialize(parserAt("{\"1.1\": {\"missingOrStaleItems\": NaN}}"), null)).errors())
                .extracting(InputError::indicator, InputError::field, InputError::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1.1", "missingOrStaleItems", nan));
        assertThat(catchThrowableOfType(InvalidFactsException.class,
                () -> reader.deserialize(parserAt("{\"1.1\": NaN}"), null)).errors())
                .extracting(InputError::indicator, InputError::field, InputError::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1.1", null, nan));
    }

    private static com.fasterxml.jackson.core.JsonParser parserAt(String json) throws java.io.IOException {
        com.fasterxml.jackson.core.JsonParser parser = JSON.createParser(json);
        parser.nextToken();
        return parser;
    }
}
