package cn.huangpu.assessment.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.grading.CampaignScoring;
import cn.huangpu.assessment.publication.PublicationService;
import cn.huangpu.assessment.support.H2IntegrationTest;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@H2IntegrationTest
class CampaignLifecycleTests {

    @Autowired CampaignStarter starter;
    @Autowired CampaignService campaigns;
    @Autowired CampaignBots bots;
    @Autowired ProcessDriver driver;
    @Autowired CampaignScoring scoring;
    @Autowired PublicationService publication;

    @Test
    void runsACampaignFromOpeningToPublication() {
        // given a campaign of three units and every evaluator
        List<String> units = List.of("waitan", "czj", "yuyuan");
        Campaign campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null, units,
                List.of()), CampaignBots.COORDINATOR_USER);
        Long id = campaign.getId();
        Random random = new Random(7);
        driver.runJobs();

        // when every unit submits and is verified, and every evaluator delivers
        for (String unit : units) {
            bots.fillSelfCheck(id, unit, random);
            bots.submitSelfCheck(id, unit);
            driver.runJobs();
            bots.verify(id, unit, random);
            driver.runJobs();
        }
        for (CampaignEvaluator evaluator : campaigns.evaluators(id)) {
            bots.deliver(id, evaluator.getEvaluatorCode(), random);
            driver.runJobs();
        }

        // then every unit is scored once, and after comprehensive evaluation and approval the results are published
        assertThat(scoring.countRound(id, 1)).isEqualTo(3);
        assertThat(campaigns.get(id).getStatus()).isEqualTo(CampaignStatus.GRADING);
        bots.evaluateComprehensively(id, random);
        driver.runJobs();
        assertThat(scoring.countRound(id, 2)).isEqualTo(3);
        bots.approve(id);
        driver.runJobs();
        assertThat(campaigns.get(id).getStatus()).isEqualTo(CampaignStatus.PUBLISHED);
        assertThat(publication.report(id)).get().asString().contains("外滩街道").contains("区财政局");
        assertThat(scoring.latest(id)).hasSize(3).allSatisfy(r -> assertThat(r.getGrade()).isNotBlank());
    }
}
