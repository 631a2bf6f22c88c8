package cn.huangpu.assessment.register;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.calendar.ShippedCalendar;
import cn.huangpu.assessment.calendar.WorkingDayCalendar;
import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.catalogue.CatalogueReader;
import cn.huangpu.assessment.catalogue.Input;
import cn.huangpu.assessment.scoring.FactsParser;
import cn.huangpu.assessment.scoring.ScoreCalculator;
import cn.huangpu.assessment.scoring.ScoreSheet;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Part 4 of issue 17: the same machinery, bound by a catalogue to 3.2 (决策出台10个工作日内向社会公开意见的收集、采纳情况),
 * prices "征集情况未能及时公开的,扣1分" from a register of consultations. The 2023 catalogue does not bind 3.2 (its seed
 * names no such register), so this test's catalogue is 2023's with one line added.
 */
class ConsultationRegisterTests {

    static final WorkingDayCalendar CALENDAR = ShippedCalendar.shipped();
    static final String FEEDBACK_LABEL = "                label: 征集情况未能及时公开\n                by: OFFICE\n";

    /**
     * A decision taken on Friday 2023-09-22: the 10th working day after it, across the National Day holiday
     * (9-29 to 10-6 off; Saturday 10-7 and Sunday 10-8 worked), is Thursday 2023-10-12.
     */
    static RegisterEntry decision(String name, String feedbackPublished) {
        return new RegisterEntry(null, name, LocalDate.of(2023, 9, 22), null, null, LocalDate.parse(feedbackPublished));
    }

    @Test
    void feedbackPublishedAfterTenWorkingDaysDeductsOnePoint() throws IOException {
        // given a catalogue binding 3.2's flag to the consultation register, and a decision whose feedback came on 10-13
        Catalogue catalogue = catalogue();
        Input flag = catalogue.indicator("3.2").orElseThrow().input("feedbackNotPublishedInTime").orElseThrow();
        RegisterFigures figures = new RegisterFigures(Register.CONSULTATIONS,
                List.of(decision("老旧小区改造实施方案", "2023-10-12"), decision("停车收费调整方案", "2023-10-13")), Map.of(), CALENDAR);

        // when the facts are assembled from it and priced
        ObjectNode facts = JsonNodeFactory.instance.objectNode();
        ObjectNode consultation = facts.putObject("3.2");
        consultation.put("noConsultation", false).put("singleChannel", false);
        RegisterFacts.put(consultation, flag, null, null, RegisterFacts.derive(flag, figures));
        ScoreSheet.IndicatorScore score = new ScoreCalculator().score(catalogue, FactsParser.parse(catalogue, facts))
                .indicator("3.2");

        // then the flag holds: 2 − 1 = 1, and the line names the late decision only
        assertThat(score.basePart()).isEqualByComparingTo("1");
        ScoreSheet.Explanation line = score.explanation().stream().filter(e -> e.criterion().contains("未能及时公开"))
                .findFirst().orElseThrow();
        assertThat(line.effect()).isEqualByComparingTo("-1");
        assertThat(line.details()).singleElement().asString().startsWith("停车收费调整方案：")
                .contains("期限 2023-10-12（10个工作日）");
    }

    @Test
    void feedbackOnTheTenthWorkingDayIsInTime() throws IOException {
        Catalogue catalogue = catalogue();
        Input flag = catalogue.indicator("3.2").orElseThrow().input("feedbackNotPublishedInTime").orElseThrow();
        RegisterFigures figures = new RegisterFigures(Register.CONSULTATIONS,
                List.of(decision("老旧小区改造实施方案", "2023-10-12")), Map.of(), CALENDAR);

        RegisterFacts.Derived derived = RegisterFacts.derive(flag, figures);

        assertThat(derived.value().booleanValue()).isFalse();
        assertThat(derived.evidence()).containsExactly("登记决策事项1件，均在决策出台日期后10个工作日内公开");
    }

    @Test
    void aConsultationRegisterHasNoDisclosureRateOrNumbers() {
        RegisterFigures figures = new RegisterFigures(Register.CONSULTATIONS,
                List.of(decision("老旧小区改造实施方案", "2023-10-12")), Map.of(), CALENDAR);

        assertThat(figures.disclosureRate().problem()).isEqualTo("意见征集反馈登记不记公开属性，不能计算公开率");
        assertThat(figures.missingNumbers().problem()).isEqualTo("意见征集反馈登记不按文号登记，不能计算漏号");
    }

    static Catalogue catalogue() throws IOException {
        try (InputStream in = Objects.requireNonNull(ConsultationRegisterTests.class.getResourceAsStream("/catalogues/2023.yaml"))) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(FEEDBACK_LABEL,
                    FEEDBACK_LABEL + "                from: {register: consultations, figure: late, workingDays: 10}\n");
            return CatalogueReader.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test-3.2.yaml");
        }
    }
}
