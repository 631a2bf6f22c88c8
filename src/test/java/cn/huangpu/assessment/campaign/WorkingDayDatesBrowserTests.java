package cn.huangpu.assessment.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.support.Browser;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.ProcessLookup;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.support.WebIntegrationTest;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.DeadlineProcess;
import cn.huangpu.assessment.workflow.UnitAssessmentProcess;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Tasklist forms in Chromium: the start form (forms/StartCampaign.form) with a date given in working days after
 * another, and the chase form (forms/ChaseOverdue.form) extending by working days. The expected dates are read off
 * the 2026 notice quoted in {@code calendar/2026.yaml} (see {@link CampaignDatesInWorkingDaysTests}). Screenshots go
 * to {@code target/working-days/}.
 */
@WebIntegrationTest
class WorkingDayDatesBrowserTests {

    static final Path SCREENSHOTS = Path.of("target", "working-days");

    @LocalServerPort int port;
    @Autowired CampaignService campaigns;
    @Autowired CampaignStarter starter;
    @Autowired ProcessDriver driver;
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
    void closeBrowserAndResetClock() {
        ClockUtil.reset();
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theStartFormOpensACampaignWhoseComprehensiveEvaluationIsFifteenWorkingDaysAfterTheSelfCheck() {
        // given January 2026 and the coordinator in the start form
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-01-10T02:00:00Z")));
        int year = TestUsers.formYear();
        browser.login("office01", "demo");
        // a coordinator's browser in Shanghai: the form sends the date and time with the browser's offset
        ((HasCdp) browser.driver()).executeCdpCommand("Emulation.setTimezoneOverride",
                Map.of("timezoneId", "Asia/Shanghai"));
        browser.openTasklist();
        browser.openStartForm("政务公开考核评估");

        // when the self-check and the specialist results are due on Friday 6 February at 23:59, and the
        // comprehensive evaluation 15 working days after the self-check
        browser.fillForm(Map.of("Field_year", String.valueOf(year), "Field_unitCodes", "waitan",
                "Field_evaluatorCodes", "FINANCE"));
        dateTime("Field_selfCheckDue", "2/6/2026", "23:59");
        dateTime("Field_specialistDue", "2/6/2026", "23:59");
        pick("Field_comprehensiveDueBy-1");
        // the date and time of the comprehensive evaluation make way for the count
        browser.waitUntil("working days shown", d -> d.findElements(browser.formField("Field_comprehensiveDue-date"))
                .isEmpty() && !d.findElements(browser.formField("Field_comprehensiveDueWorkingDays")).isEmpty() ? true : null);
        browser.fillForm(Map.of("Field_comprehensiveDueWorkingDays", "15"));
        // counted from: 自查截止时间, the first of the other dates
        pick("Field_comprehensiveDueAfter-0");
        browser.screenshot("01-start-form.png", 2400);
        browser.submitStartForm();

        // then the campaign's comprehensive evaluation is due on Thursday 5 March at 23:59 (the Spring Festival
        // holiday skipped, its two working Saturdays counted), and its page says so
        CampaignInfo campaign = campaigns.all().stream().filter(c -> c.year() == year).findFirst()
                .orElseThrow(() -> new AssertionError("no campaign for " + year + " after the start form"));
        assertThat(campaign.dates().selfCheckDue()).isEqualTo(Instant.parse("2026-02-06T15:59:00Z"));
        assertThat(campaign.dates().comprehensiveDue()).isEqualTo(Instant.parse("2026-03-05T15:59:00Z"));
        browser.open("/app/campaigns/" + campaign.id());
        assertThat(browser.waitForText("综合评估截止 2026年3月5日 23:59")).contains("自查截止 2026年2月6日 23:59");
        browser.screenshot("02-campaign-page.png");
    }

    @Test
    void theStartFormShowsWhyADateCannotBeCountedThroughAYearWithoutItsNotice() {
        // given the coordinator in the start form of a campaign whose dates are its year's defaults (no notice)
        int year = TestUsers.formYear();
        browser.login("office01", "demo");
        browser.openTasklist();
        browser.openStartForm("政务公开考核评估");
        browser.fillForm(Map.of("Field_year", String.valueOf(year), "Field_unitCodes", "waitan"));

        // when the results are to be due 5 working days after the comprehensive evaluation
        pick("Field_resultsDueBy-1");
        browser.fillForm(Map.of("Field_resultsDueWorkingDays", "5"));
        // counted from: 综合评估截止时间, the third of the other dates
        pick("Field_resultsDueAfter-2");
        browser.click(By.cssSelector(".modal .modal-footer button.btn-primary"));

        // then the start is refused with the calendar's reason for the date, and no campaign is opened
        browser.waitForText("结果审定截止时间", year + "年节假日安排尚未录入，按工作日计算的期限无法确定");
        browser.screenshot("03-start-refused.png", 2400);
        assertThat(campaigns.all()).noneMatch(c -> c.year() == year);
    }

    @Test
    void theChaseFormExtendsByWorkingDaysAfterTheOldDeadline() {
        // given 外滩街道's self-check due on Thursday 2 April 2026 at 23:59, overdue, and its chase task
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-01T02:00:00Z")));
        Instant due = Instant.parse("2026-04-02T15:59:00Z");
        CampaignInfo campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, due, due,
                Instant.parse("2026-05-29T15:59:00Z"), Instant.parse("2026-06-10T15:59:00Z"), List.of("waitan"),
                List.of("FINANCE")), CampaignBots.COORDINATOR_USER);
        driver.runJobs();
        ClockUtil.setCurrentTime(Date.from(due.plusSeconds(120)));
        driver.runJobs();
        Task chase = taskService.createTaskQuery().processDefinitionKey(DeadlineProcess.KEY)
                .processVariableValueEquals(CampaignProcess.CAMPAIGN_ID, campaign.id())
                .processVariableValueEquals(DeadlineProcess.SUBJECT_CODE, "waitan")
                .taskDefinitionKey(DeadlineProcess.CHASE).singleResult();
        browser.login("office01", "demo");
        // straight to the task, as a notice's link opens it: other tests' tasks may fill the list's first page
        browser.open("/camunda/app/tasklist/default/#/?task=" + chase.getId());
        browser.waitUntil("task card", d -> d.findElement(By.cssSelector(".task-details .task-card h2.task"))
                .getText().contains("督促逾期自查：外滩街道") ? true : null);
        browser.waitForForm();
        browser.claim();

