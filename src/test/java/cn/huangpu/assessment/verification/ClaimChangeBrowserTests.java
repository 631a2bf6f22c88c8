package cn.huangpu.assessment.verification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.catalogue.Indicator;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.selfcheck.SelfCheckService;
import cn.huangpu.assessment.selfcheck.SelfCheckService.Draft;
import cn.huangpu.assessment.support.Browser;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.support.WebIntegrationTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A unit's request to change its 不涉及 claim after submission and the office's answer, in real Chromium: from the
 * self-check page's link to the request page on a phone 390 px wide (no sideways scrolling), the request on the
 * verification page, granted with a reason, and the answer on the unit's page. Screenshots go to target/screenshots/.
 */
@WebIntegrationTest
class ClaimChangeBrowserTests {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort int port;
    @Autowired CampaignStarter starter;
    @Autowired CampaignBots bots;
    @Autowired ProcessDriver driver;
    @Autowired SelfCheckService selfChecks;

    Browser browser;

    @BeforeAll
    static void chromiumInstalled() {
        Assumptions.assumeTrue(Browser.available(), Browser.unavailableReason());
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aUnitAsksOnAPhoneAndReadsTheOfficesAnswer() {
        // given 外滩街道's submitted self-check, and its staff on a phone 390 px wide on the self-check page
        Long id = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER).id();
        driver.runJobs();
        Map<String, Draft> drafts = new LinkedHashMap<>();
        for (Indicator indicator : selfChecks.catalogue(id).indicators()) {
            drafts.put(indicator.code(), new Draft("已按要求完成" + indicator.name() + "相关工作。",
                    "https://www.shhuangpu.gov.cn/zw/waitan/" + indicator.code(), false));
        }
        selfChecks.saveDraft(id, "waitan", drafts, "waitan01");
        bots.submitSelfCheck(id, "waitan");
        driver.runJobs();
        browser = new Browser("http://localhost:" + port, SCREENSHOTS);
        browser.login("waitan01", "demo");
        ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
        browser.open("/app/self-check/" + id + "/waitan");

        // when it follows the link to change its 不涉及 claims and asks, with its reason, for 4.12
        browser.click(By.linkText("更改“不涉及”申报"));
        browser.waitForText("“不涉及”申报的更改", "依申请办理流程");
        assertThat((Long) browser.js("return document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo((Long) browser.js("return window.innerWidth"));
        String row = "//tr[@id='i-4.12']";
        assertThat(browser.driver().findElement(By.xpath(row + "//form//button")).getText()).isEqualTo("申请按“不涉及”计分");
        browser.type(By.xpath(row + "//textarea[@name='reason']"), "本年度未收到政府信息公开申请");
        browser.scrollIntoView(browser.driver().findElement(By.xpath(row)));
        browser.screenshot("claim-change-phone.png");
        browser.click(By.xpath(row + "//form//button"));

        // then the page says it was sent and the row waits for the office, still without sideways scrolling
        browser.waitForText("已向区政府办公室提交指标 4.12 的更改申请");
        assertThat(browser.driver().findElement(By.xpath(row)).getText()).contains("待办理", "已申请，等待区政府办公室办理");
        assertThat((Long) browser.js("return document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo((Long) browser.js("return window.innerWidth"));
        browser.logout();

        // when the coordinator grants it on the verification page with a reason
        browser.login("office01", "demo");
        browser.open("/app/verification/" + id + "/waitan");
        browser.waitForText("单位的更改申请", "本年度未收到政府信息公开申请");
        browser.type(By.cssSelector("#claim-changes form textarea[name=reason]"), "经核实本年度未收到申请");
        browser.screenshot("claim-change-office.png");
        browser.click(By.cssSelector("#claim-changes form button[value=GRANT]"));
        browser.waitUntil("request granted", d -> d.findElement(By.id("claim-changes")).getText().contains("已同意")
                ? true : null);
        browser.logout();

        // then the unit reads the answer and how 4.12 is priced now
        browser.login("waitan01", "demo");
        browser.open("/app/claim-changes/" + id + "/waitan");
        String answered = browser.driver().findElement(By.xpath(row)).getText();
        assertThat(answered).contains("不涉及（区政府办公室认定）", "已同意", "经核实本年度未收到申请");
        browser.screenshot("claim-change-answered-phone.png");
    }
}
