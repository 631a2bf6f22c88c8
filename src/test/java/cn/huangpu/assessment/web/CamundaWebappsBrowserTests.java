package cn.huangpu.assessment.web;

import cn.huangpu.assessment.support.ProcessLookup;
import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.support.Browser;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.support.WebIntegrationTest;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.UnitAssessmentProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Tasklist, Cockpit, Welcome (个人信息) and Admin on first visits in real Chromium: Chinese from the first
 * render (no translation key such as CREATION_DATE, whichever arrives first, the locale file or the views),
 * the app's names in the header and the browser tab, and a link back to 工作台.
 *
 * <p>The webapps used to fetch their locale file after they rendered, so about one fresh load in four showed
 * keys. Ten plain loads might all win that race; so every other load here delays the locale file's response
 * by {@link #SLOW_LOCALE_MS} inside the page (a script given to Chromium before any page script runs, which
 * holds back XHR and fetch requests for {@code /locales/}), which makes the old order lose every time. Each
 * load starts like a first visit: the webapps cache the locale file in localStorage, so the storage is
 * cleared at the start of every document and the HTTP cache is off.
 */
@WebIntegrationTest
class CamundaWebappsBrowserTests {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final int SLOW_LOCALE_MS = 1500;
    /** A translation key: four or more capitals, digits and underscores, not part of a longer word. */
    static final Pattern KEY = Pattern.compile("(?<![A-Za-z0-9_])[A-Z][A-Z0-9_]{3,}(?![A-Za-z0-9_])");
    static final String VENDOR = "黄浦区政府办公室";

    /** Every document starts with empty site storage, as on a first visit (about:blank has none to clear). */
    static final String FIRST_VISIT = """
            try { localStorage.clear(); sessionStorage.clear(); } catch (e) { }
            """;
    /** Holds back the locale file's response, whoever asks for it (AngularJS uses XHR, other code fetch). */
    static final String SLOW_LOCALE = """
            (() => {
              const delay = %d, slow = (url) => /\\/locales\\//.test(String(url));
              const open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
              XMLHttpRequest.prototype.open = function (method, url) {
                this.slowUrl = url;
                return open.apply(this, arguments);
              };
              XMLHttpRequest.prototype.send = function () {
                if (!slow(this.slowUrl)) {
                  return send.apply(this, arguments);
                }
                const args = arguments;
                setTimeout(() => send.apply(this, args), delay);
              };
              const fetch = window.fetch;
              window.fetch = function (input) {
                const args = arguments;
                return slow(input && input.url || input)
                  ? new Promise((done) => setTimeout(done, delay)).then(() => fetch.apply(this, args))
                  : fetch.apply(this, args);
              };
            })();
            """.formatted(SLOW_LOCALE_MS);
    /** Records the status of every engine API answer the page receives, as window.engineAnswers. */
    static final String RECORD_ANSWERS = """
            (() => {
              window.engineAnswers = [];
              const open = XMLHttpRequest.prototype.open;
              XMLHttpRequest.prototype.open = function (method, url) {
                this.addEventListener('loadend', () => window.engineAnswers.push({ url: String(url), status: this.status }));
                return open.apply(this, arguments);
              };
            })();
            """;
    /** The texts a key would show in: visible text, and the placeholders and titles of visible elements. */
    static final String TEXTS = """
            const root = arguments[0] || document.body;
            const shown = [...root.querySelectorAll('[placeholder], [title]')].filter((e) => e.offsetParent !== null);
            return [root.innerText, document.title]
              .concat(shown.map((e) => (e.getAttribute('placeholder') || '') + ' ' + (e.getAttribute('title') || '')))
              .join('\\n');
            """;

    @LocalServerPort int port;
    @Autowired CampaignStarter starter;
    @Autowired ProcessDriver driver;
    @Autowired TaskService taskService;
    @Autowired RepositoryService repositoryService;

    Browser browser;
    String slowLocaleScript;

