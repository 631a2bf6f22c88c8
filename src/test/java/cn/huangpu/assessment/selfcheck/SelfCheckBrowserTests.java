package cn.huangpu.assessment.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.catalogue.Indicator;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.selfcheck.SelfCheckService.Draft;
import cn.huangpu.assessment.support.Browser;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.support.WebIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The self-check page in real Chromium as a unit's clerk uses it over several days: uploading a file keeps (and
 * saves) the text typed in other rows; leaving with unsaved text asks first; the missing list leads to the rows and
 * the progress figure follows the saves; the save button is always in view; a phone shows it without sideways
 * scrolling. Screenshots go to target/screenshots/.
 */
@WebIntegrationTest
class SelfCheckBrowserTests {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort int port;
    @Autowired CampaignStarter starter;
    @Autowired SelfCheckService selfChecks;
    @Autowired CampaignBots bots;
    @Autowired ProcessDriver driver;
    Long campaign;
    String page;
    List<Indicator> indicators;
    Browser browser;
    Path evidence;

    @BeforeAll
    static void chromiumInstalled() {
        Assumptions.assumeTrue(Browser.available(), Browser.unavailableReason());
    }

    @BeforeEach
    void openCampaignAndLogIn() {
        campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER).id();
        page = "/app/self-check/" + campaign + "/waitan";
        indicators = selfChecks.catalogue(campaign).indicators();
        browser = new Browser("http://localhost:" + port, SCREENSHOTS);
    }

    @AfterEach
    void close() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (evidence != null) {
            Files.deleteIfExists(evidence);
        }
    }

    @Test
    void uploadingAFileKeepsAndSavesTheTextTypedInOtherRows() throws Exception {
        // given text typed into two rows, not saved
        browser.login("waitan01", "demo");
        browser.open(page);
        browser.type(completion("1.1"), "已按季度更新主动公开目录，并在门户网站公开。");
        browser.type(completion("1.2"), "已按要求公开年度工作报告。");
        evidence = Files.createTempFile("公开目录-", ".pdf");
        Files.write(evidence, "%PDF-1.4 公开目录".getBytes(StandardCharsets.UTF_8));

        // when a file is chosen for 1.1 and uploaded with its row's button
        browser.driver().findElement(By.cssSelector("tr[id='i-1.1'] input[type=file]"))
                .sendKeys(evidence.toAbsolutePath().toString());
        browser.click(By.xpath("//tr[@id='i-1.1']//button[normalize-space()='上传']"));
        browser.waitForText("附件已上传");

        // then the page is back at the row with both texts still in their boxes, and both are saved with the file
        assertThat(browser.path()).isEqualTo(page + "#i-1.1");
        assertThat(browser.visible(completion("1.1")).getAttribute("value")).isEqualTo("已按季度更新主动公开目录，并在门户网站公开。");
        assertThat(browser.visible(completion("1.2")).getAttribute("value")).isEqualTo("已按要求公开年度工作报告。");
        Map<String, SelfCheckAnswer> stored = selfChecks.entries(campaign, "waitan");
        assertThat(stored.get("1.1").completion()).isEqualTo("已按季度更新主动公开目录，并在门户网站公开。");
        assertThat(stored.get("1.2").completion()).isEqualTo("已按要求公开年度工作报告。");
        assertThat(selfChecks.files(campaign, "waitan")).extracting(EvidenceFileInfo::indicatorCode).containsExactly("1.1");
        assertThat(browser.driver().findElement(By.id("i-1.1")).getText()).contains(evidence.getFileName().toString());
    }

    @Test
    void savingTheDraftWithAFileChosenUploadsTheFileToo() throws Exception {
        // given text typed into 1.1 and a file chosen for 1.2, not uploaded
        browser.login("waitan01", "demo");
        browser.open(page);
        browser.type(completion("1.1"), "已按季度更新主动公开目录。");
        evidence = Files.createTempFile("年度报告-", ".pdf");
        Files.write(evidence, "%PDF-1.4 年度报告".getBytes(StandardCharsets.UTF_8));
        browser.driver().findElement(By.cssSelector("tr[id='i-1.2'] input[type=file]"))
                .sendKeys(evidence.toAbsolutePath().toString());

        // when 保存草稿 is clicked
        browser.click(By.xpath("//button[normalize-space()='保存草稿']"));
        browser.waitForText("附件已上传");

        // then the text is saved and the chosen file is not left behind
        assertThat(selfChecks.entries(campaign, "waitan").get("1.1").completion()).isEqualTo("已按季度更新主动公开目录。");
        assertThat(selfChecks.files(campaign, "waitan")).extracting(EvidenceFileInfo::indicatorCode).containsExactly("1.2");
    }

    @Test
    void filesTooLargeTogetherForOneUploadAreRefusedBeforeTheyAreSentWithTheTextKept() throws Exception {
        // given text typed, and two files of 6 MB chosen in two rows: each within 10 MB, together over one upload
        browser.login("waitan01", "demo");
        browser.open(page);
        browser.type(completion("1.1"), "已按季度更新主动公开目录。");
        evidence = Files.createTempFile("扫描件-", ".pdf");
        Files.write(evidence, new byte[6 * 1024 * 1024]);
        for (String code : List.of("1.1", "1.2")) {
            browser.driver().findElement(By.cssSelector("tr[id='i-" + code + "'] input[type=file]"))
                    .sendKeys(evidence.toAbsolutePath().toString());
        }

        // when 上传 is clicked
        browser.click(By.xpath("//tr[@id='i-1.1']//button[normalize-space()='上传']"));

        // then the page says why and stays, with the text; nothing was sent
        WebElement field = browser.driver().findElement(By.cssSelector("tr[id='i-1.1'] input[type=file]"));
        assertThat((String) browser.js("return arguments[0].validationMessage;", field))
                .startsWith("所选文件合计12.0MB").contains("请分几次上传");
        assertThat(browser.path()).isEqualTo(page);
        assertThat(browser.visible(completion("1.1")).getAttribute("value")).isEqualTo("已按季度更新主动公开目录。");
        assertThat(selfChecks.entries(campaign, "waitan")).isEmpty();
        assertThat(selfChecks.files(campaign, "waitan")).isEmpty();
    }

    @Test
    void leavingWithUnsavedTextAsksFirstAndLeavingAfterSavingDoesNot() throws Exception {
        // given text typed into a row (a real key press: a browser asks before leaving only after one), in a
        // browser that leaves the question open for the test
        browser.close();
        browser = new Browser("http://localhost:" + port, SCREENSHOTS, true);
        browser.login("waitan01", "demo");
        browser.open(page);
        browser.type(completion("1.1"), "已按季度更新主动公开目录。");

        // when the header's link to 工作台 is clicked
        browser.click(By.xpath("//header//a[normalize-space()='工作台']"));

        // then the browser asks whether to leave; staying keeps the page and the text
        Alert leave = browser.waitUntil("the browser asks before leaving", ExpectedConditions.alertIsPresent());
        leave.dismiss();
        assertThat(browser.path()).isEqualTo(page);
        assertThat(browser.visible(completion("1.1")).getAttribute("value")).isEqualTo("已按季度更新主动公开目录。");

        // when the draft is saved (the save itself leaves the page without asking), and then 工作台 is clicked
        browser.click(By.xpath("//button[normalize-space()='保存草稿']"));
        browser.waitForText("草稿已保存");
        assertThat(selfChecks.entries(campaign, "waitan").get("1.1").completion()).isEqualTo("已按季度更新主动公开目录。");
        browser.click(By.xpath("//header//a[normalize-space()='工作台']"));

        // then it goes there without asking
        assertThatThrownBy(() -> browser.waitUntil("no question before leaving a saved page", Duration.ofSeconds(2),
                ExpectedConditions.alertIsPresent())).isInstanceOf(TimeoutException.class);
        browser.waitUntil("工作台 reached", d -> browser.path().equals("/app") ? true : null);
    }

    @Test
    void theMissingListLeadsToTheRowsAndTheProgressFigureFollowsTheSaves() throws Exception {
        // given a fresh self-check: nothing filled in
        browser.login("waitan01", "demo");
        browser.open(page);
        assertThat(browser.visible(By.cssSelector(".sc-save-bar .progress-figure")).getText())
                .isEqualTo("已填 0/" + indicators.size());
        // the long list is folded, so that the first screen shows the rows, not the list
        WebElement firstRow = browser.driver().findElement(By.id("i-1.1"));
        assertThat((double) firstRow.getRect().getY()).isLessThan(innerHeight());

        // when a section is folded, and the missing list's link to an indicator in it is clicked
        Indicator deep = indicators.get(30);
        String section = (String) browser.js("return document.getElementById(arguments[0]).closest('details').id",
                "i-" + deep.code());
        browser.click(By.cssSelector("details#" + section + " > summary"));
        assertThat(browser.driver().findElement(By.id("i-" + deep.code())).isDisplayed()).isFalse();
        browser.click(By.xpath("//div[contains(@class,'sc-save-bar')]//a[normalize-space()='查看未填项']"));
        assertThat(browser.driver().findElement(By.id("missing")).getDomProperty("open")).isEqualTo("true");
        browser.click(By.cssSelector("#missing a.sc-chip[href='#i-" + deep.code() + "']"));

        // then the section opens and the row is at the top of the screen
        WebElement row = browser.visible(By.id("i-" + deep.code()));
        assertThat(browser.js("return location.hash")).isEqualTo("#i-" + deep.code());
        browser.waitUntil("the row scrolled into view", d -> {
            double top = ((Number) browser.js("return arguments[0].getBoundingClientRect().top", row)).doubleValue();
            return top >= 0 && top < 200 ? true : null;
        });

        // when 1.1 is filled in completely (a completion and a link) and saved
        browser.type(completion("1.1"), "已按季度更新主动公开目录。");
        browser.type(By.name("links[1.1]"), "https://www.shhuangpu.gov.cn/zw/gkml");
        browser.click(By.xpath("//button[normalize-space()='保存草稿']"));
        browser.waitForText("草稿已保存");

        // then the figure, the section's count and the missing list say so
        assertThat(browser.visible(By.cssSelector(".sc-save-bar .progress-figure")).getText())
                .isEqualTo("已填 1/" + indicators.size());
        assertThat(browser.driver().findElement(By.cssSelector("details#s-1 .sc-section-count")).getText())
                .startsWith("已填 1/");
        assertThat(browser.driver().findElements(By.cssSelector("#missing a.sc-chip[href='#i-1.1']"))).isEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("#missing a.sc-chip"))).hasSize(indicators.size() - 1);
        browser.scrollToTop();
        browser.screenshot("self-check-progress.png");
    }

    @Test
    void theSaveButtonIsInViewWhereverThePageIsScrolled() throws Exception {
        // given the page of all indicators, many screens long
        browser.login("waitan01", "demo");
        browser.open(page);
        assertThat(((Number) browser.js("return document.documentElement.scrollHeight")).doubleValue())
                .isGreaterThan(3 * innerHeight());

        // then 保存草稿 is on screen at the top, in the middle and at the end of the page
        for (String scroll : List.of("0", "document.documentElement.scrollHeight / 2", "document.documentElement.scrollHeight")) {
            browser.js("window.scrollTo(0, " + scroll + ")");
            WebElement save = browser.driver().findElement(By.xpath("//button[normalize-space()='保存草稿']"));
            double top = ((Number) browser.js("return arguments[0].getBoundingClientRect().top", save)).doubleValue();
            double bottom = ((Number) browser.js("return arguments[0].getBoundingClientRect().bottom", save)).doubleValue();
            assertThat(top).as("scrolled to " + scroll).isGreaterThanOrEqualTo(0);
            assertThat(bottom).as("scrolled to " + scroll).isLessThanOrEqualTo(innerHeight());
        }
    }

    @Test
    void onAPhoneThePageDoesNotScrollSidewaysAndTheTextBoxIsWide() throws Exception {
        // given a self-check with long answers: a long link without spaces, a long file name
        String longLink = "https://www.shhuangpu.gov.cn/zw/" + "gongkaimulu".repeat(60);
        selfChecks.saveDraft(campaign, "waitan", Map.of("1.1", new Draft("已公开。".repeat(50), longLink, false)), "waitan01");
        selfChecks.upload(campaign, "waitan", "1.1", "关于本单位二〇二三年度政务公开工作情况的书面报告及附件材料.pdf",
                "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII), "waitan01");
        phone();

        // when the unit's clerk opens the page on a phone 390 px wide
        browser.login("waitan01", "demo");
        browser.open(page);
        browser.waitForText("自查填报");
        assertThat(browser.js("return window.innerWidth")).isEqualTo(390L);

        // then nothing scrolls sideways, the completion box takes the card's width, the save bar stays on screen
        assertNoSidewaysScrolling();
        assertThat(browser.visible(completion("1.2")).getRect().getWidth()).isGreaterThan(300);
        WebElement save = browser.driver().findElement(By.xpath("//button[normalize-space()='保存草稿']"));
        assertThat(save.getRect().getX() + save.getRect().getWidth()).isLessThanOrEqualTo(390);
        double bottom = ((Number) browser.js("return arguments[0].getBoundingClientRect().bottom", save)).doubleValue();
        assertThat(bottom).isLessThanOrEqualTo(innerHeight());
        browser.screenshot("self-check-phone.png");

        // and a refused save, the reasons listed above the rows, does not scroll sideways either
        browser.type(completion("1.2"), "字");
        browser.js("arguments[0].removeAttribute('maxlength'); arguments[0].value = '字'.repeat(4001);",
                browser.visible(completion("1.2")));
        browser.type(By.name("links[1.3]"), "ftp://" + "x".repeat(300));
        browser.click(By.xpath("//button[normalize-space()='保存草稿']"));
        browser.waitForText("完成情况最多4000字", "证明链接须为以 http:// 或 https:// 开头的网址");
        assertNoSidewaysScrolling();
    }

    @Test
    void onAPhoneTheSubmittedSelfCheckReadsAsTextWithoutEditingControls() throws Exception {
        // given a submitted self-check with a long link
        driver.runJobs();
        bots.fillSelfCheck(campaign, "waitan", new Random(3));
        String longLink = "https://www.shhuangpu.gov.cn/zw/" + "gongkaimulu".repeat(60) + " 主动公开目录";
        selfChecks.saveDraft(campaign, "waitan", Map.of("1.1", new Draft("已公开。".repeat(50), longLink, false)), "waitan01");
        bots.submitSelfCheck(campaign, "waitan");
        phone();

        // when the unit and then the office read it on a phone
        for (String reader : List.of("waitan01", "office01")) {
            browser.login(reader, "demo");
            browser.open(page);
            browser.waitForText("当前为只读", "已填 " + indicators.size() + "/" + indicators.size());

            // then it reads as text: no boxes, no upload, no save button, links as links; nothing scrolls sideways
            assertThat(browser.driver().findElements(By.cssSelector("textarea, input[type=file], input[type=checkbox], .sc-save-bar")))
                    .as(reader).isEmpty();
            assertThat(browser.driver().findElements(By.xpath("//button[normalize-space()='保存草稿' or normalize-space()='上传']")))
                    .as(reader).isEmpty();
            assertThat(browser.driver().findElement(By.cssSelector("tr[id='i-1.1'] a[href='" + longLink.split(" ")[0] + "']"))
                    .isDisplayed()).isTrue();
            assertThat(browser.driver().findElement(By.id("i-1.1")).getText()).contains("（关键词：主动公开目录）");
            assertNoSidewaysScrolling();
            browser.screenshot("self-check-phone-read-only-" + reader + ".png");
            browser.logout();
        }
    }

    private void phone() {
        ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
    }

    private void assertNoSidewaysScrolling() {
        assertThat((Long) browser.js("return document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo((Long) browser.js("return window.innerWidth"));
    }

    private double innerHeight() {
        return ((Number) browser.js("return window.innerHeight")).doubleValue();
    }

    private static By completion(String code) {
        return By.name("completion[" + code + "]");
    }
}
