package cn.huangpu.assessment.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.EvaluatorParticipation;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.support.H2IntegrationTest;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.web.DisplayTime;
import java.util.List;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An evaluator's grid once it has delivered: its values as text, no control to change them, the time it delivered
 * and that nothing can be changed any more; the template still downloads.
 */
@H2IntegrationTest
@AutoConfigureMockMvc
class DeliveredGridTests {

    static final String CELL = "1.4/missingLateOrIncompleteItems";

    @Autowired MockMvc mvc;
    @Autowired CampaignStarter starter;
    @Autowired CampaignService campaigns;
    @Autowired DisplayTime time;
    @Autowired CampaignBots bots;
    @Autowired ProcessDriver driver;
    @Autowired EvaluationService evaluation;
    Long campaign;
    String grid;

    @BeforeEach
    void openCampaign() {
        CampaignInfo opened = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan", "czj", "yuyuan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER);
        campaign = opened.id();
        grid = "/app/evaluation/" + campaign + "/FINANCE";
        driver.runJobs();
    }

    @Test
    void aDeliveredGridShowsItsValuesAsTextAndWhenItWasDelivered() throws Exception {
        // given the grid while the evaluator enters: one control per unit
        assertThat(page(grid).select("main table select, main table input:not([type=hidden])")).hasSize(3);

        // when 区财政局 enters every value and delivers
        bots.deliver(campaign, "FINANCE", new Random(3));
        driver.runJobs();
        EvaluatorParticipation delivered = campaigns.evaluator(campaign, "FINANCE");
        assertThat(delivered.status()).isEqualTo(EvaluatorParticipation.Status.DELIVERED);

        // then its grid has no control at all, and shows each unit's value as text
        Document page = page(grid);
        assertThat(page.select("main table input, main table select, main table textarea")).isEmpty();
        assertThat(page.select("main form[action$=/FINANCE]")).isEmpty();
        String waitan = FormValues.display(evaluation.facts(campaign).get("waitan").get(CELL).valueJson(), null);
        assertThat(page.select("main table tr[data-unit=waitan] td").text()).isEqualTo(waitan);
        // and says when it was delivered and that it cannot be changed, instead of asking to deliver
        assertThat(page.select("main").text())
                .contains("已于 " + time.format(delivered.deliveredAt()) + " 提交，不能再修改")
                .doesNotContain("录入完毕后到");
        // and the upload is gone, the template download stays
        assertThat(page.select("input[type=file]")).isEmpty();
        assertThat(page.select("a[href$=/FINANCE/template.xlsx]")).hasSize(1);
        mvc.perform(get(grid + "/template.xlsx").with(httpBasic("eval-finance", "demo")))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(200));
    }

    private Document page(String path) throws Exception {
        String html = mvc.perform(get(path).with(httpBasic("eval-finance", "demo")))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(200))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        return Jsoup.parse(html);
    }
}
