package cn.huangpu.assessment.verification;

import cn.huangpu.assessment.support.ProcessLookup;
import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.support.Browser;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.support.WebIntegrationTest;
import cn.huangpu.assessment.workflow.SpecialistEvaluationProcess;
import cn.huangpu.assessment.workflow.UnitAssessmentProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The office's verification journey in real Chromium: the Tasklist forms' links open their pages before the
 * task is claimed (self-check, evaluation and verification alike), a refused finding comes back with the link
 * checks and what was typed, and the page reads on a phone without sideways scrolling. Screenshots go to
 * target/screenshots/.
 */
@WebIntegrationTest
class VerificationBrowserTests {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort int port;
    @Autowired CampaignStarter starter;
    @Autowired CampaignBots bots;
    @Autowired ProcessDriver driver;
    @Autowired TaskService taskService;
    @Autowired VerificationService verification;

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
    void theFormsLinksOpenTheirPagesBeforeTheTaskIsClaimed() {
        // given a campaign of 外滩街道 and 区财政局, nobody's task claimed
        Long id = campaign();
        Task selfCheck = ProcessLookup.unitTask(taskService, id, "waitan", UnitAssessmentProcess.SUBMIT_SELF_CHECK);
        Task deliver = ProcessLookup.evaluatorTask(taskService, id, "FINANCE", SpecialistEvaluationProcess.DELIVER);

        // when the unit opens its self-check task and follows the form's link without claiming, then the page opens
        followUnclaimed("waitan01", selfCheck, "打开自查填报页面");
        assertThat(browser.path()).startsWith("/app/self-check/" + id + "/waitan");
        browser.waitForText("外滩街道自查填报");
        assertUnclaimed(selfCheck);
        browser.logout();

        // and so for the evaluator's task
        followUnclaimed("eval-finance", deliver, "打开专项评估录入页面");
        assertThat(browser.path()).startsWith("/app/evaluation/" + id + "/FINANCE");
        assertUnclaimed(deliver);
        browser.logout();

        // and for the office's verification, once the unit has submitted
        bots.fillSelfCheck(id, "waitan", new Random(5));
        bots.submitSelfCheck(id, "waitan");
        driver.runJobs();
        Task verify = ProcessLookup.unitTask(taskService, id, "waitan", UnitAssessmentProcess.VERIFY);
        followUnclaimed("office01", verify, "打开网上核查页面");
        assertThat(browser.path()).startsWith("/app/verification/" + id + "/waitan");
        browser.waitForText("外滩街道网上核查");
        assertUnclaimed(verify);
    }

    @Test
    void aRefusedFindingComesBackWithTheLinkChecksAndWhatWasTyped() {
        // given a submitted self-check (its links queued for checking), and the coordinator on its verification page
        Long id = submittedCampaign();
        browser.login("office01", "demo");
        browser.open("/app/verification/" + id + "/waitan");
        waitForChecks("1.1");
        By note = By.cssSelector("#i-1\\.1 textarea[name=note]");

        // when she records a finding without its note, then the browser asks for the note before sending anything
        new Select(browser.visible(By.cssSelector("#i-1\\.1 select[name=kind]"))).selectByValue("STALE");
        browser.type(By.cssSelector("#i-1\\.1 input[name=url]"), "https://www.shhuangpu.gov.cn/zw/waitan/old");
        browser.click(By.xpath("//tr[@id='i-1.1']//button[normalize-space()='记录问题']"));
        assertThat(browser.path()).isEqualTo("/app/verification/" + id + "/waitan");
        assertThat(browser.js("return arguments[0].validity.valueMissing", browser.visible(note))).isEqualTo(true);

        // when a browser that does not check sends it all the same
        browser.js("arguments[0].required = false", browser.visible(note));
        browser.click(By.xpath("//tr[@id='i-1.1']//button[normalize-space()='记录问题']"));

        // then the refusal names the field, keeps what was typed, and the link checks are there as before
        browser.waitForText("核查问题未保存", "问题说明为必填项");
        assertThat(browser.path()).endsWith("/findings");
        waitForChecks("1.1");
        waitForChecks("4.1");
        assertThat(new Select(browser.visible(By.cssSelector("#i-1\\.1 select[name=kind]"))).getFirstSelectedOption()
                .getAttribute("value")).isEqualTo("STALE");
        assertThat(browser.visible(By.cssSelector("#i-1\\.1 input[name=url]")).getAttribute("value"))
                .isEqualTo("https://www.shhuangpu.gov.cn/zw/waitan/old");
        assertThat(browser.js("return document.activeElement === arguments[0]", browser.visible(note))).isEqualTo(true);
        assertThat(verification.findings(id, "waitan")).isEmpty();
        browser.screenshot("verification-refused.png");

        // and with the note added the finding is recorded
        browser.type(note, "年度报告未更新");
        browser.click(By.xpath("//tr[@id='i-1.1']//button[normalize-space()='记录问题']"));
        browser.waitUntil("finding listed on 1.1", d -> d.findElement(By.id("i-1.1")).getText()
                .contains("更新不及时：年度报告未更新") ? true : null);
    }

