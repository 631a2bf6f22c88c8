package cn.huangpu.assessment.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.directory.Unit;
import cn.huangpu.assessment.directory.ReferenceData;
import cn.huangpu.assessment.directory.Evaluator;
import cn.huangpu.assessment.security.Groups;
import cn.huangpu.assessment.support.Browser;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.ProcessLookup;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.support.WebIntegrationTest;
import cn.huangpu.assessment.workflow.SpecialistEvaluationProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.WheelInput;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The lists of units in real Chromium, on a campaign of all 47 units and 11 evaluators past its self-check
 * deadline: the filter box narrows a list by name, the header row stays on screen while the list scrolls, and on
 * a phone the dashboard never scrolls sideways (its wide matrix scrolls in its own box).
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnitListsBrowserTests {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort int port;
    @Autowired CampaignStarter starter;
    @Autowired ProcessDriver driver;
    @Autowired ReferenceData referenceData;
    @Autowired CampaignBots bots;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;

    Long everyone;
    final List<Long> opened = new ArrayList<>();
    Browser browser;

    @BeforeAll
    void chromiumInstalled() {
        Assumptions.assumeTrue(Browser.available(), Browser.unavailableReason());
    }

    /** One campaign of every unit and evaluator, all overdue, shared by the tests (none changes it). */
    @BeforeEach
    void campaignOfEveryUnit() {
        if (everyone == null) {
            CampaignInfo campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                    referenceData.activeUnits().stream().map(Unit::code).toList(),
                    referenceData.evaluators().stream().map(Evaluator::code).toList()),
                    CampaignBots.COORDINATOR_USER);
            driver.runJobs();
            try {
                ClockUtil.setCurrentTime(Date.from(campaign.dates().selfCheckDue().plusSeconds(3600)));
                driver.runJobs();
            } finally {
                ClockUtil.reset();
            }
            everyone = campaign.id();
            opened.add(everyone);
        }
        browser = new Browser("http://localhost:" + port, SCREENSHOTS);
        browser.login("office01", "demo");
    }

    @AfterEach
    void close() {
        ClockUtil.reset();
        if (browser != null) {
            browser.close();
        }
    }

    /**
     * The campaigns' processes end here: the tests of this context share one database, and 58 chase tasks of the
     * coordinator, created on a clock years ahead, would head every later test's Tasklist (sorted by creation).
     */
    @AfterAll
    void endTheCampaignsProcesses() {
        for (Long id : opened) {
            // the campaign's own instance, each unit's and evaluator's: all hold the campaign id; only root
            // instances: deleting one deletes the deadline it called
            List<String> instances = new ArrayList<>();
            ProcessLookup.allInstances(runtimeService, id).rootProcessInstances().list()
                    .forEach(p -> instances.add(p.getId()));
            runtimeService.deleteProcessInstancesIfExists(instances, "browser test over", true, true, false);
        }
    }

    @Test
    void theFilterBoxShowsOnlyTheUnitsWhoseNameMatches() {
        // given the dashboard's matrix of 47 units, 委办局 first, then 街道
        openDashboard();
        assertThat(shownUnits()).hasSize(47);
        assertThat(browser.driver().findElements(By.cssSelector("#matrix tr.group-head"))).extracting(WebElement::getText)
                .containsExactly("委办局（37）", "街道（10）");
        WebElement query = browser.visible(By.cssSelector("[data-unit-filter=matrix] input[type=search]"));
        assertThat(count()).isEqualTo("显示 47 / 47");

        // when part of a name is typed, then only the matching units are shown, and the count says so
        query.sendKeys("街道");
        browser.waitUntil("ten streets shown", d -> shownUnits().size() == 10 ? true : null);
        assertThat(count()).isEqualTo("显示 10 / 47");
        assertThat(browser.driver().findElements(By.cssSelector("#matrix tr.group-head")).stream()
                .filter(WebElement::isDisplayed).map(WebElement::getText).toList()).containsExactly("街道（10 / 10）");
        query.clear();
        query.sendKeys("外滩");
        browser.waitUntil("one unit shown", d -> shownUnits().size() == 1 ? true : null);
        assertThat(shownUnits()).containsExactly("waitan");
        assertThat(count()).isEqualTo("显示 1 / 47");

        // and the code (pinyin initials) finds a unit too; emptying the box shows all again
        query.clear();
        query.sendKeys("czj");
        browser.waitUntil("区财政局 shown", d -> shownUnits().equals(List.of("czj")) ? true : null);
        query.clear();
        query.sendKeys(" ");
        browser.waitUntil("all shown", d -> shownUnits().size() == 47 ? true : null);
        assertThat(count()).isEqualTo("显示 47 / 47");

        // the other lists filter the same way
        browser.open("/app/campaigns/" + everyone);
        browser.visible(By.cssSelector("[data-unit-filter=units] input[type=search]")).sendKeys("豫园");
        browser.waitUntil("豫园街道 shown on the progress page", d -> d.findElements(By.cssSelector("#units tbody tr[data-unit]"))
                .stream().filter(WebElement::isDisplayed).map(r -> r.getAttribute("data-unit")).toList()
                .equals(List.of("yuyuan")) ? true : null);
    }

    @Test
    void theHeaderRowStaysOnScreenWhileTheMatrixScrolls() {
        // given the matrix's top at the top of the window
        openDashboard();
        browser.js("window.scrollTo(0, document.getElementById('matrix').getBoundingClientRect().top + window.scrollY - 4)");
        WebElement firstRow = browser.driver().findElement(By.cssSelector("#matrix tbody tr[data-unit]"));
        double before = top(firstRow);

        // when the mouse wheel turns over the matrix
        new Actions(browser.driver()).scrollFromOrigin(WheelInput.ScrollOrigin.fromViewport(600, 450), 0, 400).perform();
        browser.waitUntil("the rows scrolled", d -> top(firstRow) < before - 300 ? true : null);

        // then the rows moved up under the header row, which is still on screen and not covered
        assertHeaderOnScreen();
        browser.screenshot("matrix-scrolled.png");
    }

    @Test
    void onAPhoneTheDashboardDoesNotScrollSidewaysAndTheMatrixScrollsInItsBox() {
        // given a phone's screen, 390 px wide
        phone();

        // when the dashboard of 47 units and 11 evaluators, all overdue, is opened
        openDashboard();
        assertThat(browser.driver().findElements(By.cssSelector("#overdue tbody tr"))).hasSize(47 + 11);

        // then the document is no wider than the screen
        assertNoSidewaysScroll();
        // and each deadline, with its days-left badge, has lines of its own (a badge does not wrap to the next date)
        List<WebElement> deadlines = browser.driver().findElements(By.cssSelector(".card .deadline"));
        assertThat(deadlines).hasSizeGreaterThan(1);
        for (int i = 1; i < deadlines.size(); i++) {
            org.openqa.selenium.Rectangle previous = deadlines.get(i - 1).getRect();
            assertThat(deadlines.get(i).getRect().getY()).isGreaterThanOrEqualTo(previous.getY() + previous.getHeight() - 1);
        }
        browser.screenshot("dashboard-phone.png");
        // and the matrix scrolls in its own box, down with its header row on screen, across with the names in view
        WebElement firstName = browser.driver().findElement(By.cssSelector("#matrix tbody tr[data-unit] th"));
        browser.js("arguments[0].scrollIntoView({block: 'start'})", browser.driver().findElement(By.id("matrix")));
        double left = firstName.getRect().getX();
        browser.js("const box = document.getElementById('matrix').parentElement; box.scrollTop = 500; box.scrollLeft = 400;");
        assertHeaderOnScreen();
        assertThat((double) firstName.getRect().getX()).isEqualTo(left);
        assertNoSidewaysScroll();
    }

    @Test
    void onAPhoneAScoredDashboardDoesNotScrollSideways() {
        // given a small campaign scored, so that the dashboard shows the distribution chart and the grades
        CampaignInfo campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan", "czj"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER);
        Long id = campaign.id();
        opened.add(id);
        driver.runJobs();
        Random random = new Random(11);
        for (String unit : List.of("waitan", "czj")) {
            bots.fillSelfCheck(id, unit, random);
            bots.submitSelfCheck(id, unit);
            driver.runJobs();
            bots.verify(id, unit, random);
        }
        bots.enterValues(id, "FINANCE", random);
        bots.complete("eval-finance", List.of(Groups.evaluator("FINANCE")), SpecialistEvaluationProcess.DELIVER,
                ProcessLookup.evaluatorTasks(taskService, id, "FINANCE"), Map.of("confirmDelivered", true));
        driver.runJobs();
        phone();

        // when its dashboard is opened on the phone
        browser.open("/app/campaigns/" + id + "/dashboard");
        browser.waitUntil("the chart", d -> d.findElements(By.cssSelector("#score-chart canvas")).isEmpty() ? null : true);

        // then nothing is wider than the screen
        assertNoSidewaysScroll();
        browser.screenshot("dashboard-scored-phone.png");
    }

    private void openDashboard() {
        browser.open("/app/campaigns/" + everyone + "/dashboard");
        browser.waitForText("单位 × 环节");
        browser.waitUntil("the page's scripts ran", d -> "complete".equals(browser.js("return document.readyState")));
    }

    private void phone() {
        ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
    }

    private void assertNoSidewaysScroll() {
        assertThat(browser.js("return window.innerWidth")).isEqualTo(390L);
        assertThat((Long) browser.js("return document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo((Long) browser.js("return window.innerWidth"));
    }

    /** The matrix's header row is within the window and is what the window shows at its place. */
    private void assertHeaderOnScreen() {
        WebElement header = browser.driver().findElement(By.cssSelector("#matrix thead th"));
        double top = top(header);
        assertThat(top).isGreaterThanOrEqualTo(0);
        assertThat(top).isLessThan(((Long) browser.js("return window.innerHeight")).doubleValue());
        assertThat(browser.js("const r = arguments[0].getBoundingClientRect();"
                + " const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
                + " return hit !== null && arguments[0].closest('thead').contains(hit);", header)).isEqualTo(true);
    }

    private double top(WebElement element) {
        return ((Number) browser.js("return arguments[0].getBoundingClientRect().top", element)).doubleValue();
    }

    private List<String> shownUnits() {
        return browser.driver().findElements(By.cssSelector("#matrix tbody tr[data-unit]")).stream()
                .filter(WebElement::isDisplayed).map(r -> r.getAttribute("data-unit")).toList();
    }

    private String count() {
        return browser.driver().findElement(By.cssSelector("[data-unit-filter=matrix] .unit-filter-count")).getText();
    }
}
