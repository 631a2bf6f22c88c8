package cn.huangpu.assessment.results;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.CampaignStatus;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.support.WebIntegrationTest;
import cn.huangpu.assessment.support.WebSession;
import cn.huangpu.assessment.web.DisplayTime;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a unit sees of its own scores before and after publication (issue 20, part 7), over real HTTP as the unit's
 * staff (waitan01), route by route: the sheet page, its PDF, the results list and its export, the public sheet and
 * 工作台. Before the results are approved and published (there is no feedback window yet), every route says when the
 * sheet opens and shows no total, grade or point; afterwards the sheet shows the score. The office and the leaders
 * read the sheet all along.
 */
@WebIntegrationTest
class UnitSheetVisibilityTests {

    @LocalServerPort int port;
    @Autowired CampaignStarter starter;
    @Autowired CampaignService campaigns;
    @Autowired CampaignBots bots;
    @Autowired ProcessDriver driver;
    @Autowired CampaignScoring scoring;
    @Autowired DisplayTime time;

    @Test
    void beforePublicationEveryRouteSaysWhenTheSheetOpensAndAfterwardsTheSheetShowsTheScore() throws Exception {
        // given a campaign scored in round 1 (comprehensive evaluation ahead: the office's judgements 未评分)
        Random random = new Random(20);
        CampaignInfo campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER);
        Long id = campaign.id();
        driver.runJobs();
        bots.fillSelfCheck(id, "waitan", random);
        bots.submitSelfCheck(id, "waitan");
        driver.runJobs();
        bots.verify(id, "waitan", random);
        bots.deliver(id, "FINANCE", random);
        driver.runJobs();
        assertThat(campaigns.get(id).status()).isEqualTo(CampaignStatus.GRADING);
        UnitResult round1 = scoring.latest(id, "waitan").orElseThrow();
        String resultsDue = time.format(campaign.dates().resultsDue());
        WebSession unit = WebSession.login(port, "waitan01");

        // when the unit opens its sheet, then it is told when it opens, and nothing priced is on the page
        HttpResponse<String> page = unit.get(sheet(id));
        assertThat(page.statusCode()).isEqualTo(200);
        Element section = Jsoup.parse(page.body()).selectFirst("main section");
        assertThat(section.select("#sheet-not-yet").text()).contains("评分说明尚未开放", "审定并公布后开放", resultsDue);
        assertNoScore(section.text(), round1);
        assertThat(section.select("table, a[href$=.pdf]")).isEmpty();

        // and its PDF answers 404 with the same words, not a document
        HttpResponse<String> pdf = unit.get(sheet(id) + ".pdf");
        assertThat(pdf.statusCode()).isEqualTo(404);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).doesNotContain("pdf");
        assertThat(Jsoup.parse(pdf.body()).text()).contains("评分说明尚未开放", resultsDue);
        assertNoScore(pdf.body(), round1);

        // and the ranking, its export and the public sheet stay closed to it
        assertThat(unit.get("/app/results/" + id).statusCode()).isEqualTo(403);
        assertThat(unit.getBytes("/app/results/" + id + "/export.xlsx").statusCode()).isEqualTo(403);
        assertThat(unit.get("/public/results/" + id + "/waitan").statusCode()).isEqualTo(404);

        // and 工作台 says when instead of linking the sheet
        Element home = row(unit.get("/app").body(), campaign);
        assertThat(home.text()).contains("评分说明尚未开放", resultsDue);
        assertThat(home.select("a[href=" + sheet(id) + "]")).isEmpty();
        assertNoScore(home.text(), round1);

        // while the office and the leaders read the sheet with its score, as before
        for (String reader : List.of("office01", "leader01")) {
            Document read = Jsoup.parse(WebSession.login(port, reader).get(sheet(id)).body());
            assertThat(read.select("main section .card").text()).as(reader)
                    .contains("总分 " + round1.total().toPlainString() + " 分", round1.grade());
        }

        // when the comprehensive evaluation is done, and the leaders approve, the results are published
        bots.evaluateComprehensively(id, random);
        driver.runJobs();
        bots.approve(id);
        driver.runJobs();
        assertThat(campaigns.get(id).status()).isEqualTo(CampaignStatus.PUBLISHED);
        UnitResult published = scoring.latest(id, "waitan").orElseThrow();

        // then the unit's sheet shows the published score, its PDF is there, and 工作台 links the sheet
        Document after = Jsoup.parse(unit.get(sheet(id)).body());
        assertThat(after.select("#sheet-not-yet")).isEmpty();
        assertThat(after.select("main section .card").text())
                .contains("总分 " + published.total().toPlainString() + " 分", "考核等次 " + published.grade());
        HttpResponse<byte[]> document = unit.getBytes(sheet(id) + ".pdf");
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(new String(document.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(row(unit.get("/app").body(), campaign).select("a[href=" + sheet(id) + "]")).hasSize(1);
    }

    /** No total, no grade word and no point of the round on what the unit was shown. */
    private static void assertNoScore(String shown, UnitResult result) {
        assertThat(shown).doesNotContain(result.total().toPlainString(), "总分", "基础得分", "考核等次",
                "优秀", "良好", "不合格", "合格");
    }

    private static Element row(String home, CampaignInfo campaign) {
        return Jsoup.parse(home).select("main table tbody tr").stream()
                .filter(tr -> tr.text().startsWith(campaign.year() + "年度")).findFirst().orElseThrow();
    }

    private static String sheet(Long id) {
        return "/app/results/" + id + "/waitan";
    }
}
