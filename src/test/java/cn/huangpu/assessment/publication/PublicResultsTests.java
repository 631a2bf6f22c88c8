package cn.huangpu.assessment.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.CampaignStatus;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.results.CampaignScoring;
import cn.huangpu.assessment.support.H2IntegrationTest;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The public results page, without login, for a campaign in every state: only what was published is there. */
@H2IntegrationTest
@AutoConfigureMockMvc
class PublicResultsTests {

    @Autowired MockMvc mvc;
    @Autowired CampaignStarter starter;
    @Autowired CampaignService campaigns;
    @Autowired CampaignBots bots;
    @Autowired ProcessDriver driver;
    @Autowired CampaignScoring scoring;

    @Test
    void showsACampaignOnlyOncePublishedAndThenOnlyWhatWasPublished() throws Exception {
        int year = TestUsers.freshYear();
        Random random = new Random(3);
        CampaignInfo campaign = starter.start(new OpenCampaign(year, 2023, null, null, null, null, List.of("waitan"),
                List.of("FINANCE")), CampaignBots.COORDINATOR_USER);
        Long id = campaign.id();
        driver.runJobs();
        assertHidden(id, year, CampaignStatus.RUNNING);

        bots.fillSelfCheck(id, "waitan", random);
        bots.submitSelfCheck(id, "waitan");
        driver.runJobs();
        bots.verify(id, "waitan", random);
        bots.deliver(id, "FINANCE", random);
        driver.runJobs();
        assertHidden(id, year, CampaignStatus.GRADING);

        bots.evaluateComprehensively(id, random);
        driver.runJobs();
        bots.approve(id);
        assertHidden(id, year, CampaignStatus.APPROVED);

        driver.runJobs();
        assertThat(campaigns.get(id).status()).isEqualTo(CampaignStatus.PUBLISHED);
        String publishedTotal = scoring.latest(id, "waitan").orElseThrow().total().toPlainString();
        mvc.perform(get("/public/results")).andExpect(status().isOk())
                .andExpect(content().string(containsString(year + "年度黄浦区政务公开考核评估结果")));
        mvc.perform(get("/public/results/" + id)).andExpect(status().isOk())
                .andExpect(content().string(containsString("外滩街道")))
                .andExpect(content().string(containsString(publishedTotal)));
        mvc.perform(get("/public/results/" + id + "/waitan")).andExpect(status().isOk())
                .andExpect(content().string(containsString("评分说明")))
                .andExpect(content().string(not(containsString("核查问题："))));

        // reopened and rescored: the public still sees what was published, not the work in progress
        starter.reopen(id, "复议纠正", CampaignBots.COORDINATOR_USER);
        bots.evaluateComprehensively(id, new Random(99));
        driver.runJobs();
        assertThat(campaigns.get(id).status()).isEqualTo(CampaignStatus.REOPENED);
        assertThat(scoring.latest(id, "waitan").orElseThrow().round()).isEqualTo(3);
        mvc.perform(get("/public/results/" + id)).andExpect(status().isOk())
                .andExpect(content().string(containsString(publishedTotal)));
    }

    @Test
    void listsDepartmentsThenStreetsEachRankedByTotal() throws Exception {
        // given a published campaign of two departments and two streets
        int year = TestUsers.freshYear();
        Random random = new Random(11);
        List<String> units = List.of("waitan", "nanjingdonglu", "czj", "fgw");
        Long id = starter.start(new OpenCampaign(year, 2023, null, null, null, null, units, List.of("FINANCE")),
                CampaignBots.COORDINATOR_USER).id();
        driver.runJobs();
        for (String unit : units) {
            bots.fillSelfCheck(id, unit, random);
            bots.submitSelfCheck(id, unit);
        }
        driver.runJobs();
        for (String unit : units) {
            bots.verify(id, unit, random);
        }
        bots.deliver(id, "FINANCE", random);
        driver.runJobs();
        bots.evaluateComprehensively(id, random);
        driver.runJobs();
        bots.approve(id);
        driver.runJobs();
        assertThat(campaigns.get(id).status()).isEqualTo(CampaignStatus.PUBLISHED);

        // when the public opens the year's results
        String page = mvc.perform(get("/public/results/" + id)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        // then 委办局 come first and 街道 after, and within each kind the higher total comes first
        int departments = page.indexOf(">委办局<");
        int streets = page.indexOf(">街道<");
        assertThat(departments).isPositive().isLessThan(streets);
        assertThat(List.of(page.indexOf("区财政局"), page.indexOf("区发展改革委"))).allMatch(i -> i > departments && i < streets);
        assertThat(List.of(page.indexOf("外滩街道"), page.indexOf("南京东路街道"))).allMatch(i -> i > streets);
        assertRankedWithinKind(page, id, "czj", "区财政局", "fgw", "区发展改革委");
        assertRankedWithinKind(page, id, "waitan", "外滩街道", "nanjingdonglu", "南京东路街道");
    }

    private void assertRankedWithinKind(String page, Long id, String a, String aName, String b, String bName) {
        BigDecimal totalA = scoring.latest(id, a).orElseThrow().total();
        BigDecimal totalB = scoring.latest(id, b).orElseThrow().total();
        boolean aListedFirst = page.indexOf(aName) < page.indexOf(bName);
        if (totalA.compareTo(totalB) != 0) {
            assertThat(aListedFirst).as("%s %s, %s %s", aName, totalA, bName, totalB).isEqualTo(totalA.compareTo(totalB) > 0);
        }
    }

    private void assertHidden(Long id, int year, CampaignStatus state) throws Exception {
        assertThat(campaigns.get(id).status()).isEqualTo(state);
        mvc.perform(get("/public/results")).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(year + "年度"))));
        mvc.perform(get("/public/results/" + id)).andExpect(status().isNotFound());
        mvc.perform(get("/public/results/" + id + "/waitan")).andExpect(status().isNotFound());
    }
}
