package cn.huangpu.assessment.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An input bound to a register ({@code from:}): how the catalogue reads it and what it refuses. */
class RegisterBindingTests {

    static final String FEEDBACK_LABEL = "                label: 征集情况未能及时公开\n                by: OFFICE\n";

    @Test
    void the2023CatalogueComputes41FromTheDocumentRegister() throws IOException {
        // given the shipped 2023 catalogue
        Indicator filing = read(real2023()).indicator("4.1").orElseThrow();

        // then its three inputs come from the document register, late filings with a 20-working-day rule
        assertThat(filing.inputs()).extracting(Input::from).containsExactly(
                new RegisterSource("documents", "disclosureRate", null),
                new RegisterSource("documents", "late", 20),
                new RegisterSource("documents", "missingNumbers", null));
        // and the missing numbers are no longer counted from verification findings
        assertThat(filing.findingInputs()).isEmpty();
        assertThat(filing.directInputs(Catalogue.OFFICE)).hasSize(3);
    }

    @Test
    void aCatalogueMayBind32ToTheConsultationRegisterWithATenDayRule() throws IOException {
        // given 2023's catalogue with 3.2's "not published in time" computed from the consultations' feedback dates
        String yaml = real2023().replace(FEEDBACK_LABEL,
                FEEDBACK_LABEL + "                from: {register: consultations, figure: late, workingDays: 10}\n");

        // when read, then the flag is bound
        Input input = read(yaml).indicator("3.2").orElseThrow().input("feedbackNotPublishedInTime").orElseThrow();
        assertThat(input.from()).isEqualTo(new RegisterSource("consultations", "late", 10));
        assertThat(input.fromRegister()).isTrue();
    }

    /** Each row binds 3.2's flag (or 4.1's count) wrongly and expects the message to say where and what. */
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = ';', value = {
            "{register: ledger, figure: late, workingDays: 10}; 未知的登记 'ledger'",
            "{register: consultations, figure: disclosureRate}; 登记 consultations 没有计算项 'disclosureRate'",
            "{register: documents, figure: disclosureRate}; 计算项 disclosureRate 不能用于 flag 类型的输入项",
            "{register: consultations, figure: late}; 计算项 late 须给出 workingDays（1到250个工作日）",
            "{register: consultations, figure: late, workingDays: 0}; 计算项 late 须给出 workingDays",
            "{register: consultations, figure: late, workingDays: 10.5}; workingDays 须为整数",
            "{register: consultations, figure: late, days: 10}; 未知的字段 days",
            "consultations; 须为 {register: 登记名称, figure: 计算项}",
    })
    void refusesABindingNamingTheInputAndTheProblem(String from, String message) throws IOException {
        String yaml = real2023().replace(FEEDBACK_LABEL, FEEDBACK_LABEL + "                from: " + from + "\n");

        assertThatThrownBy(() -> read(yaml)).isInstanceOf(CatalogueException.class)
                .hasMessageStartingWith("指标 3.2 ").hasMessageContaining("的输入项 feedbackNotPublishedInTime 的 from：")
                .hasMessageContaining(message);
    }

    @Test
    void refusesADayRuleOnAFigureWithoutDatesAndABindingOfAnotherEvaluator() throws IOException {
        String days = real2023().replace("from: {register: documents, figure: missingNumbers}",
                "from: {register: documents, figure: missingNumbers, workingDays: 5}");
        assertThatThrownBy(() -> read(days)).hasMessageContaining("workingDays 只用于计算项 late");

        String evaluator = real2023().replace("                label: 公文备案漏号个数\n                by: OFFICE\n",
                "                label: 公文备案漏号个数\n                by: ARCHIVES\n");
        assertThatThrownBy(() -> read(evaluator)).hasMessageContaining("按登记计算的输入项须由区政府办公室（OFFICE）提供");
    }

    @Test
    void refusesAnInputNamedLikeAKeyOfTheFactsFormat() throws IOException {
        String yaml = real2023().replace("- name: feedbackNotPublishedInTime", "- name: evidence")
                .replace("when: {flag: feedbackNotPublishedInTime}", "when: {flag: evidence}");
        assertThatThrownBy(() -> read(yaml)).hasMessageContaining("名称 evidence 已用于评分输入格式本身");
    }

    static Catalogue read(String yaml) {
        return CatalogueReader.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }

    static String real2023() throws IOException {
        try (InputStream in = Objects.requireNonNull(RegisterBindingTests.class.getResourceAsStream("/catalogues/2023.yaml"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