        // when the coordinator extends it by 5 working days after the old deadline
        browser.choose("延长期限");
        browser.choose("原截止时间后若干个工作日");
        browser.waitUntil("working days shown", d -> d.findElements(browser.formField("Field_newDueDate-date")).isEmpty()
                && !d.findElements(browser.formField("Field_extendWorkingDays")).isEmpty() ? true : null);
        browser.fillForm(Map.of("Field_extendWorkingDays", "5", "Field_chaseReason", "单位申请延期"));
        browser.screenshot("04-chase-form.png", 1400);
        browser.complete();

        // then the self-check is due on Friday 10 April at 23:59 (Qingming 4-6 April skipped)
        driver.runJobs();
        Instant newDue = Instant.parse("2026-04-10T15:59:00Z");
        assertThat(campaigns.unit(campaign.id(), "waitan").due()).isEqualTo(newDue);
        assertThat(ProcessLookup.unitTask(taskService, campaign.id(), "waitan", UnitAssessmentProcess.SUBMIT_SELF_CHECK)
                .getDueDate()).isEqualTo(Date.from(newDue));
    }

    /**
     * Types a form-js date and time as a person does: the date (in the picker's m/d/yyyy, as it shows it), TAB into
     * the time, which opens its list of times over the fields below, then the time and TAB again; then sees both
     * stay put (the form takes times to the minute: {@code timeInterval: 1}).
     */
    private void dateTime(String componentId, String date, String time) {
        browser.untilStable("date and time " + componentId, () -> {
            WebElement day = browser.driver().findElement(browser.formField(componentId + "-date"));
            WebElement clock = browser.driver().findElement(browser.formField(componentId + "-time"));
            if (date.equals(day.getAttribute("value")) && time.equals(clock.getAttribute("value"))) {
                return true;
            }
            browser.scrollIntoView(day);
            day.click();
            day.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            day.sendKeys(date, Keys.TAB);
            WebElement focused = browser.driver().switchTo().activeElement();
            focused.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            focused.sendKeys(time, Keys.TAB);
            return false;
        });
    }

    /** Picks a radio option of the form by its input's component id (form-js ends the option's id with its index). */
    private void pick(String optionId) {
        browser.untilStable("option " + optionId, () -> {
            var input = browser.driver().findElement(browser.formField(optionId));
            if (!input.isSelected()) {
                browser.scrollIntoView(input);
                input.click();
                return false;
            }
            return true;
        });
    }
}