    @Test
    void onAPhoneThePageStacksIntoCardsWithoutSidewaysScrolling() {
        // given a submitted self-check with long links, and the coordinator on a phone 390 px wide
        Long id = submittedCampaign();
        browser.login("office01", "demo");
        ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));

        // when she opens the verification page and its link checks have loaded
        browser.open("/app/verification/" + id + "/waitan");
        waitForChecks("1.1");

        // then nothing scrolls sideways, and each indicator is a card whose parts keep their headings
        assertThat(browser.js("return window.innerWidth")).isEqualTo(390L);
        assertThat((Long) browser.js("return document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo((Long) browser.js("return window.innerWidth"));
        WebElement claims = browser.driver().findElement(By.cssSelector("#i-1\\.1 td[data-label='单位填报']"));
        assertThat(browser.js("return getComputedStyle(arguments[0], '::before').content", claims)).asString().contains("单位填报");
        WebElement findings = browser.driver().findElement(By.cssSelector("#i-1\\.1 td[data-label='核查问题']"));
        assertThat(findings.getRect().getY()).isGreaterThan(claims.getRect().getY());
        for (WebElement part : List.of(claims, findings,
                browser.driver().findElement(By.cssSelector("#checks-1\\.1 .card.check")),
                browser.driver().findElement(By.cssSelector("#i-1\\.1 textarea[name=note]")),
                browser.driver().findElement(By.cssSelector("#i-1\\.1 input[name=count]")))) {
            assertThat(part.getRect().getX() + part.getRect().getWidth()).isLessThanOrEqualTo(390);
        }
        browser.screenshot("verification-phone.png");

        // and a note listing three items line by line says, beside the empty count, that it will count three
        browser.type(By.cssSelector("#i-1\\.1 textarea[name=note]"), "领导分工未公开\n内设机构职能未公开\n联系电话未更新");
        browser.waitUntil("count hint", d -> d.findElement(By.cssSelector("#i-1\\.1 .count-hint")).getText()
                .equals("逐行列出了 3 项，将按 3 项记录") ? true : null);
        assertThat(browser.visible(By.cssSelector("#i-1\\.1 input[name=count]")).getAttribute("placeholder")).isEqualTo("3");
        assertThat((Long) browser.js("return document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo((Long) browser.js("return window.innerWidth"));
        browser.js("arguments[0].scrollIntoView({block: 'center'})",
                browser.visible(By.cssSelector("#i-1\\.1 form.finding-form")));
        browser.screenshot("verification-finding-count-phone.png");
    }

    /** A campaign of 外滩街道 and 区财政局 with their first tasks open. */
    private Long campaign() {
        Long id = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER).id();
        driver.runJobs();
        return id;
    }

    /** A campaign whose unit submitted every indicator, with long links, its verification open. */
    private Long submittedCampaign() {
        Long id = campaign();
        bots.fillSelfCheck(id, "waitan", new Random(7));
        bots.submitSelfCheck(id, "waitan");
        driver.runJobs();
        return id;
    }

    private void followUnclaimed(String user, Task task, String link) {
        browser.login(user, "demo");
        browser.openTasklist();
        browser.selectFilter("本单位待办");
        browser.taskNames(task.getName());
        browser.openTask(task.getId(), task.getName());
        assertThat(browser.driver().findElements(By.cssSelector(".task-details .task-card button.claim"))).isNotEmpty();
        browser.followFormLink(link);
        browser.waitUntil("page loaded", d -> "complete".equals(browser.js("return document.readyState")) ? true : null);
    }

    /** Following a link claims nothing. */
    private void assertUnclaimed(Task task) {
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
    }

    private void waitForChecks(String indicator) {
        browser.waitUntil("link checks of " + indicator + " loaded", d -> d.findElement(By.id("checks-" + indicator))
                .getText().contains("链接检查") ? true : null);
    }

}
