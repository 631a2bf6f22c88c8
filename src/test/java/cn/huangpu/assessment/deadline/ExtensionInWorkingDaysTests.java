package cn.huangpu.assessment.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.audit.AuditLog;
import cn.huangpu.assessment.audit.internal.AuditEntry;
import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.ProcessLookup;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.support.WebIntegrationTest;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.DeadlineProcess;
import cn.huangpu.assessment.workflow.UnitAssessmentProcess;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The coordinator extends an overdue deadline by a number of working days, after the old deadline or from today,
 * in the chase task (forms/ChaseOverdue.form). The expected dates are read off the 2026 notice's text quoted in
 * {@code calendar/2026.yaml}, not computed with the code under test:
 * <ul>
 *   <li>三、清明节：4月4日（周六）至6日（周一）放假，共3天。 (so 2 April 2026 is a Thursday)</li>
 *   <li>四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。 (so 30 April is a Thursday)</li>
 * </ul>
 */
@WebIntegrationTest
class ExtensionInWorkingDaysTests {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired CampaignStarter starter;
    @Autowired CampaignService campaigns;
    @Autowired CampaignBots bots;
    @Autowired ProcessDriver driver;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired TaskService taskService;
    @Autowired AuditLog audit;

    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void fiveWorkingDaysAfterAThursdayDeadlineSkipQingmingAndTheTimerIsSetThere() {
        // given 外滩街道's self-check due on Thursday 2 April 2026 at 23:59, overdue
        CampaignInfo campaign = overdueCampaign("2026-03-01T02:00:00Z", "2026-04-02T15:59:00Z", "2026-04-02T16:01:00Z");

        // when the coordinator extends it by 5 working days after the old deadline
        bots.chase(campaign.id(), "waitan", Map.of(DeadlineProcess.CHASE_DECISION, DeadlineProcess.EXTEND,
                DeadlineProcess.EXTEND_BY, DeadlineProcess.BY_WORKING_DAYS_AFTER_DUE,
                DeadlineProcess.EXTEND_WORKING_DAYS, 5, DeadlineProcess.CHASE_REASON, "单位申请延期"));
        driver.runJobs();

        // then it is due on Friday 10 April at 23:59: 3 April (1), Qingming 4-6 April skipped, 7-10 April (5);
        // Monday to Friday would have given the 9th. The task, the deadline's timer and the campaign agree.
        Instant newDue = Instant.parse("2026-04-10T15:59:00Z");
        assertThat(selfCheckTask(campaign).getDueDate()).isEqualTo(Date.from(newDue));
        assertThat(dueTimer(campaign).getDuedate()).isEqualTo(Date.from(newDue));
        assertThat(campaigns.unit(campaign.id(), "waitan").due()).isEqualTo(newDue);
        assertThat(campaigns.unit(campaign.id(), "waitan").overdue()).isFalse();
        // and the audit entry shows the calendar date, with how it was counted
        assertThat(audit.forCampaign(campaign.id())).filteredOn(e -> "EXTEND".equals(e.getAction())).singleElement()
                .satisfies(e -> {
                    assertThat(e.getBeforeValue()).isEqualTo("2026年4月2日 23:59");
                    assertThat(e.getAfterValue()).isEqualTo("2026年4月10日 23:59（原截止时间后5个工作日）");
                    assertThat(e.getReason()).isEqualTo("单位申请延期");
                });

        // and the timer fires after 23:59 on the 10th, not on the 9th
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-04-09T16:01:00Z")));
        driver.runJobs();
        assertThat(campaigns.unit(campaign.id(), "waitan").overdue()).isFalse();
        ClockUtil.setCurrentTime(Date.from(newDue.plusSeconds(60)));
        driver.runJobs();
        assertThat(campaigns.unit(campaign.id(), "waitan").overdue()).isTrue();

        // and a second extension that gives a date gets that date, not the first one's working days
        Instant givenDue = Instant.parse("2026-04-20T15:59:00Z");
        bots.chase(campaign.id(), "waitan", Map.of(DeadlineProcess.CHASE_DECISION, DeadlineProcess.EXTEND,
                DeadlineProcess.NEW_DUE_DATE, givenDue.toString(), DeadlineProcess.CHASE_REASON, "再延期一次"));
        driver.runJobs();
        assertThat(selfCheckTask(campaign).getDueDate()).isEqualTo(Date.from(givenDue));
        assertThat(audit.forCampaign(campaign.id())).filteredOn(e -> "EXTEND".equals(e.getAction()))
                .extracting(AuditEntry::getAfterValue).contains("2026年4月20日 23:59");
    }

