package cn.huangpu.assessment.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.huangpu.assessment.scoring.FactsParser;
import cn.huangpu.assessment.scoring.InvalidFactsException;
import cn.huangpu.assessment.scoring.TestCatalogues;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CatalogueReaderTests {

    @Test
    void readsThe2023TableWithItsSevenSectionsAnd44Indicators() {
        Catalogue catalogue = TestCatalogues.catalogue2023();

        assertThat(catalogue.sections()).extracting(s -> s.points().intValue())
                .containsExactly(15, 17, 17, 30, 10, 6, 5);
        assertThat(catalogue.indicators()).hasSize(44);
        assertThat(catalogue.indicators().stream().map(Indicator::points).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("100");
        assertThat(catalogue.indicator("4.14")).get().satisfies(i -> {
            assertThat(i.points()).isZero();
            assertThat(i.criteria()).allMatch(c -> c.kind().isBonus());
        });
        assertThat(catalogue.indicators()).filteredOn(Indicator::notInvolvedAllowed).extracting(Indicator::code)
                .containsExactly("1.3", "2.1", "2.5", "2.8", "3.1", "3.2", "3.4", "3.7", "4.4", "4.11", "4.12", "4.15");
    }

    @Test
    void derivesWhichIndicatorsEachSpecialistEvaluatorOwns() {
        var owned = TestCatalogues.catalogue2023().indicatorsByEvaluator();

        assertThat(owned.get("SECRECY")).containsExactly("4.2");
        assertThat(owned.get("ESTABLISHMENT")).containsExactly("1.2");
        assertThat(owned.get("MEDIA")).containsExactly("3.7", "4.9", "4.10");
        assertThat(owned.get("PORTAL")).containsExactly("2.4", "4.8");
        assertThat(owned.get("REFORM")).containsExactly("2.6");
        assertThat(owned.get("HOTLINE")).containsExactly("3.4");
        assertThat(owned.get("DRC")).containsExactly("1.3");
        assertThat(owned.get("JUSTICE")).containsExactly("4.13");
        assertThat(owned.get("FINANCE")).containsExactly("1.4");
        assertThat(owned.get("MARKET")).containsExactly("1.3");
        assertThat(owned.get("ARCHIVES")).containsExactly("5.3");
    }

    @Test
    void keepsTheSeedTextsVerbatim() {
        Indicator rate = TestCatalogues.catalogue2023().indicator("4.13").orElseThrow();

        assertThat(rate.name()).isEqualTo("以案促改");
        assertThat(rate.standard()).contains("复议纠错案件数加败诉案件数之和除以依申请公开数").contains("0.2%");
    }

    /** Each row breaks the real 2023 file in one place and expects the message to say where and what. */
    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = ';', value = {
            "'            points: 1\n            mode: deduct\n            notInvolvedAllowed: false\n            inputs:\n              - name: missingOrStaleItems'; '            points: 2\n            mode: deduct\n            notInvolvedAllowed: false\n            inputs:\n              - name: missingOrStaleItems'; 一级指标 1 主动公开：分值为 15 分，但其下指标基础分合计 16 分",
            "'                count: missingOrStaleItems\n'; '                count: missingItemz\n'; 指标 1.1 机构职能信息 的评分规则第1条（deduct-per）：引用了未定义的输入项 'missingItemz'",
            "'                by: ESTABLISHMENT\n'; '                by: NOBODY\n'; 不在目录的评估单位名单中",
            "'              - kind: deduct-per\n                text: 机构职能信息'; '              - kind: deduct-each\n                text: 机构职能信息'; 指标 1.1 的评分规则第1条：未知的规则类型 'deduct-each'",
            "'                label: 公文主动公开率\n'; '                label: 公文主动公开率\n                max: 1\n'; 指标 4.1 公文备案 的输入项 disclosureRate：max 只用于评分项、数量（正整数）和数值（正数）",
            "'                label: 依申请公开数(办理的政府信息公开申请件数)\n'; '                label: 依申请公开数(办理的政府信息公开申请件数)\n                max: 10.5\n'; 的输入项 requestsHandled：max 只用于",
    })
    void refusesAMalformedCatalogueNamingTheIndicatorAndTheProblem(String find, String replace, String message)
            throws IOException {
        String yaml = real2023().replaceFirst(Pattern.quote(unescape(find)),
                Matcher.quoteReplacement(unescape(replace)));
        assertThat(yaml).isNotEqualTo(real2023());

        assertThatThrownBy(() -> read(yaml)).isInstanceOf(CatalogueException.class).hasMessageContaining(message);
    }

    @Test
    void aCountThatStatesItsMaxIsHeldToIt() throws IOException {
        // given the 2023 catalogue with a max of 500 on 4.13's requests handled
        String yaml = real2023().replace("                label: 依申请公开数(办理的政府信息公开申请件数)\n",
                "                label: 依申请公开数(办理的政府信息公开申请件数)\n                max: 500\n");
        Indicator indicator = read(yaml).indicator("4.13").orElseThrow();

        // when 500 and 501 are read, then 500 is taken and 501 refused by that max, not the default
        assertThat(FactsParser.parseInput(indicator, "requestsHandled", JsonNodeFactory.instance.numberNode(500)))
                .isEqualTo(new BigDecimal("500"));
        assertThatThrownBy(() -> FactsParser.parseInput(indicator, "requestsHandled", JsonNodeFactory.instance.numberNode(501)))
                .isInstanceOf(InvalidFactsException.class).hasMessageContaining("数量不能超过500");
    }

    @Test
    void refusesAwardIndicatorsWhoseAwardsDoNotReachTheBase() throws IOException {
        String yaml = real2023().replace("text: 收录或表扬1次,得1分,最高2分", "text: x").replaceFirst(
                "(?s)(code: \"6.1\".*?cap: )2", "$11");
        assertThatThrownBy(() -> read(yaml)).isInstanceOf(CatalogueException.class)
                .hasMessageContaining("指标 6.1").hasMessageContaining("应等于基础分 2 分");
    }

    /** The 2023 catalogue's 5.5 suggests from the rectification record: the first rule that holds, else 0. */
    @Test
    void readsThe2023SuggestionFor55AndAppliesTheFirstRuleThatHolds() {
        // given the 2023 catalogue's suggestion on 5.5's judgement
        RecordSuggestion suggest = TestCatalogues.catalogue2023().indicator("5.5").orElseThrow()
                .input("rectification").orElseThrow().suggest();

        // then it is the rectification record's, with its two rules and 0 otherwise, as written
        assertThat(suggest.record()).isEqualTo("rectification");
        assertThat(suggest.rules()).hasSize(2);
        assertThat(suggest.otherwise()).isEqualByComparingTo("0");
        // and every item fixed on time gives 1; a little late or one closed unfixed 0.5; beyond either, 0
        assertThat(suggest.suggest(BigDecimal.ONE, 0, 0)).isEqualByComparingTo("1");
        assertThat(suggest.suggest(BigDecimal.ONE, 1, 0)).isEqualByComparingTo("0.5");
        assertThat(suggest.suggest(new BigDecimal("0.8"), 1, 10)).isEqualByComparingTo("0.5");
        assertThat(suggest.suggest(new BigDecimal("0.8"), 1, 11)).isEqualByComparingTo("0");
        assertThat(suggest.suggest(new BigDecimal("0.79"), 0, 0)).isEqualByComparingTo("0");
        assertThat(suggest.suggest(new BigDecimal("0.8"), 2, 0)).isEqualByComparingTo("0");
        // and an input without a suggest: has none
        assertThat(TestCatalogues.catalogue2023().indicator("2.3").orElseThrow().input("interpretationQuality")
                .orElseThrow().suggest()).isNull();
    }

    @Test
    void acceptsASuggestionAtTheEdgesOfEachCondition() throws IOException {
        // given 5.5's suggest with each condition alone and at its edge, points from 0 to the max of 1
        Catalogue catalogue = read(withSuggest("{record: rectification, rules: [{onTimeRateAtLeast: 0, points: 0},"
                + " {closedUnfixedAtMost: 0, points: 0.5}, {daysOverdueAtMost: 0, points: 1.0},"
                + " {onTimeRateAtLeast: 1, closedUnfixedAtMost: 2147483647, daysOverdueAtMost: 2147483647, points: 1}],"
                + " otherwise: 1}"));

        // then it is read as written, an absent condition left untested
        RecordSuggestion suggest = catalogue.indicator("5.5").orElseThrow().input("rectification").orElseThrow().suggest();
        assertThat(suggest.rules()).hasSize(4);
        assertThat(suggest.rules().get(0)).satisfies(rule -> {
            assertThat(rule.onTimeRateAtLeast()).isEqualByComparingTo("0");
            assertThat(rule.closedUnfixedAtMost()).isNull();
            assertThat(rule.daysOverdueAtMost()).isNull();
            assertThat(rule.points()).isEqualByComparingTo("0");
        });
        assertThat(suggest.rules().get(1)).satisfies(rule -> {
            assertThat(rule.onTimeRateAtLeast()).isNull();
            assertThat(rule.closedUnfixedAtMost()).isZero();
            assertThat(rule.daysOverdueAtMost()).isNull();
            assertThat(rule.points()).isEqualByComparingTo("0.5");
        });
        assertThat(suggest.rules().get(2)).satisfies(rule -> {
            assertThat(rule.onTimeRateAtLeast()).isNull();
            assertThat(rule.closedUnfixedAtMost()).isNull();
            assertThat(rule.daysOverdueAtMost()).isZero();
            assertThat(rule.points()).isEqualByComparingTo("1");
        });
        assertThat(suggest.rules().get(3)).satisfies(rule -> {
            assertThat(rule.onTimeRateAtLeast()).isEqualByComparingTo("1");
            assertThat(rule.closedUnfixedAtMost()).isEqualTo(Integer.MAX_VALUE);
            assertThat(rule.daysOverdueAtMost()).isEqualTo(Integer.MAX_VALUE);
        });
        assertThat(suggest.otherwise()).isEqualByComparingTo("1");
        // and the first rule holds for any record
        assertThat(suggest.suggest(BigDecimal.ZERO, 99, 99)).isEqualByComparingTo("0");
    }

    /** Each row gives 5.5 another {@code suggest:} (YAML flow style) and expects startup to stop with this message. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            rectification | 指标 5.5 的输入项 rectification 的 suggest：须为 {record: rectification, rules: [...], otherwise: 分值}
            [rectification] | 指标 5.5 的输入项 rectification 的 suggest：须为 {record: rectification, rules: [...], otherwise: 分值}
            {record: rectification, rules: [{closedUnfixedAtMost: 0, points: 1}], otherwise: 0, note: x} | 指标 5.5 的输入项 rectification 的 suggest：未知的字段 note（只有 record、rules、otherwise）
            {record: feedback, rules: [{closedUnfixedAtMost: 0, points: 1}], otherwise: 0} | 指标 5.5 的输入项 rectification 的 suggest：record 只能是 rectification（上一年度的整改情况）
            {rules: [{closedUnfixedAtMost: 0, points: 1}], otherwise: 0} | 指标 5.5 的输入项 rectification 的 suggest：缺少 record
            {record: rectification, otherwise: 0} | 指标 5.5 的输入项 rectification 的 suggest：缺少列表 rules
            {record: rectification, rules: [{closedUnfixedAtMost: 0, points: 1}]} | 指标 5.5 的输入项 rectification 的 suggest：缺少 otherwise
            {record: rectification, rules: [{closedUnfixedAtMost: 0, points: 1}, {closedUnfixedAtMost: 1, points: 0.5, bonus: 1}], otherwise: 0} | 指标 5.5 的输入项 rectification 的 suggest 的第2条规则：未知的字段 bonus（只有 onTimeRateAtLeast、closedUnfixedAtMost、daysOverdueAtMost、points）
            {record: rectification, rules: [{onTimeRateAtLeast: 1.01, points: 1}], otherwise: 0} | 指标 5.5 的输入项 rectification 的 suggest 的第1条规则：onTimeRateAtLeast 须在0到1之间
            {record: rectification, rules: [{onTimeRateAtLeast: -0.01, points: 1}], otherwise: 0} | 指标 5.5 的输入项 rectification 的 suggest 的第1条规则：onTimeRateAtLeast 须在0到1之间
            {record: rectification, rules: [{onTimeRateAtLeast: high, points: 1}], otherwise: 0} | 指标 5.5 的输入项 rectification 的 suggest 的第1条规则 的 onTimeRateAtLeast 须为数字
            {record: rectification, rules: [{points: 1}], otherwise: 0} | 指标 5.5 的输入项 rectification 的 suggest 的第1条规则：至少须有一个条件（onTimeRateAtLeast、closedUnfixedAtMost、daysOverdueAtMost）
            {record: rectification, rules: [{closedUnfixedAtMost: -1, points: 1}], otherwise: 0} | 指标 5.5 的输入项 rectification 的 suggest 的第1条规则：closedUnfixedAtMost 须为0或正整数
            {record: rectification, rules: [{closedUnfixedAtMost: 1.5, points: 1}], otherwise: 0} | 指标 5.5 的输入项 rectification 的 suggest 的第1条规则：closedUnfixedAtMost 须为0或正整数
            {record: rectification, rules: [{closedUnfixedAtMost: 1.0, points: 1}], otherwise: 0} | 指标 5.5 的输入项 rectification 的 suggest 的第1条规则：closedUnfixedAtMost 须为0或正整数
            {record: rectification, rules: [{closedUnfixedAtMost: 2147483648, points: 1}], otherwise: 0} | 指标 5.5 的输入项 rectification 的 suggest 的第1条规则：closedUnfixedAtMost 须为0或正整数
            {record: rectification, rules: [{closedUnfixedAtMost: "1", points: 1}], otherwise: 0} | 指标 5.5 的输入项 rectification 的 suggest 的第1条规则：closedUnfixedAtMost 须为0或正整数
            {record: rectification, rules: [{daysOverdueAtMost: -1, points: 1}], otherwise: 0} | 指标 5.5 的输入项 rectification 的 suggest 的第1条规则：daysOverdueAtMost 须为0或正整数
            {record: rectification, rules: [{daysOverdueAtMost: 2.5, points: 1}], otherwise: 0} | 指标 5.5 的输入项 rectification 的 suggest 的第1条规则：daysOverdueAtMost 须为0或正整数
            {record: rectification, rules: [{closedUnfixedAtMost: 0}], otherwise: 0} | 指标 5.5 的输入项 rectification 的 suggest 的第1条规则：缺少 points
            {record: rectification, rules: [{closedUnfixedAtMost: 0, points: 1.5}], otherwise: 0} | 指标 5.5 的输入项 rectification 的 suggest 的第1条规则：points 须为0至1之间、0.5的整数倍
            {record: rectification, rules: [{closedUnfixedAtMost: 0, points: -0.5}], otherwise: 0} | 指标 5.5 的输入项 rectification 的 suggest 的第1条规则：points 须为0至1之间、0.5的整数倍
            {record: rectification, rules: [{closedUnfixedAtMost: 0, points: 0.25}], otherwise: 0} | 指标 5.5 的输入项 rectification 的 suggest 的第1条规则：points 须为0至1之间、0.5的整数倍
            {record: rectification, rules: [{closedUnfixedAtMost: 0, points: 1}], otherwise: 1.5} | 指标 5.5 的输入项 rectification 的 suggest：otherwise 须为0至1之间、0.5的整数倍
            {record: rectification, rules: [{closedUnfixedAtMost: 0, points: 1}], otherwise: -0.5} | 指标 5.5 的输入项 rectification 的 suggest：otherwise 须为0至1之间、0.5的整数倍
            {record: rectification, rules: [{closedUnfixedAtMost: 0, points: 1}], otherwise: 0.75} | 指标 5.5 的输入项 rectification 的 suggest：otherwise 须为0至1之间、0.5的整数倍
            """)
    void refusesAMalformedSuggestionWithTheWholeMessage(String suggest, String message) throws IOException {
        // given the 2023 catalogue with another suggest: on 5.5
        String yaml = withSuggest(suggest);

        // when it is read, then startup stops saying where and what
        assertThatThrownBy(() -> read(yaml)).isInstanceOf(CatalogueException.class).hasMessage(message);
    }

    @Test
    void refusesASuggestionOnAnInputThatIsNotAJudgementWithAMax() throws IOException {
        String suggest = "                suggest: {record: rectification, rules: [{closedUnfixedAtMost: 0, points: 1}], otherwise: 0}\n";
        // given a suggest: on a count that states its max (4.13's requests handled)
        String onCount = real2023().replace("                label: 依申请公开数(办理的政府信息公开申请件数)\n",
                "                label: 依申请公开数(办理的政府信息公开申请件数)\n                max: 500\n" + suggest);
        // and 5.5's judgement without its max
        String withoutMax = real2023().replace("                by: OFFICE\n                max: 1\n                # The office decides",
                "                by: OFFICE\n                # The office decides");
        assertThat(onCount).isNotEqualTo(real2023());
        assertThat(withoutMax).isNotEqualTo(real2023());

        // when each is read, then startup stops: only a judgement with its max may suggest a score
        assertThatThrownBy(() -> read(onCount)).isInstanceOf(CatalogueException.class)
                .hasMessage("指标 4.13 的输入项 requestsHandled 的 suggest：只有视情评分（judgement）的输入项可给出建议得分");
        assertThatThrownBy(() -> read(withoutMax)).isInstanceOf(CatalogueException.class)
                .hasMessage("指标 5.5 的输入项 rectification 的 suggest：只有视情评分（judgement）的输入项可给出建议得分");
    }

    /** The 2023 catalogue with 5.5's {@code suggest:} block replaced by {@code flow}, one line of YAML flow style. */
    private static String withSuggest(String flow) throws IOException {
        String yaml = real2023().replaceFirst("(?s)                suggest:\n.*?                  otherwise: 0\n",
                Matcher.quoteReplacement("                suggest: " + flow + "\n"));
        assertThat(yaml).isNotEqualTo(real2023());
        return yaml;
    }

    private static Catalogue read(String yaml) {
        return CatalogueReader.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }

    private static String unescape(String s) {
        return s.replace("\\n", "\n");
    }

    private static String real2023() throws IOException {
        try (InputStream in = Objects.requireNonNull(CatalogueReaderTests.class.getResourceAsStream("/catalogues/2023.yaml"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @SuppressWarnings("unused")
    private static final List<String> NOTE = List.of();
}
