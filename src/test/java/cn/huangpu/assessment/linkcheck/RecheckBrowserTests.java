package cn.huangpu.assessment.linkcheck;

import cn.huangpu.assessment.linkcheck.internal.LinkCheck;
import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.catalogue.Indicator;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.selfcheck.SelfCheckService.Draft;
import cn.huangpu.assessment.selfcheck.SelfCheckService;
import cn.huangpu.assessment.support.Browser;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.support.WebIntegrationTest;
import cn.huangpu.assessment.web.DisplayTime;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * 重新检查 on the verification page in real Chromium, with the background checker running against a local
 * site: a re-check of one link shows that it runs and then its new result with the time of the check; a
 * re-check of all the unit's links counts them down and then says how many have problems; a refused re-check
 * says why beside its button. Screenshots go to target/screenshots/.
 */
@WebIntegrationTest
class RecheckBrowserTests {

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

    @DynamicPropertySource
    static void checkerRunning(DynamicPropertyRegistry registry) {
        registry.add("assessment.link-check.worker-enabled", () -> "true");
        registry.add("assessment.link-check.poll-interval", () -> "200ms");
        registry.add("assessment.link-check.allowed-hosts", () -> SITE);
        registry.add("assessment.link-check.allowed-addresses", () -> SITE);
    }

    @LocalServerPort int port;
    @Autowired CampaignStarter starter;
    @Autowired ProcessDriver driver;
    @Autowired CampaignBots bots;
    @Autowired SelfCheckService selfChecks;
    @Autowired LinkCheckService linkChecks;
    @Autowired CampaignService campaigns;
    @Autowired DisplayTime time;

    Browser browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aRecheckShowsThatItRunsAndThenTheNewResultWithItsTime() throws Exception {
        // given 外滩街道's links checked: all good pages with the keyword they name, but 1.1's page is missing
        Long id = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER).id();
        driver.runJobs();
        List<Indicator> indicators = selfChecks.catalogue(id).indicators();
        Map<String, Draft> drafts = new LinkedHashMap<>();
        for (Indicator indicator : indicators) {
            String page = (indicator.code().equals("1.1") ? "/missing/" : "/ok/") + "waitan-" + indicator.code();
            drafts.put(indicator.code(), new Draft("已按要求完成", sites.url(SITE, page) + " 机构职能信息", false));
        }
        selfChecks.saveDraft(id, "waitan", drafts, CampaignBots.unitUser("waitan"));
        bots.submitSelfCheck(id, "waitan");
        driver.runJobs();
        int total = indicators.size();
        waitUntilChecked(id);
        Instant firstChecked = check(id, "1.3").getCheckedAt();

        // when the coordinator opens the page, then the summary counts the problems
        browser = new Browser("http://localhost:" + port, SCREENSHOTS);
        browser.login("office01", "demo");
        browser.open("/app/verification/" + id + "/waitan");
        browser.waitForText("自动检查结果：" + total + " 条链接中 1 条有问题。");

        // when she re-checks 1.3's link with a keyword its page does not show
        WebElement card = browser.visible(By.cssSelector("#checks-1\\.3 .card.check"));
        WebElement keyword = card.findElement(By.name("keyword"));
        keyword.clear();
        keyword.sendKeys("行政执法公示");
        card.findElement(By.xpath(".//button[normalize-space()='重新检查']")).click();

        // then the card says the check is running, and then shows the new result with the time it was checked
        browser.waitUntil("re-check running", d -> d.findElement(By.cssSelector("#checks-1\\.3 .check-status"))
                .getText().contains("正在重新检查") ? true : null);
        browser.screenshot("recheck-running.png");
        String done = browser.waitUntil("re-check done", Duration.ofSeconds(30), d -> {
            String text = d.findElement(By.cssSelector("#checks-1\\.3 .check-status")).getText();
            return text.startsWith("已重新检查") ? text : null;
        });
        LinkCheck rechecked = check(id, "1.3");
        assertThat(rechecked.getCheckedAt()).isAfter(firstChecked);
        assertThat(done).isEqualTo("已重新检查：疑似错链（" + format(rechecked.getCheckedAt()) + "）");
        assertThat(browser.driver().findElement(By.cssSelector("#checks-1\\.3 .card.check")).getText())
                .contains("关键词“行政执法公示”：无", format(rechecked.getCheckedAt()) + " 检查");
        browser.screenshot("recheck-done.png");

        // when she re-checks all the unit's links
        browser.click(By.xpath("//button[normalize-space()='重新检查本单位全部证明链接']"));

        // then the summary says they are being checked, and then how many of them have problems
        browser.waitUntil("all being re-checked", d -> d.findElement(By.id("link-check-summary")).getText()
                .contains("正在重新检查证明链接：共 " + total + " 条") ? true : null);
        browser.waitUntil("all re-checked", Duration.ofSeconds(60), d -> d.findElement(By.id("link-check-summary"))
                .getText().equals("已重新检查，" + total + " 条链接中 2 条有问题。") ? true : null);
        assertThat(linkChecks.checks(id, "waitan")).allSatisfy(c -> assertThat(c.getCheckedAt()).isAfter(firstChecked));

        // when a re-check is refused (a keyword over the limit, past the box's own limit), then it says why beside its button
        WebElement box = browser.visible(By.cssSelector("#checks-1\\.2 input[name=keyword]"));
        browser.js("arguments[0].removeAttribute('maxlength'); arguments[0].value = '很'.repeat(201);", box);
        browser.driver().findElement(By.xpath("//div[@id='checks-1.2']//button[normalize-space()='重新检查']")).click();
        browser.waitUntil("refusal shown", d -> d.findElement(By.cssSelector("#checks-1\\.2 .request-error"))
                .getText().contains("关键词不能超过200个字") ? true : null);
        assertThat(browser.driver().findElements(By.id("request-error"))).isEmpty();
        browser.screenshot("recheck-refused.png");
    }

    private void waitUntilChecked(Long id) throws InterruptedException {
        for (int i = 0; i < 300 && linkChecks.checks(id, "waitan").stream().anyMatch(LinkCheck::isAwaitingResult); i++) {
            Thread.sleep(100);
        }
        assertThat(linkChecks.checks(id, "waitan")).noneMatch(LinkCheck::isAwaitingResult);
    }

    private LinkCheck check(Long id, String indicator) {
        return linkChecks.checks(id, "waitan").stream().filter(c -> c.getIndicatorCode().equals(indicator))
                .findFirst().orElseThrow();
    }

    private String format(Instant instant) {
        return time.format(instant);
    }
}
