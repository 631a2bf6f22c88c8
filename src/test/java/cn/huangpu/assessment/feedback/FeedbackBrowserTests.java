package cn.huangpu.assessment.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.CampaignStatus;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.evaluation.EvaluationService;
import cn.huangpu.assessment.results.CampaignScoring;
import cn.huangpu.assessment.security.Groups;
import cn.huangpu.assessment.support.Browser;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.support.WebIntegrationTest;
import cn.huangpu.assessment.workflow.UnitFeedbackProcess;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The feedback window in real Chromium: a unit objects to 2.3 with a file on its page, the office accepts by
 * changing the judgement, the unit's total and the leaders' summary change, and the published sheet marks the point
 * 经复核调整. Screenshots go to target/screenshots/.
 */
@WebIntegrationTest
class FeedbackBrowserTests {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort int port;
    @Autowired CampaignStarter starter;
    @Autowired CampaignService campaigns;
    @Autowired CampaignBots bots;
    @Autowired ProcessDriver driver;
    @Autowired FeedbackService feedback;
    @Autowired EvaluationService evaluation;
    @Autowired CampaignScoring scoring;
    @Autowired TaskService taskService;

    Browser browser;

    @BeforeAll
    static void chromiumInstalled() {
        Assumptions.assumeTrue(Browser.available(), Browser.unavailableReason());
    }

