package cn.huangpu.assessment.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.audit.internal.AuditEntry;
import cn.huangpu.assessment.audit.AuditLog;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.ProcessLookup;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.support.WebIntegrationTest;
import cn.huangpu.assessment.support.WebSession;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.DeadlineProcess;
import cn.huangpu.assessment.workflow.UnitAssessmentProcess;
import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Random;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Campaign dates given as "N working days after X", counted with the State Council's notices shipped in
 * {@code calendar/<year>.yaml}. Every expected date below is read off the notice's text quoted in those files, not
 * computed with the code under test:
 * <ul>
 *   <li>2026 Spring Festival (二、春节): 2月15日（周日）至23日（周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。</li>
 *   <li>2026 Qingming (三、清明节): 4月4日（周六）至6日（周一）放假，共3天。</li>
 * </ul>
 * 2026-02-01 is a Sunday (1月1日 is a Thursday, the notice says), so 2026-02-06 is a Friday.
 */
@WebIntegrationTest
class CampaignDatesInWorkingDaysTests {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Friday 6 February 2026, 23:59 in Shanghai. */
    static final String FRIDAY_6_FEBRUARY = "2026-02-06T15:59:00Z";

    @LocalServerPort int port;
    @Autowired CampaignService campaigns;
    @Autowired AuditLog audit;
    @Autowired ProcessDriver driver;
    @Autowired CampaignBots bots;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;

    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aComprehensiveEvaluationFifteenWorkingDaysAfterTheSelfCheckSkipsTheSpringFestival() throws Exception {
        // given January 2026, and a self-check due on Friday 6 February
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-01-10T02:00:00Z")));

        // when the coordinator opens a campaign whose comprehensive evaluation is due 15 working days after it
        HttpResponse<String> answer = open("""
                {"year": %d, "selfCheckDue": "%s", "specialistDue": "%s", "unitCodes": ["waitan"],
                 "evaluatorCodes": ["FINANCE"],
                 "inWorkingDays": {"comprehensiveDue": {"days": 15, "after": "selfCheckDue"}}}"""
                .formatted(TestUsers.freshYear(), FRIDAY_6_FEBRUARY, FRIDAY_6_FEBRUARY));

        // then it is due on Thursday 5 March at 23:59: 9-13 Feb (5), Saturday 14 Feb (6, a make-up working day),
        // the holiday 15-23 Feb skipped, 24-27 Feb (10), Saturday 28 Feb (11), 2-5 March (15). Monday to Friday
        // would have given 27 February.
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        JsonNode opened = JSON.readTree(answer.body());
        assertThat(opened.get("comprehensiveDue").asText()).isEqualTo("2026-03-05T15:59:00Z");
        assertThat(opened.at("/shown/comprehensiveDue").asText()).isEqualTo("2026年3月5日 23:59");
        assertThat(opened.get("selfCheckDue").asText()).isEqualTo(FRIDAY_6_FEBRUARY);
        long id = opened.get("id").asLong();
        assertThat(campaigns.get(id).dates().comprehensiveDue()).isEqualTo(Instant.parse("2026-03-05T15:59:00Z"));

        // and the audit entry of the opening shows the calendar date with how it was counted
        assertThat(audit.forCampaign(id)).filteredOn(e -> "OPEN".equals(e.getAction())).singleElement()
                .extracting(AuditEntry::getAfterValue).asString()
                .contains("自查截止 2026年2月6日 23:59")
                .contains("综合评估截止 2026年3月5日 23:59（自查截止时间后15个工作日）");

        // and the campaign's page shows the date
        WebSession office = WebSession.login(port, "office01");
        HttpResponse<String> page = office.get("/app/campaigns/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(page.body()).select(".card").first().text())
                .contains("自查截止 2026年2月6日 23:59").contains("综合评估截止 2026年3月5日 23:59");
    }

    @Test
    void theEnginesTimersAreSetToTheDatesCountedInWorkingDays() throws Exception {
        // given January 2026 and a campaign whose self-check is due 10 working days after 6 February (9-13 Feb,
        // Saturday 14 Feb, 24-27 Feb: Friday 27 February), its comprehensive evaluation 15 working days after that
        // (Saturday 28 Feb, 2-6, 9-13 and 16-19 March: Thursday 19 March) and its results 15 working days after
        // that (20 March, 23-27 March, 30 March-3 April, Qingming 4-6 April skipped, 7-10 April: Friday 10 April)
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-01-10T02:00:00Z")));
        HttpResponse<String> answer = open("""
                {"year": %d, "specialistDue": "2026-02-27T15:59:00Z", "unitCodes": ["waitan"],
                 "evaluatorCodes": ["FINANCE"],
                 "inWorkingDays": {"selfCheckDue": {"days": 10, "after": "2026-02-06"},
                                   "comprehensiveDue": {"days": 15, "after": "selfCheckDue"},
                                   "resultsDue": {"days": 15, "after": "comprehensiveDue"}}}"""
                .formatted(TestUsers.freshYear()));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        long id = JSON.readTree(answer.body()).get("id").asLong();
        Instant selfCheckDue = Instant.parse("2026-02-27T15:59:00Z");
        Instant comprehensiveDue = Instant.parse("2026-03-19T15:59:00Z");
        Instant resultsDue = Instant.parse("2026-04-10T15:59:00Z");

        // when the units are launched
        driver.runJobs();

        // then the unit's task and its deadline's timer are due on 27 February at 23:59
        ProcessInstance unit = ProcessLookup.unitInstance(runtimeService, id, "waitan");
        ProcessInstance deadline = runtimeService.createProcessInstanceQuery().superProcessInstanceId(unit.getId())
                .processDefinitionKey(DeadlineProcess.KEY).singleResult();
        assertThat(dueTimer(deadline.getId(), DeadlineProcess.DUE_TIMER).getDuedate()).isEqualTo(Date.from(selfCheckDue));
        assertThat(ProcessLookup.unitTask(taskService, id, "waitan", UnitAssessmentProcess.SUBMIT_SELF_CHECK).getDueDate())
                .isEqualTo(Date.from(selfCheckDue));

        // and the deadline has not passed on 20 February, the day Monday to Friday would have given, nor a minute
        // before 23:59 on the 27th; it passes just after
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-02-20T16:00:00Z")));
        driver.runJobs();
        ClockUtil.setCurrentTime(Date.from(selfCheckDue.minusSeconds(60)));
        driver.runJobs();
        assertThat(campaigns.unit(id, "waitan").overdue()).isFalse();
        ClockUtil.setCurrentTime(Date.from(selfCheckDue.plusSeconds(60)));
        driver.runJobs();
        assertThat(campaigns.unit(id, "waitan").overdue()).isTrue();

        // and once the unit has submitted, its verification is due on 19 March
        Random random = new Random(17);
        bots.fillSelfCheck(id, "waitan", random);
        bots.submitSelfCheck(id, "waitan");
        driver.runJobs();
        assertThat(ProcessLookup.unitTask(taskService, id, "waitan", UnitAssessmentProcess.VERIFY).getDueDate())
                .isEqualTo(Date.from(comprehensiveDue));

        // and once every input is in and the comprehensive evaluation is done, the results timer is set to 10 April
        bots.verify(id, "waitan", random);
        bots.deliver(id, "FINANCE", random);
        driver.runJobs();
        bots.evaluateComprehensively(id, random);
        driver.runJobs();
        String campaignInstance = campaigns.get(id).processInstanceId();
        assertThat(dueTimer(campaignInstance, CampaignProcess.RESULTS_DUE_TIMER).getDuedate())
                .isEqualTo(Date.from(resultsDue));
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-04-09T16:00:00Z")));
        driver.runJobs();
        assertThat(activityPassed(campaignInstance, CampaignProcess.NOTIFY_APPROVAL_OVERDUE)).isFalse();
        ClockUtil.setCurrentTime(Date.from(resultsDue.plusSeconds(60)));
        driver.runJobs();
        assertThat(activityPassed(campaignInstance, CampaignProcess.NOTIFY_APPROVAL_OVERDUE)).isTrue();
    }

    @Test
    void aCountThroughAYearWithoutItsNoticeIsRefusedNamingTheDate() throws Exception {
        // given December 2026 (no 2027 notice is shipped) and a self-check due on Friday 18 December
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-01T02:00:00Z")));
        int before = campaigns.all().size();

        // when the comprehensive evaluation is to be 10 working days later, which passes 29 December
        HttpResponse<String> answer = open("""
                {"year": %d, "selfCheckDue": "2026-12-18T15:59:00Z", "specialistDue": "2026-12-18T15:59:00Z",
                 "inWorkingDays": {"comprehensiveDue": {"days": 10, "after": "selfCheckDue"}}}"""
                .formatted(TestUsers.freshYear()));

        // then it is refused with the calendar's reason, naming the date, and no campaign is opened
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        JsonNode error = JSON.readTree(answer.body()).get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("inWorkingDays.comprehensiveDue");
        assertThat(error.get("label").asText()).isEqualTo("综合评估截止时间");
        assertThat(error.get("reason").asText()).startsWith("2027年节假日安排尚未录入，按工作日计算的期限无法确定");
        assertThat(campaigns.all()).hasSize(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "251", "1000000000", "99999999999", "15.5", "1e400", "\"十五\"", "null"})
    void aNumberOfWorkingDaysThatIsNoneOrAbsurdIsRefusedNamingIt(String days) throws Exception {
        // given January 2026 and a self-check due on 6 February
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-01-10T02:00:00Z")));
        int before = campaigns.all().size();

        // when the comprehensive evaluation is given that many working days after it
        HttpResponse<String> answer = open("""
                {"year": %d, "selfCheckDue": "%s", "specialistDue": "%s",
                 "inWorkingDays": {"comprehensiveDue": {"days": %s, "after": "selfCheckDue"}}}"""
                .formatted(TestUsers.freshYear(), FRIDAY_6_FEBRUARY, FRIDAY_6_FEBRUARY, days));

        // then it is refused naming the number, in Chinese, and nothing is saved
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        JsonNode errors = JSON.readTree(answer.body()).get("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("field").asText()).isEqualTo("inWorkingDays.comprehensiveDue.days");
        assertThat(errors.get(0).get("message").asText()).matches(".*(整数|工作日数).*");
        assertThat(campaigns.all()).hasSize(before);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // a date counted from nothing the request knows
            "\"comprehensiveDue\": {\"days\": 5, \"after\": \"tomorrow\"}|inWorkingDays.comprehensiveDue.after|起算日须为",
            "\"comprehensiveDue\": {\"days\": 5, \"after\": \"2026-02-30\"}|inWorkingDays.comprehensiveDue.after|起算日须为",
            "\"comprehensiveDue\": {\"days\": 5}|inWorkingDays.comprehensiveDue.after|未填写起算日",
            "\"comprehensiveDue\": {\"days\": 5, \"after\": \"comprehensiveDue\"}|inWorkingDays.comprehensiveDue.after|本身",
            // two dates counted from each other
            "\"comprehensiveDue\": {\"days\": 5, \"after\": \"resultsDue\"}, \"resultsDue\": {\"days\": 5, \"after\": \"comprehensiveDue\"}"
                    + "|inWorkingDays.comprehensiveDue|相互引用",
            // a date given twice, and a date the campaign does not have
            "\"selfCheckDue\": {\"days\": 5, \"after\": \"2026-01-20\"}|inWorkingDays.selfCheckDue|不能同时按工作日推算",
            "\"feedbackDue\": {\"days\": 5, \"after\": \"selfCheckDue\"}|inWorkingDays.feedbackDue|没有名为“feedbackDue”的考评日期"})
    void aDateThatCannotBeCountedIsRefusedNamingWhy(String rules, String field, String reason) throws Exception {
        // given January 2026
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-01-10T02:00:00Z")));
        int before = campaigns.all().size();

        // when the dates in working days are these
        HttpResponse<String> answer = open("""
                {"year": %d, "selfCheckDue": "%s", "specialistDue": "%s", "inWorkingDays": {%s}}"""
                .formatted(TestUsers.freshYear(), FRIDAY_6_FEBRUARY, FRIDAY_6_FEBRUARY, rules));

        // then the opening is refused naming the rule and why, and nothing is saved
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        JsonNode errors = JSON.readTree(answer.body()).get("errors");
        assertThat(errors.findValuesAsText("field")).contains(field);
        assertThat(errors.findValuesAsText("reason")).anySatisfy(r -> assertThat(r).contains(reason));
        assertThat(campaigns.all()).hasSize(before);
    }

    private HttpResponse<String> open(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/campaigns"))
                        .header("Authorization", "Basic " + Base64.getEncoder()
                                .encodeToString("office01:demo".getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/json").header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private Job dueTimer(String processInstanceId, String activityId) {
        List<Job> timers = managementService.createJobQuery().processInstanceId(processInstanceId).timers()
                .activityId(activityId).list();
        assertThat(timers).as("timer " + activityId).hasSize(1);
        return timers.get(0);
    }

    private boolean activityPassed(String processInstanceId, String activityId) {
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .activityId(activityId).count() > 0;
    }
}
