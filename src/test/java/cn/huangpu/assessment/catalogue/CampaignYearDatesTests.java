package cn.huangpu.assessment.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.huangpu.assessment.scoring.FactsParser;
import cn.huangpu.assessment.scoring.ScoreCalculator;
import cn.huangpu.assessment.scoring.ScoreSheet;
import cn.huangpu.assessment.scoring.TestCatalogues;
import cn.huangpu.assessment.scoring.UnitFacts;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.MonthDay;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A catalogue is reused by every later campaign until a newer one exists, so a date it names in the plan's own
 * year (4.6: 于2023年1月20日之前) is that day of the campaign's year; a fixed date stays the day it names.
 */
class CampaignYearDatesTests {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String RELATIVE = "onOrBefore: {campaignYear: \"01-20\"}";

    final ScoreCalculator calculator = new ScoreCalculator();

    @Test
    void aReportOf15January2026EarnsThePointInA2026CampaignPricedByThe2023Catalogue() throws IOException {
        // given the 2023 catalogue, the newest not later than 2026, and a report published on 2026-01-15
        Catalogue catalogue = TestCatalogues.catalogue2023();

        // when a 2026 campaign prices it
        ScoreSheet.IndicatorScore score = price(catalogue, 2026, "2026-01-15");

        // then it is on time: 1 point, and the sheet names the 2026 deadline
        assertThat(score.basePart()).isEqualByComparingTo("1");
        assertThat(score.explanation()).anySatisfy(line -> assertThat(line.text())
                .contains("本单位政府信息公开年度报告发布日期：2026-01-15（条件：不晚于2026-01-20）", "符合，得1分"));
    }

    @Test
    void theDeadlineIsTheCampaignYearsSoTheDayAfterItEarnsNothing() throws IOException {
        Catalogue catalogue = TestCatalogues.catalogue2023();

        // the day itself is on time, the day after is late
        assertThat(price(catalogue, 2026, "2026-01-20").basePart()).isEqualByComparingTo("1");
        assertThat(price(catalogue, 2026, "2026-01-21").basePart()).isEqualByComparingTo("0");
        // and in 2032 the same file asks for 2032-01-20
        assertThat(price(catalogue, 2032, "2032-01-19").basePart()).isEqualByComparingTo("1");
    }

    @Test
    void aCampaignOfTheCataloguesOwnYearKeepsItsDeadline() throws IOException {
        Catalogue catalogue = TestCatalogues.catalogue2023();

        // the stateless preview prices as a campaign of the catalogue's year
        assertThat(calculator.score(catalogue, facts(catalogue, "2023-01-20")).indicator("4.6").basePart())
                .isEqualByComparingTo("1");
        assertThat(price(catalogue, 2023, "2023-01-21").basePart()).isEqualByComparingTo("0");
    }

    @Test
    void theCatalogueOf2023UsesTheRelativeFormWhereTheSeedNamesTheAssessmentYear() {
        Criterion criterion = TestCatalogues.catalogue2023().indicator("4.6").orElseThrow().criteria().get(0);

        assertThat(criterion.when().date()).isEqualTo(DueDate.inCampaignYear(MonthDay.of(1, 20)));
    }

    @Test
    void aFixedDateIsTheSameDayForEveryCampaign() throws IOException {
        // given a catalogue whose 4.6 deadline is the fixed day 2024-03-01
        Catalogue catalogue = read(real2023().replace(RELATIVE, "onOrBefore: \"2024-03-01\""));

        // when campaigns of 2026 price reports of 2024-03-01 and 2026-01-15, then only the first is on time
        assertThat(price(catalogue, 2026, "2024-03-01").basePart()).isEqualByComparingTo("1");
        assertThat(price(catalogue, 2026, "2026-01-15").basePart()).isEqualByComparingTo("0");
        assertThat(price(catalogue, 2026, "2024-03-01").explanation())
                .anySatisfy(line -> assertThat(line.text()).contains("（条件：不晚于2024-03-01）"));
    }

    /** Each row puts a malformed date into 4.6 of the real file and expects the loader to say where and what. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "onOrBefore: {campaignYear: \"1-20\"}; campaignYear 须为 月-日（两位数字，如 \"01-20\"），收到 \"1-20\"",
            "onOrBefore: {campaignYear: \"13-01\"}; campaignYear 须为 月-日（两位数字，如 \"01-20\"），收到 \"13-01\"",
            "onOrBefore: {campaignYear: \"02-30\"}; campaignYear 须为 月-日（两位数字，如 \"01-20\"），收到 \"02-30\"",
            "onOrBefore: {campaignYear: \"2023-01-20\"}; campaignYear 须为 月-日（两位数字，如 \"01-20\"），收到 \"2023-01-20\"",
            "onOrBefore: {campaignYear: \"02-29\"}; campaignYear 不能是 02-29",
            "onOrBefore: {campaignYear: 120}; onOrBefore 的对象形式只能是 {campaignYear: \"月-日\"}",
            "onOrBefore: {campaignYear: \"01-20\", yearsAfter: 1}; onOrBefore 的对象形式只能是 {campaignYear: \"月-日\"}",
            "onOrBefore: {year: \"01-20\"}; onOrBefore 的对象形式只能是 {campaignYear: \"月-日\"}",
            "onOrBefore: \"01-20\"; onOrBefore \"01-20\" 没有写明年份，须写成固定日期（如 \"2023-01-20\"），或考评年度的月-日（如 {campaignYear: \"01-20\"}",
            "onOrBefore: \"2023/01/20\"; onOrBefore \"2023/01/20\" 不是日期，须写成固定日期",
            "onOrBefore: \"2023-02-30\"; onOrBefore \"2023-02-30\" 不是日期",
            "onOrAfter: \"2023-01-20\"; 缺少 onOrBefore",
    })
    void refusesAMalformedDateNamingTheIndicatorAndTheForms(String condition, String message) throws IOException {
        String yaml = real2023().replace(RELATIVE, condition);
        assertThat(yaml).isNotEqualTo(real2023());

        assertThatThrownBy(() -> read(yaml)).isInstanceOf(CatalogueException.class)
                .hasMessageContaining("指标 4.6 的评分规则第1条 的条件：")
                .hasMessageContaining(message);
    }

    private ScoreSheet.IndicatorScore price(Catalogue catalogue, int campaignYear, String publishedOn) throws IOException {
        return calculator.score(catalogue, campaignYear, facts(catalogue, publishedOn)).indicator("4.6");
    }

    private static UnitFacts facts(Catalogue catalogue, String publishedOn)
            throws IOException {
        return FactsParser.parse(catalogue, JSON.readTree("{\"4.6\": {\"annualReportPublishedOn\": \"" + publishedOn + "\"}}"));
    }

    private static Catalogue read(String yaml) {
        return CatalogueReader.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }

    private static String real2023() throws IOException {
        try (InputStream in = Objects.requireNonNull(CampaignYearDatesTests.class.getResourceAsStream("/catalogues/2023.yaml"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
