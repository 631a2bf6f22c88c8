package cn.huangpu.assessment.web;

import cn.huangpu.assessment.support.ProcessLookup;
import static org.assertj.core.api.Assertions.assertThat;
import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.UnitParticipation;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.evaluation.EvaluationService;
import cn.huangpu.assessment.evaluation.EvaluationSpreadsheet;
import cn.huangpu.assessment.results.CampaignScoring;
import cn.huangpu.assessment.results.UnitResult;
import cn.huangpu.assessment.security.Groups;
import cn.huangpu.assessment.selfcheck.SelfCheckService;
import cn.huangpu.assessment.support.Browser;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.support.WebIntegrationTest;
import cn.huangpu.assessment.verification.FindingKind;
import cn.huangpu.assessment.verification.VerificationService;
import cn.huangpu.assessment.workflow.DeadlineProcess;
import cn.huangpu.assessment.workflow.SpecialistEvaluationProcess;
import java.io.FileOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The app pages in real Chromium as each role sees them: the dashboard (its numbers against the
 * database, the one-click reminder, the chart and the sortable ranking), the evaluator's spreadsheet
 * upload good and bad, what a unit may not see, and the public page before and after publication.
 * Screenshots go to target/screenshots/.
 */
@WebIntegrationTest
class PagesByRoleBrowserTests {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort int port;
    @Autowired CampaignStarter starter;
    @Autowired CampaignService campaigns;
    @Autowired CampaignBots bots;
    @Autowired TaskService taskService;
    @Autowired ProcessDriver driver;
    @Autowired CampaignScoring scoring;
    @Autowired EvaluationService evaluation;
    @Autowired EvaluationSpreadsheet spreadsheet;
    @Autowired VerificationService verification;
    @Autowired SelfCheckService selfChecks;

    Browser browser;

    @BeforeAll
    static void chromiumInstalled() {
        Assumptions.assumeTrue(Browser.available(), Browser.unavailableReason());
    }

