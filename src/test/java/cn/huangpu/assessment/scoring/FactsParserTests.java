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
}
