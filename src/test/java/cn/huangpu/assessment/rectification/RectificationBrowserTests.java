package cn.huangpu.assessment.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.linkcheck.LocalSites;
import cn.huangpu.assessment.rectification.RectificationScenario.PlannedFinding;
import cn.huangpu.assessment.security.Groups;
import cn.huangpu.assessment.support.Browser;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.support.WebIntegrationTest;
import cn.huangpu.assessment.verification.FindingKind;
import cn.huangpu.assessment.workflow.RectificationProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Rectification in real Chromium, with the background link checker running against a local site: the unit fixes a
 * broken link on its rectification page, the re-check proposes it fixed, the office accepts it, the dashboard's
 * counts change, and the next campaign's 5.5 input shows the unit's record and the suggested score. Screenshots go
 * to target/screenshots/.
 */
@WebIntegrationTest
class RectificationBrowserTests {

    static final String SITE = "127.0.0.1";
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static LocalSites sites;

    @BeforeAll
    static void chromiumInstalledAndASiteUp() throws Exception {
        Assumptions.assumeTrue(Browser.available(), Browser.unavailableReason());
        sites = new LocalSites(SITE);
    }

    @AfterAll
    static void stopSite() {
        if (sites != null) {
            sites.close();
        }
    }

    /** As linkcheck/RecheckBrowserTests, so that both share one application context. */
    @DynamicPropertySource
    static void checkerRunning(DynamicPropertyRegistry registry) {
        registry.add("assessment.link-check.worker-enabled", () -> "true");
        registry.add("assessment.link-check.poll-interval", () -> "200ms");
        registry.add("assessment.link-check.allowed-hosts", () -> SITE);
        registry.add("assessment.link-check.allowed-addresses", () -> SITE);
    }

    @LocalServerPort int port;
    @Autowired RectificationScenario scenario;
    @Autowired RectificationService rectification;
    @Autowired CampaignStarter starter;
    @Autowired CampaignService campaigns;
    @Autowired CampaignBots bots;
    @Autowired ProcessDriver driver;
    @Autowired TaskService taskService;

    Browser browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aUnitFixesABrokenLinkTheRecheckProposesItFixedAndTheOfficeAccepts() throws Exception {
        // given published results in which 外滩街道 lost a point for a broken link on 1.1
        Long id = scenario.published(List.of("waitan"), List.of(new PlannedFinding("waitan", "1.1", "missingOrStaleItems",
                FindingKind.BROKEN_LINK, "机构职能页面打不开", sites.url(SITE, "/missing/jgzn"))), List.of()).id();
        Long item = rectification.items(id, "waitan").get(0).id();

        // when the office opens the dashboard, then its rectification stage counts one open item
        browser = new Browser("http://localhost:" + port, SCREENSHOTS);
        browser.login("office01", "demo");
        browser.open("/app/campaigns/" + id + "/dashboard");
        browser.waitUntil("rectification stage", d -> d.findElement(By.id("rectification-items")).getText().equals("1") ? true : null);
        assertThat(browser.driver().findElement(By.id("rectification-fixed")).getText()).isEqualTo("0");
        assertThat(browser.driver().findElement(By.id("rectification-open")).getText()).isEqualTo("1");
        browser.logout();

        // when the unit reports the link fixed on its rectification page, with the new address
        browser.login("waitan01", "demo");
        browser.open("/app/rectification/" + id + "/waitan");
        browser.waitForText("机构职能页面打不开", "待整改");
        WebElement form = browser.visible(By.cssSelector("#item-" + item + " form.report-form"));
        form.findElement(By.cssSelector("input[value=FIXED]")).click();
        form.findElement(By.name("note")).sendKeys("已恢复机构职能页面");
        form.findElement(By.name("link")).sendKeys(sites.url(SITE, "/ok/waitan-jgzn"));
        browser.screenshot("rectification-report.png");
        form.findElement(By.xpath(".//button[normalize-space()='保存']")).click();
        browser.waitForText("已整改：已恢复机构职能页面");
        // and hands it in (落实整改 completed, as from the Tasklist)
        bots.complete("waitan01", List.of(Groups.unit("waitan")), RectificationProcess.RECTIFY,
                RectificationProcess.tasks(taskService, id, "waitan"), Map.of(RectificationProcess.CONFIRM_REPORTED, true));
        driver.runJobs();
        browser.logout();

        // then the office sees the automatic re-check propose it fixed
        browser.login("office01", "demo");
        browser.open("/app/rectification/" + id + "/waitan");
        browser.waitUntil("re-check done", Duration.ofSeconds(30), d -> {
            d.navigate().refresh();
            return d.findElement(By.cssSelector("#item-" + item + " .proposal")).getText().contains("建议通过") ? true : null;
        });
        browser.screenshot("rectification-proposed-fixed.png");

        // when it accepts the item and completes 复核整改
        browser.click(By.xpath("//tr[@id='item-" + item + "']//button[normalize-space()='通过']"));
        browser.waitUntil("accepted", d -> d.findElement(By.cssSelector("#item-" + item + " .item-status")).getText()
                .equals("已整改") ? true : null);
        bots.complete(CampaignBots.COORDINATOR_USER, List.of(Groups.COORDINATOR), RectificationProcess.REVIEW,
                RectificationProcess.tasks(taskService, id, "waitan"), Map.of(RectificationProcess.CONFIRM_REVIEWED, true));
        driver.runJobs();

        // then the dashboard counts it fixed, and the campaign is no longer 整改中
        browser.open("/app/campaigns/" + id + "/dashboard");
        browser.waitUntil("counts changed", d -> d.findElement(By.id("rectification-fixed")).getText().equals("1") ? true : null);
        assertThat(browser.driver().findElement(By.id("rectification-open")).getText()).isEqualTo("0");
        assertThat(browser.bodyText()).doesNotContain("整改中");
        browser.scrollIntoView(browser.visible(By.id("rectification-stage")));
        browser.screenshot("dashboard-rectification.png");

        // when the next campaign opens, then the office's input for 5.5 shows the record and the suggested score
        int year = campaigns.get(id).year();
        Long next = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null, List.of("waitan"),
                List.of()), CampaignBots.COORDINATOR_USER).id();
        driver.runJobs();
        browser.open("/app/comprehensive/" + next + "/waitan");
        browser.waitForText(year + "年度整改情况：整改项1项，按期整改1项（按期整改率100%），未整改关闭0项，逾期0天",
                "按指标目录规则建议得分：1分");
        browser.scrollIntoView(browser.visible(By.cssSelector(".suggestion")));
        browser.screenshot("comprehensive-rectification-record.png");
    }
}