    @AfterEach
    void close() {
        ClockUtil.reset();
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void eachRoleSeesItsPart() throws Exception {
        browser = new Browser("http://localhost:" + port, SCREENSHOTS);
        int year = TestUsers.freshYear();
        Random random = new Random(6);
        CampaignInfo campaign = starter.start(new OpenCampaign(year, 2023, null, null, null, null,
                List.of("waitan", "czj", "yuyuan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER);
        Long id = campaign.id();
        driver.runJobs();
        for (String unit : List.of("waitan", "czj")) {
            bots.fillSelfCheck(id, unit, random);
            bots.submitSelfCheck(id, unit);
        }
        driver.runJobs();
        bots.verify(id, "waitan", random);
        ClockUtil.setCurrentTime(Date.from(campaign.dates().selfCheckDue().plusSeconds(3600)));
        driver.runJobs();

        // the coordinator's dashboard: its numbers are the database's
        browser.login("office01", "demo");
        browser.open("/app/campaigns/" + id + "/dashboard");
        browser.waitForText("各环节进度");
        List<UnitParticipation> units = campaigns.units(id);
        assertThat(stage("自查提交")).containsExactly(units.stream().filter(u -> u.status() == UnitParticipation.Status.SUBMITTED
                || u.status() == UnitParticipation.Status.VERIFIED).count(), (long) units.size());
        assertThat(stage("网上核查")).containsExactly(
                units.stream().filter(u -> u.status() == UnitParticipation.Status.VERIFIED).count(), (long) units.size());
        assertThat(stage("专项评估")).containsExactly(0L, 1L);
        List<WebElement> overdue = browser.driver().findElements(By.cssSelector("#overdue tbody tr[data-party=units]"));
        assertThat(overdue).hasSize((int) units.stream().filter(u -> u.overdue()
                && u.status() == UnitParticipation.Status.PENDING).count()).hasSize(1);
        assertThat(overdue.get(0).getText()).contains("豫园街道");
        assertThat(browser.driver().findElements(By.cssSelector("#overdue tbody tr[data-party=evaluators]")))
                .extracting(WebElement::getText).singleElement().asString().contains("专项评估");
        browser.screenshot("dashboard-overdue.png");

        // one click (confirmed) reminds the overdue unit, which sees it
        browser.click(By.cssSelector("#overdue tr[data-party=units] form button"));
        browser.waitUntil("the confirmation", ExpectedConditions.alertIsPresent()).accept();
        browser.waitUntil("已提醒 in the row", d -> d.findElement(By.cssSelector("#overdue tr[data-party=units]"))
                .getText().contains("已提醒 ") ? true : null);
        browser.logout();
        browser.login("yuyuan01", "demo");
        browser.open("/app/notifications");
        browser.waitForText("区政府办公室提醒：豫园街道的自查已超过截止时间");
        // a unit cannot open the dashboard, and another unit's sheet looks like one that does not exist
        browser.open("/app/campaigns/" + id + "/dashboard");
        browser.waitForText("无权访问");
        browser.open("/app/results/" + id + "/waitan");
        browser.waitForText("页面不存在", NotFoundException.MESSAGE);
        browser.logout();

        // the evaluator uploads a bad template (each bad cell listed, nothing saved), then a good one
        Path bad = template(id, Map.of("waitan", "-1", "czj", "很多"));
        Path good = template(id, Map.of("waitan", "1", "czj", "0", "yuyuan", "0"));
        browser.login("eval-finance", "demo");
        browser.open("/app/evaluation/" + id + "/FINANCE");
        browser.driver().findElement(By.cssSelector("input[type=file]")).sendKeys(bad.toAbsolutePath().toString());
        browser.click(By.xpath("//button[normalize-space()='导入填好的模板']"));
        browser.waitForText("未保存（全部或全不保存）", "第2行 C列", "须为数字", "第3行 C列", "数量不能为负数");
        browser.screenshot("upload-refused.png");
        assertThat(evaluation.facts(id)).isEmpty();
        browser.driver().findElement(By.cssSelector("input[type=file]")).sendKeys(good.toAbsolutePath().toString());
        browser.click(By.xpath("//button[normalize-space()='导入填好的模板']"));
        browser.waitForText("表格已导入，保存3项");
        browser.logout();

        // close the overdue unit and deliver: scoring runs, and the dashboard shows the distribution
        bots.chase(id, "yuyuan", Map.of(DeadlineProcess.CHASE_DECISION,
                        DeadlineProcess.CLOSE, DeadlineProcess.CHASE_REASON, "逾期未提交"));
        bots.verify(id, "czj", random);
        bots.complete("eval-finance", List.of(Groups.evaluator("FINANCE")),
                SpecialistEvaluationProcess.DELIVER,
                ProcessLookup.evaluatorTasks(taskService, id, "FINANCE"),
                Map.of("confirmDelivered", true));
        driver.runJobs();
        List<UnitResult> scored = scoring.latest(id);
        assertThat(scored).hasSize(3);

        browser.login("leader01", "demo");
        browser.open("/app/campaigns/" + id + "/dashboard");
        browser.waitUntil("the chart", d -> d.findElements(By.cssSelector("#score-chart canvas")).isEmpty() ? null : true);
        for (String grade : List.of("优秀", "良好", "合格", "不合格")) {
            String shown = browser.driver().findElement(By.cssSelector("#grade-counts tr[data-grade='" + grade + "'] td.num")).getText();
            assertThat(Long.parseLong(shown)).as(grade).isEqualTo(scored.stream().filter(r -> grade.equals(r.grade())).count());
        }
        assertThat(browser.driver().findElements(By.cssSelector("#overdue form"))).isEmpty();
        browser.click(By.xpath("//table[@id='matrix']//th[normalize-space()='得分']"));
        browser.click(By.xpath("//table[@id='matrix']//th[normalize-space()='得分']"));
        // each kind is sorted under its own heading: the department 区财政局, then the two streets by score
        List<String> order = browser.driver().findElements(By.cssSelector("#matrix tbody tr[data-unit]")).stream()
                .map(r -> r.getAttribute("data-unit")).toList();
        List<String> expected = new ArrayList<>(List.of("czj"));
        expected.addAll(scored.stream().filter(r -> !r.unitCode().equals("czj"))
                .sorted((a, b) -> b.total().compareTo(a.total())).map(UnitResult::unitCode).toList());
        assertThat(order).containsExactlyElementsOf(expected);
        assertThat(browser.driver().findElements(By.cssSelector("#matrix tbody tr.group-head")))
                .extracting(WebElement::getText).containsExactly("委办局（1）", "街道（2）");
        browser.screenshot("dashboard-scored.png");
        browser.logout();

        // the public page: nothing before publication, the results after
        browser.open("/public/results");
        browser.waitForText("政务公开考核评估结果");
        assertThat(browser.bodyText()).doesNotContain(year + "年度");
        bots.evaluateComprehensively(id, random);
        driver.runJobs();
        bots.approve(id);
        driver.runJobs();
        browser.open("/public/results");
        browser.click(By.linkText(year + "年度黄浦区政务公开考核评估结果"));
        browser.waitForText("外滩街道", "区财政局", "豫园街道");
        browser.screenshot("public-results.png");

        // the unit's own score sheet: points, reasons, and its evidence links with their checks
        browser.login("waitan01", "demo");
        browser.open("/app/results/" + id + "/waitan");
        browser.waitForText("评分说明", "总分", "证明：https://www.shhuangpu.gov.cn/zw/waitan/1.1", "以案促改");
        browser.screenshot("score-sheet-unit.png");
    }

    @Test
    void scriptAndHtmlInTextFieldsAreShownAsText() throws Exception {
        browser = new Browser("http://localhost:" + port, SCREENSHOTS);
        String payload = "<script>window.__xss = 1</script><img src=x onerror=\"window.__xss = 2\"><b>粗体</b>";
        CampaignInfo campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER);
        Long id = campaign.id();
        driver.runJobs();

        // the unit types markup into a completion text and a finding note is made of markup too
        browser.login("waitan01", "demo");
        browser.open("/app/self-check/" + id + "/waitan");
        WebElement completion = browser.driver().findElement(By.name("completion[1.1]"));
        completion.sendKeys(payload);
        browser.click(By.xpath("//button[normalize-space()='保存草稿']"));
        browser.waitForText("草稿已保存");
        assertThat(browser.js("return window.__xss === undefined")).isEqualTo(true);
        browser.logout();
        verification.record(id, "waitan", new VerificationService.NewFinding("1.1",
                "missingOrStaleItems", FindingKind.OTHER, payload, null), "office01");

        // every page that shows them shows the characters, and nothing runs
        browser.login("office01", "demo");
        for (String page : List.of("/app/self-check/" + id + "/waitan", "/app/verification/" + id + "/waitan",
                "/app/comprehensive/" + id + "/waitan", "/app/campaigns/" + id + "/audit")) {
            browser.open(page);
            browser.waitForText("<b>粗体</b>");
            assertThat(browser.js("return window.__xss === undefined")).as(page).isEqualTo(true);
            assertThat(browser.driver().findElements(By.xpath("//b[normalize-space()='粗体']"))).as(page).isEmpty();
        }
    }

    @Test
    void anOversizedUploadIsRefusedWithTheReason() throws Exception {
        browser = new Browser("http://localhost:" + port, SCREENSHOTS);
        CampaignInfo campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER);
        Path big = Files.createTempFile("big-", ".pdf");
        Files.write(big, new byte[11 * 1024 * 1024]);

        browser.login("waitan01", "demo");
        browser.open("/app/self-check/" + campaign.id() + "/waitan");
        // a file over the 10 MB of one file is refused before it is sent, with the typed text still on the page
        // (the server's own refusal of it: selfcheck/SelfCheckUploadTests)
        browser.type(By.name("completion[1.1]"), "已公开。");
        WebElement field = browser.driver().findElement(By.cssSelector("input[type=file][name='file[1.1]']"));
        field.sendKeys(big.toAbsolutePath().toString());
        browser.click(By.xpath("//tr[@id='i-1.1']//button[normalize-space()='上传']"));
        assertThat(browser.js("return arguments[0].validationMessage;", field)).isEqualTo("文件过大（11.0MB），单个文件不超过10MB");
        assertThat(browser.driver().findElement(By.name("completion[1.1]")).getAttribute("value")).isEqualTo("已公开。");
        assertThat(selfChecks.files(campaign.id(), "waitan")).isEmpty();
        Files.delete(big);
    }

    private long[] stage(String name) {
        WebElement row = browser.driver().findElement(By.cssSelector("tr.stage[data-stage='" + name + "']"));
        return new long[] {Long.parseLong(row.getAttribute("data-done")), Long.parseLong(row.getAttribute("data-total"))};
    }

    /** The evaluator's downloaded template with 1.4 filled in per unit, saved to a file for the browser to upload. */
    private Path template(Long campaignId, Map<String, String> values) throws Exception {
        try (Workbook workbook = spreadsheet.template(campaignId, "FINANCE")) {
            Sheet sheet = workbook.getSheet("专项评估");
            for (Row row : sheet) {
                String unit = row.getCell(0).getStringCellValue();
                if (values.containsKey(unit)) {
                    String value = values.get(unit);
                    if (value.matches("-?\\d+")) {
                        row.createCell(2).setCellValue(Integer.parseInt(value));
                    } else {
                        row.createCell(2).setCellValue(value);
                    }
                }
            }
            Path file = Files.createTempFile("finance-", ".xlsx");
            try (FileOutputStream out = new FileOutputStream(file.toFile())) {
                workbook.write(out);
            }
            return file;
        }
    }
}