    @BeforeAll
    static void chromiumInstalled() {
        Assumptions.assumeTrue(Browser.available(), Browser.unavailableReason());
    }

    @BeforeEach
    void openBrowser() {
        browser = new Browser("http://localhost:" + port, SCREENSHOTS);
        cdp("Page.enable", Map.of());
        cdp("Page.addScriptToEvaluateOnNewDocument", Map.of("source", FIRST_VISIT));
        cdp("Network.enable", Map.of());
        cdp("Network.setCacheDisabled", Map.of("cacheDisabled", true));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void tasklistIsChineseOnTenFirstVisitsWithALinkBackToTheWorkbench() {
        // given a unit with an open task
        int year = TestUsers.freshYear();
        CampaignInfo campaign = starter.start(new OpenCampaign(year, 2023, null, null, null, null,
                List.of("waitan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER);
        driver.runJobs();
        Task selfCheck = ProcessLookup.unitTasks(taskService, campaign.id(), "waitan")
                .taskDefinitionKey(UnitAssessmentProcess.SUBMIT_SELF_CHECK).singleResult();
        assertThat(selfCheck).isNotNull();
        browser.login("waitan01", "demo");

        for (int load = 0; load < 10; load++) {
            // when the Tasklist is loaded afresh, every other time with a slow locale file, and half the
            // time with the task open (?task= in the address, as after opening it)
            boolean slowLocale = load % 2 == 0;
            boolean taskOpen = load / 2 % 2 == 1;
            String what = "load " + (load + 1) + (slowLocale ? ", slow locale" : "") + (taskOpen ? ", task open" : "");
            slowLocale(slowLocale);
            browser.driver().get("about:blank");
            browser.open("/camunda/app/tasklist/default/" + (taskOpen ? "#/?task=" + selfCheck.getId() : ""));
            browser.waitUntil(what + ": task list", d -> !d.findElements(
                    By.cssSelector("ol.tasks-list li.task a[href*='task=" + selfCheck.getId() + "']")).isEmpty());
            if (taskOpen) {
                browser.waitUntil(what + ": task card", d -> d.findElement(
                        By.cssSelector(".task-details .task-card h2.task")).getText().contains("提交自查"));
            }
            // the footer's label comes through the translate filter, which follows the locale file's arrival
            browser.waitForText("日期和时间按本地时区显示");

            // then no key shows in the header, the sort and search widgets, the task or the tab's title,
            String texts = texts(null);
            assertThat(keys(texts)).as(what + " shows translation keys in:\n" + texts).isEmpty();
            assertThat(texts(By.cssSelector(".tasks-list"))).as(what + ": sort and search widgets")
                    .contains("排序方式", "创建时间", "筛选任务");
            // dates read in Chinese too ("6 天前", not "6 days ago"): the locale's dateLocales arrived in time
            String taskCard = browser.driver().findElement(By.cssSelector("ol.tasks-list li.task")).getText();
            assertThat(taskCard).as(what + ": the task in the list").doesNotContainPattern("[A-Za-z]");
            // the header and the tab carry the app's names, not Camunda's, and 技术支持：Camunda Platform is gone
            assertChineseHeader(what, "待办任务");
            // and a unit, which may not create tasks, is not offered 新建任务 (发起流程 and the shortcuts stay)
            String header = browser.driver().findElement(By.cssSelector("[cam-widget-header]")).getText();
            assertThat(header).as(what + ": header actions").contains("发起流程").doesNotContain("新建任务");
        }
        browser.screenshot("tasklist-chinese.png");

        // and the link takes the unit back to 工作台
        browser.click(By.cssSelector("[cam-widget-header] li.workbench a"));
        browser.waitUntil("工作台 opened", d -> browser.path().equals("/app") ? true : null);
        browser.waitForText("工作台");
    }

    @Test
    void cockpitWelcomeAndAdminAreChineseWithALinkBackToTheWorkbench() {
        // given a process definition without a version tag, and a locale file that arrives late
        ProcessDefinition campaignProcess = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(CampaignProcess.KEY).latestVersion().singleResult();
        assertThat(campaignProcess.getVersionTag()).isNull();
        slowLocale(true);

        // when the coordinator opens Cockpit, then its dashboard, title and header are Chinese
        browser.login("office01", "demo");
        browser.open("/camunda/app/cockpit/default/");
        browser.waitUntil("Cockpit dashboard", d -> d.getTitle().contains("仪表板") || keys(d.getTitle()).size() > 0);
        browser.waitForText("日期和时间按本地时区显示", "运行中的流程实例");
        assertThat(keys(texts(null))).as("Cockpit dashboard:\n" + texts(null)).isEmpty();
        assertChineseHeader("Cockpit", "流程监控");
        // and a definition without a version tag says so in Chinese, not "版本标签：null"
        browser.driver().get("about:blank");
        browser.open("/camunda/app/cockpit/default/#/process-definition/" + campaignProcess.getId() + "/runtime");
        WebElement versionTag = browser.visible(By.cssSelector("dd.version-tag"));
        browser.waitUntil("version tag", d -> !versionTag.getText().isBlank());
        assertThat(versionTag.getText()).isEqualTo("无");
        assertThat(keys(texts(null))).as("Cockpit process definition:\n" + texts(null)).isEmpty();
        assertChineseHeader("Cockpit process definition", "流程监控");
        // and so is the page behind the user menu's 个人信息 (the Welcome webapp)
        browser.driver().get("about:blank");
        browser.open("/camunda/app/welcome/default/");
        browser.waitForText("日期和时间按本地时区显示", "区政府办公室");
        assertThat(keys(texts(null))).as("Welcome:\n" + texts(null)).isEmpty();
        assertChineseHeader("Welcome", "个人信息");
        browser.logout();

        // when the administrator opens Admin, then it is Chinese as well
        browser.login("admin", "demo");
        browser.open("/camunda/app/admin/default/");
        browser.waitUntil("Admin dashboard", d -> d.getTitle().contains("仪表板") || keys(d.getTitle()).size() > 0);
        browser.waitForText("日期和时间按本地时区显示");
        assertThat(keys(texts(null))).as("Admin dashboard:\n" + texts(null)).isEmpty();
        assertChineseHeader("Admin", "系统管理");
        browser.screenshot("admin-chinese.png");
        browser.click(By.cssSelector("[cam-widget-header] li.workbench a"));
        browser.waitUntil("工作台 opened", d -> browser.path().equals("/app") ? true : null);
        // and the administrator, who may create tasks, is offered 新建任务 in the Tasklist
        browser.open("/camunda/app/tasklist/default/");
        browser.waitUntil("新建任务 offered to the administrator", d -> d.findElement(
                By.cssSelector("[cam-widget-header] li.create-task-action")).getText().contains("新建任务"));
    }

    @Test
    void anIncompleteSelfCheckSubmittedInTheTasklistIsRefusedWithTheMissingIndicatorsInChinese() {
        // given a unit whose self-check is empty (not 外滩街道, whose open tasks the walkthrough counts), and a record
        // of the engine API's answers in the page
        int year = TestUsers.freshYear();
        CampaignInfo campaign = starter.start(new OpenCampaign(year, 2023, null, null, null, null,
                List.of("laoximen"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER);
        driver.runJobs();
        Task selfCheck = ProcessLookup.unitTasks(taskService, campaign.id(), "laoximen")
                .taskDefinitionKey(UnitAssessmentProcess.SUBMIT_SELF_CHECK).singleResult();
        cdp("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_ANSWERS));
        browser.login("laoximen01", "demo");

        // when it opens its 提交自查 task in the Tasklist, claims it, ticks the confirmation and completes it
        browser.openTasklist();
        browser.taskNames("提交自查：老西门街道");
        browser.openTask(selfCheck.getId(), "提交自查：老西门街道");
        browser.claim();
        browser.tick("我已逐项填写完毕，确认提交自查");
        browser.click(By.cssSelector(".task-details .form-actions button.btn-primary"));

        // then the engine API answered 400, and the Tasklist shows the refusal: a summary, then every missing
        // indicator on a line of its own, in Chinese, without the engine's codes or English wrapping
        WebElement refusal = browser.waitUntil("refusal shown", d -> d.findElements(
                By.cssSelector(".notifications .alert-danger")).stream().filter(WebElement::isDisplayed).findFirst()
                .orElse(null));
        browser.screenshot("tasklist-incomplete-self-check.png", 1600);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> answers = (List<Map<String, Object>>) browser.js("return window.engineAnswers;");
        assertThat(answers).as("engine API answers").filteredOn(a -> String.valueOf(a.get("url")).endsWith("/submit-form"))
                .singleElement().satisfies(a -> assertThat(((Number) a.get("status")).intValue()).isEqualTo(400));
        // (innerText: the message box scrolls when the list is longer than half the window)
        String shown = (String) browser.js("return arguments[0].innerText;", refusal);
        assertThat(shown).as("refusal").contains("自查尚未填写完整，不能提交。尚有 44 项未填写完整：")
                .doesNotContain("Cannot", "ENGINE-", "task form", "completion", "evidenceLinks")
                .doesNotContainPattern("[A-Za-z]{2,}");
        List<String> lines = shown.lines().map(String::strip).filter(l -> l.startsWith("指标 ")).toList();
        assertThat(lines).as("one line per missing indicator").hasSize(44)
                .allSatisfy(l -> assertThat(l).matches("指标 [0-9.]+ 未填写完成情况（.+）"))
                .first().asString().startsWith("指标 1.1 ");
        // and the task is still open
        assertThat(taskService.createTaskQuery().taskId(selfCheck.getId()).count()).isOne();
    }

    /** The header's and the tab's name, the link to 工作台, and no "技术支持：Camunda Platform" in the footer. */
    private void assertChineseHeader(String what, String appName) {
        String brand = browser.visible(By.cssSelector("[cam-widget-header] .navbar-brand .brand-name")).getText();
        assertThat(brand).as(what + ": header").isEqualTo(VENDOR + " " + appName);
        assertThat(browser.driver().getTitle()).as(what + ": title").startsWith(VENDOR + " " + appName);
        WebElement workbench = browser.visible(By.cssSelector("[cam-widget-header] li.workbench a"));
        assertThat(workbench.getText()).as(what + ": link back").isEqualTo("工作台");
        assertThat(workbench.getAttribute("href")).as(what + ": link back").isEqualTo("http://localhost:" + port + "/app");
        assertThat(browser.driver().findElement(By.cssSelector("footer")).getText()).as(what + ": footer")
                .contains("日期和时间按本地时区显示").doesNotContain("Camunda", "技术支持");
    }

    private String texts(By within) {
        WebElement root = within == null ? null : browser.driver().findElement(within);
        return (String) browser.js(TEXTS, root);
    }

    private static List<String> keys(String text) {
        Matcher matcher = KEY.matcher(text);
        return matcher.results().map(m -> m.group()).distinct().toList();
    }

    /** Holds back the locale file in the documents loaded from now on, or no longer. */
    private void slowLocale(boolean slow) {
        if (slow && slowLocaleScript == null) {
            slowLocaleScript = (String) cdp("Page.addScriptToEvaluateOnNewDocument", Map.of("source", SLOW_LOCALE))
                    .get("identifier");
        } else if (!slow && slowLocaleScript != null) {
            cdp("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", slowLocaleScript));
            slowLocaleScript = null;
        }
    }

    private Map<String, Object> cdp(String command, Map<String, Object> parameters) {
        return ((HasCdp) browser.driver()).executeCdpCommand(command, parameters);
    }
}
