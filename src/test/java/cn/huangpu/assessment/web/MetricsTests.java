package cn.huangpu.assessment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.catalogue.Indicator;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.selfcheck.SelfCheckService;
import cn.huangpu.assessment.selfcheck.SelfCheckService.Draft;
import cn.huangpu.assessment.support.H2IntegrationTest;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.DeadlineProcess;
import cn.huangpu.assessment.workflow.UnitAssessmentProcess;
import cn.huangpu.assessment.workflow.SpecialistEvaluationProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The Prometheus endpoint: administrators only, nothing else of the actuator leaks, and the campaign's gauges
 * report what is in the database when scraped. (Spring Boot's tests turn metrics export off unless asked:
 * {@code @AutoConfigureObservability}.)
 */
@H2IntegrationTest
@AutoConfigureMockMvc
@AutoConfigureObservability(tracing = false)
class MetricsTests {

    @Autowired MockMvc mvc;
    @Autowired CampaignStarter starter;
    @Autowired SelfCheckService selfChecks;
    @Autowired CampaignBots bots;
    @Autowired ProcessDriver driver;
    @Autowired ManagementService managementService;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/prometheus", "/actuator/info", "/actuator/env", "/actuator/heapdump",
            "/actuator/metrics", "/actuator/threaddump", "/actuator/loggers", "/actuator/configprops"})
    void anonymousCallersAreAskedToLogIn(String path) throws Exception {
        mvc.perform(get(path)).andExpect(status().isUnauthorized());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/prometheus", "/actuator/info", "/actuator/env", "/actuator/heapdump",
            "/actuator/metrics", "/actuator/threaddump", "/actuator"})
    void staffWhoAreNotAdministratorsAreRefused(String path) throws Exception {
        for (String user : List.of("office01", "leader01", "waitan01", "eval-finance")) {
            mvc.perform(get(path).with(httpBasic(user, "demo"))).andExpect(status().isForbidden());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/env", "/actuator/heapdump", "/actuator/metrics", "/actuator/threaddump",
            "/actuator/beans", "/actuator/configprops", "/actuator/loggers", "/actuator/shutdown"})
    void evenAdministratorsGetNoOtherEndpointThanHealthInfoAndPrometheus(String path) throws Exception {
        mvc.perform(get(path).with(httpBasic("admin", "demo"))).andExpect(status().isNotFound());
    }

    @Test
    void aScrapeByBasicAuthenticationLeavesNoSessionBehind() throws Exception {
        // given the sessions in the database
        long before = jdbc.queryForObject("select count(*) from spring_session", Long.class);

        // when Prometheus scrapes as the administrator
        mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Set-Cookie"));

        // then no session was stored for it (a scrape every 15 s would otherwise leave one row each)
        assertThat(jdbc.queryForObject("select count(*) from spring_session", Long.class)).isEqualTo(before);
    }

    @Test
    void theScrapeReportsTheCampaignsWorkBesideTheJvmAndTheConnectionPool() throws Exception {
        // given a campaign of three units and one evaluator; 外滩街道 submits its self-check with one link per indicator
        Instant selfCheckDue = Instant.now().plus(Duration.ofDays(10));
        CampaignInfo campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, selfCheckDue,
                selfCheckDue.plus(Duration.ofDays(20)), selfCheckDue.plus(Duration.ofDays(30)),
                selfCheckDue.plus(Duration.ofDays(40)), List.of("waitan", "yuyuan", "czj"), List.of("FINANCE")),
                CampaignBots.COORDINATOR_USER);
        Long id = campaign.id();
        driver.runJobs();
        Map<String, Draft> drafts = new LinkedHashMap<>();
        List<Indicator> indicators = selfChecks.catalogue(id).indicators();
        for (Indicator indicator : indicators) {
            drafts.put(indicator.code(), new Draft("已完成",
                    "https://www.shhuangpu.gov.cn/zw/waitan/" + indicator.code(), false));
        }
        selfChecks.saveDraft(id, "waitan", drafts, CampaignBots.unitUser("waitan"));
        bots.submitSelfCheck(id, "waitan");
        // and the self-check deadline of the other two passes
        ClockUtil.setCurrentTime(Date.from(selfCheckDue.plusSeconds(60)));
        driver.runJobs();
        // and of the timers left, one fails for good (an incident) and one is due for the job executor
        List<Job> timers = managementService.createJobQuery().timers().list();
        assertThat(timers).hasSizeGreaterThanOrEqualTo(2);
        managementService.setJobRetries(timers.get(0).getId(), 0);
        managementService.setJobDuedate(timers.get(1).getId(), Date.from(selfCheckDue));

        // when the administrator scrapes
        String scrape = mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        // then the open tasks per stage are those of the campaign
        assertThat(value(scrape, "assessment_tasks_open", UnitAssessmentProcess.SUBMIT_SELF_CHECK)).isEqualTo(2);
        assertThat(value(scrape, "assessment_tasks_open", UnitAssessmentProcess.VERIFY)).isEqualTo(1);
        assertThat(value(scrape, "assessment_tasks_open", DeadlineProcess.CHASE)).isEqualTo(2);
        assertThat(value(scrape, "assessment_tasks_open", SpecialistEvaluationProcess.DELIVER)).isEqualTo(1);
        assertThat(value(scrape, "assessment_tasks_open", CampaignProcess.APPROVE_GRADES)).isZero();
        // and the two units past their deadline, the evaluator not yet
        assertThat(value(scrape, "assessment_units_overdue", null)).isEqualTo(2);
        assertThat(value(scrape, "assessment_evaluators_overdue", null)).isZero();
        // and the job backlog: one job due, one failed (counted once, although Cockpit shows its incident twice:
        // on the Deadline instance and on the unit's that called it)
        assertThat(value(scrape, "assessment_jobs_executable", null)).isEqualTo(1);
        assertThat(value(scrape, "assessment_jobs_failed", null)).isEqualTo(1);
        // and 外滩街道's links wait for the checker (its worker is off in tests)
        assertThat(value(scrape, "assessment_link_checks_queued", null)).isEqualTo(indicators.size());
        // and the JVM's and the connection pool's own meters are there beside them
        assertThat(scrape).contains("jvm_memory_used_bytes", "hikaricp_connections_active", "process_cpu_usage");
    }

    /** The value of a sample of the scrape, of the one whose {@code stage} tag is given (or the only one). */
    private static double value(String scrape, String name, String stage) {
        String labels = stage == null ? "(\\{[^}]*\\})?" : "\\{[^}]*stage=\"" + Pattern.quote(stage) + "\"[^}]*\\}";
        Matcher matcher = Pattern.compile("(?m)^" + name + labels + " (\\S+)$").matcher(scrape);
        assertThat(matcher.find()).as("sample %s %s in the scrape", name, stage).isTrue();
        double value = Double.parseDouble(matcher.group(matcher.groupCount()));
        assertThat(matcher.find()).as("one sample %s %s", name, stage).isFalse();
        return value;
    }
}
