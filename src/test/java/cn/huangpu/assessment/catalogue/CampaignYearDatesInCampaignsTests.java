package cn.huangpu.assessment.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.evaluation.EvaluationService;
import cn.huangpu.assessment.evaluation.FactEntry;
import cn.huangpu.assessment.results.CampaignScoring;
import cn.huangpu.assessment.scoring.ScoreSheet;
import cn.huangpu.assessment.support.H2IntegrationTest;
import cn.huangpu.assessment.support.TestUsers;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A campaign of a later year than its catalogue prices 4.6 against 20 January of its own year, from the date
 * the office enters: the campaign's year reaches the pricing, not only the catalogue's.
 */
@H2IntegrationTest
class CampaignYearDatesInCampaignsTests {

    @Autowired CampaignStarter starter;
    @Autowired EvaluationService evaluation;
    @Autowired CampaignScoring scoring;

    @Test
    void aLaterCampaignOnThe2023CatalogueGivesTheAnnualReportPointFor15JanuaryOfItsYear() {
        // given a campaign of a year far after 2023 that uses the 2023 catalogue
        CampaignInfo campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan", "yuyuan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER);
        int year = campaign.year();
        assertThat(year).isGreaterThan(2023);
        assertThat(campaign.catalogueYear()).isEqualTo(2023);

        // when the office enters 外滩街道's report as published on 15 January of that year, 豫园街道's on the 21st
        evaluation.record(campaign.id(), Catalogue.OFFICE, List.of(
                new FactEntry("waitan", "4.6", "annualReportPublishedOn", JsonNodeFactory.instance.textNode(year + "-01-15"), null),
                new FactEntry("yuyuan", "4.6", "annualReportPublishedOn", JsonNodeFactory.instance.textNode(year + "-01-21"), null)),
                false, CampaignBots.COORDINATOR_USER);

        // then the current sheets give 外滩街道 the point and 豫园街道 none, each naming the campaign year's deadline
        ScoreSheet.IndicatorScore onTime = scoring.currentSheet(campaign.id(), "waitan").indicator("4.6");
        ScoreSheet.IndicatorScore late = scoring.currentSheet(campaign.id(), "yuyuan").indicator("4.6");
        assertThat(onTime.basePart()).isEqualByComparingTo("1");
        assertThat(late.basePart()).isEqualByComparingTo("0");
        assertThat(onTime.explanation()).anySatisfy(line -> assertThat(line.text()).contains("（条件：不晚于" + year + "-01-20）"));
        // and so do the current scores of every unit: 外滩街道 has one point more than 豫园街道 on otherwise equal facts
        var scores = scoring.currentScores(campaign.id());
        assertThat(scores.get("waitan").basePoints().subtract(scores.get("yuyuan").basePoints())).isEqualByComparingTo("1");
    }
}
