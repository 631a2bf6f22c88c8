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