    @Test
    void fiveWorkingDaysFromTodayCountTheWorkingSaturdayAfterLabourDay() {
        // given 外滩街道's self-check due on Wednesday 29 April 2026 at 23:59, and Thursday 30 April, 10:00 in Shanghai
        CampaignInfo campaign = overdueCampaign("2026-03-01T02:00:00Z", "2026-04-29T15:59:00Z", "2026-04-30T02:00:00Z");

        // when the coordinator extends it by 5 working days from today
        bots.chase(campaign.id(), "waitan", Map.of(DeadlineProcess.CHASE_DECISION, DeadlineProcess.EXTEND,
                DeadlineProcess.EXTEND_BY, DeadlineProcess.BY_WORKING_DAYS_FROM_TODAY,
                DeadlineProcess.EXTEND_WORKING_DAYS, 5, DeadlineProcess.CHASE_REASON, "节后补交"));
        driver.runJobs();

        // then it is due on Monday 11 May at 23:59, the old deadline's time of day: Labour Day 1-5 May skipped,
        // 6-8 May (3), Saturday 9 May (4, a make-up working day), 11 May (5); Monday to Friday would give 7 May
        Instant newDue = Instant.parse("2026-05-11T15:59:00Z");
        assertThat(selfCheckTask(campaign).getDueDate()).isEqualTo(Date.from(newDue));
        assertThat(dueTimer(campaign).getDuedate()).isEqualTo(Date.from(newDue));
        assertThat(audit.forCampaign(campaign.id())).filteredOn(e -> "EXTEND".equals(e.getAction()))
                .extracting(AuditEntry::getAfterValue).containsExactly("2026年5月11日 23:59（自办理之日起5个工作日）");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "251", "1000000000", "2.5"})
    void aNumberOfWorkingDaysThatIsNoneOrAbsurdIsRefusedWith400(String days) throws Exception {
        // given an overdue self-check and its chase task
        CampaignInfo campaign = overdueCampaign("2026-03-01T02:00:00Z", "2026-04-02T15:59:00Z", "2026-04-02T16:01:00Z");
        Task chase = chaseTask(campaign);

        // when the coordinator submits an extension by that many working days
        HttpResponse<String> answer = submit(chase, "WORKING_DAYS_AFTER_DUE", days);

        // then it is refused with 400 naming the number of working days, and the chase task stays open
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(JSON.readTree(answer.body()).get("message").asText()).contains("工作日数").contains("1至250");
        assertThat(taskService.createTaskQuery().taskId(chase.getId()).count()).isOne();
        assertThat(campaigns.unit(campaign.id(), "waitan").due()).isEqualTo(Instant.parse("2026-04-02T15:59:00Z"));
    }

    @Test
    void anExtensionThroughAYearWithoutItsNoticeIsRefusedWith400() throws Exception {
        // given a self-check due on Friday 18 December 2026, overdue (no 2027 notice is shipped)
        CampaignInfo campaign = overdueCampaign("2026-11-01T02:00:00Z", "2026-12-18T15:59:00Z", "2026-12-19T02:00:00Z");
        Task chase = chaseTask(campaign);

        // when the coordinator extends it by 10 working days, which pass 29 December
        HttpResponse<String> answer = submit(chase, "WORKING_DAYS_AFTER_DUE", "10");

        // then it is refused with the calendar's reason, not counted as Monday to Friday
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(JSON.readTree(answer.body()).get("message").asText())
                .contains("新的截止时间").contains("2027年节假日安排尚未录入，按工作日计算的期限无法确定");
        assertThat(taskService.createTaskQuery().taskId(chase.getId()).count()).isOne();
    }

    /** A campaign of 外滩街道 opened at {@code now}, self-check due at {@code due}, the clock then at {@code overdueAt}. */
    private CampaignInfo overdueCampaign(String now, String due, String overdueAt) {
        ClockUtil.setCurrentTime(Date.from(Instant.parse(now)));
        Instant selfCheckDue = Instant.parse(due);
        CampaignInfo campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, selfCheckDue, selfCheckDue,
                selfCheckDue.plusSeconds(60 * 24 * 3600), selfCheckDue.plusSeconds(70 * 24 * 3600), List.of("waitan"),
                List.of("FINANCE")), CampaignBots.COORDINATOR_USER);
        driver.runJobs();
        ClockUtil.setCurrentTime(Date.from(Instant.parse(overdueAt)));
        driver.runJobs();
        assertThat(campaigns.unit(campaign.id(), "waitan").overdue()).isTrue();
        return campaign;
    }

    private Task selfCheckTask(CampaignInfo campaign) {
        return ProcessLookup.unitTask(taskService, campaign.id(), "waitan", UnitAssessmentProcess.SUBMIT_SELF_CHECK);
    }

    private Task chaseTask(CampaignInfo campaign) {
        return taskService.createTaskQuery().processDefinitionKey(DeadlineProcess.KEY)
                .processVariableValueEquals(CampaignProcess.CAMPAIGN_ID, campaign.id())
                .processVariableValueEquals(DeadlineProcess.SUBJECT_CODE, "waitan")
                .taskDefinitionKey(DeadlineProcess.CHASE).singleResult();
    }

    private Job dueTimer(CampaignInfo campaign) {
        ProcessInstance unit = ProcessLookup.unitInstance(runtimeService, campaign.id(), "waitan");
        ProcessInstance deadline = runtimeService.createProcessInstanceQuery().superProcessInstanceId(unit.getId())
                .processDefinitionKey(DeadlineProcess.KEY).singleResult();
        return managementService.createJobQuery().processInstanceId(deadline.getId()).timers()
                .activityId(DeadlineProcess.DUE_TIMER).singleResult();
    }

    /** Submits the chase form over the engine's REST API as the coordinator. */
    private HttpResponse<String> submit(Task chase, String extendBy, String days) throws Exception {
        String body = """
                {"variables": {"chaseDecision": {"value": "EXTEND"}, "extendBy": {"value": "%s"},
                 "extendWorkingDays": {"value": %s}, "chaseReason": {"value": "延期"}}}""".formatted(extendBy, days);
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/task/"
                                + chase.getId() + "/submit-form"))
                        .header("Authorization", "Basic " + Base64.getEncoder()
                                .encodeToString("office01:demo".getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/json").header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