    @BeforeEach
    void openBrowser() {
        browser = new Browser("http://localhost:" + port, SCREENSHOTS);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aUnitObjectsWithAFileTheOfficeAcceptsAndThePublishedSheetMarksThePoint() throws Exception {
        // given a campaign of 外滩街道 and 豫园街道 in its feedback window
        Random random = new Random(180);
        Long id = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan", "yuyuan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER).id();
        driver.runJobs();
        for (String unit : List.of("waitan", "yuyuan")) {
            bots.fillSelfCheck(id, unit, random);
            bots.submitSelfCheck(id, unit);
            driver.runJobs();
            bots.verify(id, unit, random);
            driver.runJobs();
        }
        bots.deliver(id, "FINANCE", random);
        driver.runJobs();
        feedback.setRules(id, 5, "CALENDAR_DAYS", true, false, CampaignBots.COORDINATOR_USER);
        bots.evaluateComprehensively(id, random);
        driver.runJobs();
        BigDecimal before = scoring.latest(id, "waitan").orElseThrow().total();

        // when 外滩街道 objects to 2.3 on its page, with a link and a file, and answers 申请复核
        browser.login("waitan01", "demo");
        browser.open("/app/feedback/" + id + "/waitan");
        browser.waitForText("外滩街道", "新增复核申请", "初步评分说明");
        // the window's end as every page writes a moment (DisplayTime, in the office's time zone)
        assertThat(browser.visible(By.id("feedback-status")).getText())
                .containsPattern("截止时间 \\d{4}年\\d{1,2}月\\d{1,2}日 23:59");
        new Select(browser.visible(By.cssSelector("#new-objection select[name=indicatorCode]"))).selectByValue("2.3");
        browser.type(By.cssSelector("#new-objection textarea[name=reason]"), "我单位的政策解读包含图解和问答，评分未予考虑");
        browser.type(By.cssSelector("#new-objection textarea[name=evidenceLinks]"), "https://www.shhuangpu.gov.cn/zcjd/2023-1 图解");
        Path file = Files.createTempFile("图解材料-", ".pdf");
        Files.writeString(file, "%PDF-1.4 图解");
        browser.driver().findElement(By.cssSelector("#new-objection input[type=file]")).sendKeys(file.toString());
        browser.click(By.cssSelector("#new-objection button[type=submit]"));
        browser.waitForText("复核申请已保存（指标 2.3）", file.getFileName().toString(), "草稿（未提交）");
        browser.screenshot("feedback-objection.png");
        bots.complete("waitan01", List.of(Groups.unit("waitan")), UnitFeedbackProcess.CONFIRM_RESULTS,
                UnitFeedbackProcess.tasks(taskService, id, "waitan"),
                Map.of(UnitFeedbackProcess.ANSWER_FIELD, UnitFeedbackProcess.OBJECT));
        bots.confirmResults(id, "yuyuan");
        driver.runJobs();
        browser.logout();

        // and the office accepts it by changing the judgement of 2.3
        BigDecimal stored = evaluation.values(id, "waitan").get("2.3/interpretationQuality").value().path("score")
                .decimalValue();
        String newScore = stored.compareTo(new BigDecimal("2")) == 0 ? "0" : "2";
        browser.login("office01", "demo");
        browser.open("/app/feedback/" + id + "/waitan");
        browser.waitForText("待复核", "采纳并重新计分");
        new Select(browser.visible(By.cssSelector("form.accept select[name='v[2.3/interpretationQuality]']")))
                .selectByValue(newScore);
        browser.type(By.cssSelector("form.accept input[name='jr[2.3/interpretationQuality]']"), "复核后按图解和问答评分");
        browser.type(By.cssSelector("form.accept textarea[name=rulingReason]"), "单位补充的图解材料属实，予以采纳");
        browser.click(By.cssSelector("form.accept button[type=submit]"));
        String accepted = browser.waitForText("已采纳指标 2.3 的复核申请", "复核采纳：", "经复核调整", "得分调整为" + newScore + "分");
        browser.screenshot("feedback-accepted.png");
        bots.complete(CampaignBots.COORDINATOR_USER, List.of(Groups.COORDINATOR), UnitFeedbackProcess.REVIEW_OBJECTIONS,
                UnitFeedbackProcess.tasks(taskService, id, "waitan"), Map.of(UnitFeedbackProcess.CONFIRM_REVIEW, true));
        driver.runJobs();
        browser.logout();

        // then the unit's total changed by what 2.3 changed, in the round the leaders approve
        BigDecimal after = scoring.latest(id, "waitan").orElseThrow().total();
        Objection ruled = feedback.objections(id, "waitan").get(0);
        assertThat(after).isNotEqualByComparingTo(before)
                .isEqualByComparingTo(before.add(ruled.pointsAfter()).subtract(ruled.pointsBefore()));
        assertThat(accepted).contains("总分" + after.stripTrailingZeros().toPlainString() + "分");

        // and the leaders' results page shows the review per unit and in total
        browser.login("leader01", "demo");
        browser.open("/app/results/" + id);
        String results = browser.waitForText("意见反馈与复核（第1轮", "采纳1项", "复核后得分变化的单位1个");
        String waitanRow = browser.visible(By.cssSelector("#results tr[data-unit=waitan]")).getText();
        assertThat(waitanRow).contains("申请复核").contains(before.toPlainString()).contains(after.toPlainString());
        assertThat(results).contains("无异议1个");
        browser.screenshot("feedback-leader-summary.png");
        browser.logout();

        // and once approved and published, the public sheet marks 2.3 经复核调整 without the office's reason
        bots.approve(id);
        driver.runJobs();
        assertThat(campaigns.get(id).status()).isEqualTo(CampaignStatus.PUBLISHED);
        browser.open("/public/results/" + id + "/waitan");
        browser.waitForText("外滩街道评分说明", "经复核调整");
        assertThat(browser.driver().findElements(By.cssSelector(".badge.review-adjusted"))).hasSize(1);
        assertThat(browser.bodyText()).doesNotContain("单位补充的图解材料属实");
        browser.screenshot("feedback-published-sheet.png");

        // and on a phone the unit's feedback page does not scroll sideways
        browser.login("waitan01", "demo");
        ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
        browser.open("/app/feedback/" + id + "/waitan");
        browser.waitForText("复核采纳");
        assertThat((Long) browser.js("return document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo((Long) browser.js("return window.innerWidth"));
        browser.screenshot("feedback-phone.png");
    }
}
