package cn.huangpu.assessment.web;

import cn.huangpu.assessment.support.ProcessLookup;
import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.CampaignStatus;
import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.evaluation.EvaluationService;
import cn.huangpu.assessment.evaluation.FactEntry;
import cn.huangpu.assessment.support.Browser;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.support.WebIntegrationTest;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.SpecialistEvaluationProcess;
import cn.huangpu.assessment.workflow.UnitAssessmentProcess;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A whole campaign walked through in a real browser the way new users would: the office starts it from
 * the Tasklist, 外滩街道 fills in and submits its self-check, the office verifies, 区财政局 delivers its
 * evaluation, the office evaluates comprehensively, the leader approves, and the unit reads its score
 * sheet. A task is claimed before its form's link is followed, as a clerk who means to complete it would
 * (that the link also works unclaimed is VerificationBrowserTests' concern). Only the job executor is played by the test
 * ({@link ProcessDriver#runJobs()}); the engine's task service is used read-only, to tell this campaign's
 * task from those of other campaigns in a shared context and to check that completed tasks are gone.
 * Screenshots go to {@code target/walkthrough/}; page dumps of failed waits to {@code $TMPDIR/walkthrough-dumps/}.
 */
@WebIntegrationTest
// A context of its own, so a database of its own: as a new installation's Tasklist shows it. In a shared one,
// the tasks other tests create (some on a clock moved years ahead) head the list and push this campaign's off its
// first page.
@TestPropertySource(properties = "spring.application.name=tasklist-walkthrough")
class TasklistWalkthroughTests {

    static final Path SCREENSHOTS = Path.of("target", "walkthrough");
    static final String PASSWORD = "demo";
    static final String GROUP_FILTER = "本单位待办";

    @LocalServerPort int port;
    @Autowired ProcessDriver driver;
    @Autowired CampaignService campaigns;
    @Autowired TaskService taskService;
    @Autowired CampaignBots bots;
    @Autowired EvaluationService evaluation;

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
    void aCampaignFromStartToPublishedScoreSheetThroughTheTasklist() {
        int year = TestUsers.formYear();

        // 1. The office starts the campaign from the Tasklist's start form.
        browser.login("office01", PASSWORD);
        browser.openTasklist();
        assertThat(browser.filterNames()).startsWith(GROUP_FILTER).contains("我的任务", "已逾期");
        browser.openStartForm("政务公开考核评估");
        browser.waitForText("发起政务公开考核评估", "考评年度", "参评单位代码", "专项评估单位代码");
        Map<String, String> start = new LinkedHashMap<>();
        start.put("Field_year", String.valueOf(year));
        start.put("Field_unitCodes", "waitan");
        start.put("Field_evaluatorCodes", "FINANCE");
        browser.fillForm(start);
        assertThat(browser.driver().findElement(browser.formField("Field_catalogueYear")).getAttribute("value"))
                .isEqualTo("2023");
        browser.screenshot("01-start-campaign.png", 1500);
        browser.submitStartForm();
        CampaignInfo campaign = campaigns.all().stream().filter(c -> c.year() == year).findFirst()
                .orElseThrow(() -> new AssertionError("no campaign for " + year + " after the start form"));
        long campaignId = campaign.id();
        assertThat(campaigns.units(campaignId)).extracting(u -> u.unitCode()).containsExactly("waitan");
        assertThat(campaigns.evaluators(campaignId)).extracting(e -> e.evaluatorCode()).containsExactly("FINANCE");
        browser.logout();

        // 2. 外滩街道 fills in its self-check page and submits in the Tasklist.
        driver.runJobs();
        Task selfCheck = task(ProcessLookup.unitTasks(taskService, campaignId, "waitan"), UnitAssessmentProcess.SUBMIT_SELF_CHECK);
        browser.login("waitan01", PASSWORD);
        browser.openTasklist();
        browser.selectFilter(GROUP_FILTER);
        List<String> unitTasks = browser.taskNames("提交自查：外滩街道");
        assertThat(unitTasks).allSatisfy(name -> assertThat(name).endsWith("：外滩街道"));
        // other tests sharing this database may have left 外滩街道 tasks of their own campaigns open
        long openSelfChecks = unitTasks.stream().filter("提交自查：外滩街道"::equals).count();
        browser.screenshot("02-unit-tasklist.png");
        browser.openTask(selfCheck.getId(), "提交自查：外滩街道");
        // Claim first, then follow the form's link to the page.
        browser.claim();
        browser.followFormLink("打开自查填报页面");
        assertThat(browser.path()).startsWith("/app/self-check/" + campaignId + "/waitan");
        browser.waitForText("外滩街道自查填报", "尚未填写完整的指标（44项）");
        long filled = (Long) browser.js("""
                let n = 0;
                document.querySelectorAll("textarea[name^='completion[']").forEach(t => {
                  const code = t.name.slice('completion['.length, -1);
                  t.value = '已按要求完成指标 ' + code + ' 的相关工作，并在门户网站集中公开。';
                  n++;
                });
                document.querySelectorAll("textarea[name^='links[']").forEach(t => {
                  const code = t.name.slice('links['.length, -1);
                  t.value = 'https://www.shhuangpu.gov.cn/zw/waitan/' + code;
                  n++;
                });
                return n;""");
        assertThat(filled).isEqualTo(88);
        browser.click(By.xpath("//form//button[@name='action' and normalize-space()='保存草稿']"));
        browser.waitForText("草稿已保存", "各项已填写完整");
        assertThat(browser.bodyText()).doesNotContain("尚未填写完整的指标");
        browser.scrollToTop();
        browser.screenshot("03-self-check.png");
        browser.backToTasklist();
        browser.tick("我已逐项填写完毕，确认提交自查");
        browser.complete();
        browser.waitUntilNotListed(selfCheck.getId());
        browser.screenshot("04-submitted.png");
        assertThat(taskService.createTaskQuery().taskId(selfCheck.getId()).count()).isZero();
        assertThat(browser.taskNames(null).stream().filter("提交自查：外滩街道"::equals).count()).isEqualTo(openSelfChecks - 1);
        browser.logout();

        // 3. The office verifies online and records a finding on 1.1.
        driver.runJobs();
        Task verify = task(ProcessLookup.unitTasks(taskService, campaignId, "waitan"), UnitAssessmentProcess.VERIFY);
        browser.login("office01", PASSWORD);
        browser.openTasklist();
        browser.selectFilter(GROUP_FILTER);
        browser.taskNames("网上核查：外滩街道");
        browser.openTask(verify.getId(), "网上核查：外滩街道");
        browser.claim();
        browser.followFormLink("打开网上核查页面");
        assertThat(browser.path()).startsWith("/app/verification/" + campaignId + "/waitan");
        browser.waitForText("外滩街道网上核查", "已按要求完成指标 1.1");
        By row = By.xpath("//tr[@id='i-1.1']");
        browser.type(By.xpath("//tr[@id='i-1.1']//textarea[@name='note']"), "机构职能页面缺少负责人姓名");
        browser.click(By.xpath("//tr[@id='i-1.1']//button[normalize-space()='记录问题']"));
        browser.waitUntil("finding listed on 1.1",
                d -> d.findElement(row).getText().contains("应公开未公开：机构职能页面缺少负责人姓名") ? true : null);
        browser.screenshot("05-verification.png");
        browser.backToTasklist();
        browser.tick("核查完毕，确认提交");
        browser.complete();
        browser.waitUntilNotListed(verify.getId());
        assertThat(taskService.createTaskQuery().taskId(verify.getId()).count()).isZero();
        browser.logout();

        // 4. 区财政局 enters its count for 外滩街道 and delivers.
        Task deliver = task(ProcessLookup.evaluatorTasks(taskService, campaignId, "FINANCE"),
                SpecialistEvaluationProcess.DELIVER);
        browser.login("eval-finance", PASSWORD);
        browser.openTasklist();
        browser.selectFilter(GROUP_FILTER);
        browser.taskNames("提交专项评估结果：区财政局");
        browser.openTask(deliver.getId(), "提交专项评估结果：区财政局");
        browser.claim();
        browser.followFormLink("打开专项评估录入页面");
        assertThat(browser.path()).startsWith("/app/evaluation/" + campaignId + "/FINANCE");
        browser.waitForText("区财政局专项评估", "外滩街道", "尚未录入 1 项");
        browser.type(By.name("v[waitan|1.4/missingLateOrIncompleteItems]"), "0");
        browser.click(By.xpath("//form//button[normalize-space()='保存']"));
        browser.waitForText("已保存", "全部录入完毕", "尚未录入 0 项");
        browser.scrollToTop();
        browser.screenshot("06-evaluation.png");
        browser.backToTasklist();
        browser.tick("评估结果已录入完毕，确认提交");
        browser.complete();
        browser.waitUntilNotListed(deliver.getId());
        assertThat(taskService.createTaskQuery().taskId(deliver.getId()).count()).isZero();
        browser.logout();

        // 5. All inputs in: scoring runs; the office judges 2.3 and completes the comprehensive evaluation. Its other
        // inputs (those of the evaluators left out of this campaign among them) it entered before, off screen: the
        // completion is refused while any input is missing without a 按缺失计分 decision.
        driver.runJobs();
        assertThat(campaigns.get(campaignId).status()).isEqualTo(CampaignStatus.GRADING);
        bots.enterOfficeValues(campaignId, new Random(7));
        evaluation.record(campaignId, Catalogue.OFFICE, List.of(new FactEntry("waitan", "2.3", "interpretationQuality",
                null, "由页面评分")), true, CampaignBots.COORDINATOR_USER);
        Task comprehensive = task(ProcessLookup.campaignTasks(taskService, campaignId), CampaignProcess.COMPREHENSIVE_EVALUATION);
        browser.login("office01", PASSWORD);
        browser.open("/app/comprehensive/" + campaignId);
        browser.waitForText(year + "年度政务公开考核评估：综合评估", "外滩街道", "录入与评分说明");
        browser.screenshot("07-comprehensive.png");
        browser.click(By.linkText("录入与评分说明"));
        browser.waitForText(year + "年度综合评估：外滩街道", "当前评分说明");
        new Select(browser.visible(By.name("v[2.3/interpretationQuality]"))).selectByVisibleText("1.5分");
        // a judgement has one reason box: its reason is also why it changed
        browser.type(By.name("jr[2.3/interpretationQuality]"), "抽选的政策解读重点突出，但缺少新旧政策对比");
        browser.click(By.xpath("//form//button[normalize-space()='保存并重新计算']"));
        // (the page sends every value it shows; the bots' 0.80 reads back as 0.8, so more than 2.3 counts as saved)
        browser.waitForText("项并重新计算");
        assertThat(new Select(browser.visible(By.name("v[2.3/interpretationQuality]"))).getFirstSelectedOption().getText())
                .isEqualTo("1.5分");
        browser.openTasklist();
        browser.selectFilter(GROUP_FILTER);
        browser.taskNames("开展综合评估");
        browser.openTask(comprehensive.getId(), "开展综合评估");
        browser.claim();
        browser.tick("综合评估完毕，提交领导审定");
        browser.complete();
        browser.waitUntilNotListed(comprehensive.getId());
        assertThat(taskService.createTaskQuery().taskId(comprehensive.getId()).count()).isZero();
        browser.logout();

        // 6. The leader reads the results and approves.
        driver.runJobs();
        Task approve = task(ProcessLookup.campaignTasks(taskService, campaignId), CampaignProcess.APPROVE_GRADES);
        browser.login("leader01", PASSWORD);
        browser.openTasklist();
        browser.selectFilter(GROUP_FILTER);
        browser.taskNames("审定考核结果");
        browser.openTask(approve.getId(), "审定考核结果");
        browser.claim();
        browser.followFormLink("查看考核结果与各单位评分说明");
        assertThat(browser.path()).startsWith("/app/results/" + campaignId);
        browser.waitForText(year + "年度政务公开考核评估结果", "外滩街道", "综合评估中");
        browser.screenshot("08-results.png");
        browser.backToTasklist();
        browser.choose("审定通过");
        browser.complete();
        browser.waitUntilNotListed(approve.getId());
        assertThat(taskService.createTaskQuery().taskId(approve.getId()).count()).isZero();
        browser.logout();

        // 7. Published: the unit reads its score sheet.
        driver.runJobs();
        assertThat(campaigns.get(campaignId).status()).isEqualTo(CampaignStatus.PUBLISHED);
        browser.login("waitan01", PASSWORD);
        browser.open("/app/results/" + campaignId + "/waitan");
        String sheet = browser.waitForText("外滩街道评分说明", "总分", "考核等次", "已公布",
                "核查问题：应公开未公开：机构职能页面缺少负责人姓名", "抽选的政策解读重点突出");
        assertThat(sheet).containsPattern("总分 \\d+(\\.\\d+)? 分");
        browser.screenshot("09-score-sheet.png");
    }

    private Task task(TaskQuery instanceTasks, String taskKey) {
        Task task = instanceTasks.taskDefinitionKey(taskKey)
                .singleResult();
        assertThat(task).as("task %s", taskKey).isNotNull();
        return task;
    }
}
