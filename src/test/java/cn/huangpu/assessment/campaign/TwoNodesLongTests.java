package cn.huangpu.assessment.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.huangpu.assessment.AssessmentApplication;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.results.CampaignScoring;
import cn.huangpu.assessment.notification.Notification;
import cn.huangpu.assessment.notification.NotificationService;
import cn.huangpu.assessment.security.Groups;
import cn.huangpu.assessment.support.PostgresIntegrationTest;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.DeadlineProcess;
import cn.huangpu.assessment.workflow.UnitAssessmentProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Two application nodes on one PostgreSQL database, both with their job executors running, share a
 * 600-unit campaign: bots work through both nodes at once; the deadline timers of 100 units fall due in
 * one burst; every unit is scored exactly once, every timer effect happens once, and no input is lost. A user
 * logged in on one node goes on with the same session cookie on the other (sessions are in the database).
 * Long: runs with {@code -Plong} (.ci/run runs it).
 */
@PostgresIntegrationTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {"camunda.bpm.job-execution.enabled=true", "camunda.bpm.job-execution.max-wait=1000"})
class TwoNodesLongTests {

    @Autowired EmbeddedPostgres postgres;
    @Autowired CampaignStarter starter;
    @Autowired CampaignService campaigns;
    @Autowired CampaignBots botsA;
    @Autowired CampaignScoring scoring;
    @Autowired NotificationService notifications;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired IdentityService identityService;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc nodeA;

    /** Started once for the tests of the class (a node takes half a minute to start). */
    static ConfigurableApplicationContext nodeB;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @AfterAll
    static void stop() {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    private ConfigurableApplicationContext nodeB() {
        if (nodeB == null) {
            nodeB = new SpringApplicationBuilder(AssessmentApplication.class).profiles("postgres", "test").run(
                    "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres", "--spring.datasource.password=",
                    "--server.port=0", "--camunda.bpm.job-execution.enabled=true",
                    "--camunda.bpm.job-execution.max-wait=1000", "--spring.application.name=node-b");
        }
        return nodeB;
    }

    @Test
    void aUserLoggedInOnNodeAGoesOnOnNodeBWithTheSameCookie() throws Exception {
        // given a coordinator logged in through node A's login page (the PostgreSQL profile has no demo accounts)
        identityService.saveUser(user("office-two-nodes"));
        identityService.createMembership("office-two-nodes", Groups.COORDINATOR);
        MockHttpServletResponse loginPage = nodeA.perform(get("/login")).andReturn().getResponse();
        String anonymous = sessionCookie(loginPage);
        MockHttpServletResponse loggedIn = nodeA.perform(post("/login").cookie(new Cookie("SESSION", anonymous))
                .param("username", "office-two-nodes").param("password", "two-nodes-secret")
                .param("_csrf", formToken(loginPage.getContentAsString(StandardCharsets.UTF_8)))).andReturn().getResponse();
        assertThat(loggedIn.getStatus()).isEqualTo(302);
        assertThat(loggedIn.getHeader("Location")).doesNotContain("error");
        String session = sessionCookie(loggedIn);
        MockHttpServletResponse home = nodeA.perform(get("/app").cookie(new Cookie("SESSION", session)))
                .andReturn().getResponse();
        assertThat(home.getStatus()).isEqualTo(200);
        String token = formToken(home.getContentAsString(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        int portB = ((WebServerApplicationContext) nodeB()).getWebServer().getPort();

        // when the load balancer sends the next requests to node B: a page that needs the login, and a form
        // posted with the CSRF token of node A's page
        HttpResponse<String> pageOnB = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + portB + "/app"))
                .header("Cookie", "SESSION=" + session).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> formOnB = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + portB + "/app/notifications/read"))
                .header("Cookie", "SESSION=" + session).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());

        // then node B knows the user and takes the form; what it put in the session (the flash message) shows on A
        assertThat(pageOnB.statusCode()).isEqualTo(200);
        assertThat(pageOnB.body()).contains("退出");
        assertThat(formOnB.statusCode()).isEqualTo(302);
        assertThat(formOnB.headers().firstValue("Location").orElseThrow()).endsWith("/app");
        String homeOnA = nodeA.perform(get("/app").cookie(new Cookie("SESSION", session))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(homeOnA).containsPattern("class=\"notice\">(没有未读通知。|已将\\d+条通知标为已读。)<");

        // and a logout on B ends the session on A as well
        // (as a browser asks, for HTML: a client that does not is answered 204 instead of the redirect)
        HttpResponse<String> logout = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + portB + "/logout"))
                .header("Cookie", "SESSION=" + session).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(logout.statusCode()).isEqualTo(302);
        MockHttpServletResponse afterLogout = nodeA.perform(get("/app").cookie(new Cookie("SESSION", session))
                        .accept(org.springframework.http.MediaType.TEXT_HTML))
                .andReturn().getResponse();
        assertThat(afterLogout.getStatus()).isEqualTo(302);
        assertThat(afterLogout.getHeader("Location")).endsWith("/login");
    }

    @Test
    void sixHundredUnitsOnTwoNodes() throws Exception {
        CampaignBots botsB = nodeB().getBean(CampaignBots.class);

        for (int i = 0; i < 553; i++) {
            jdbc.update("insert into assessed_unit (code, name, kind, sort_order) values (?, ?, 'DEPARTMENT', ?)"
                    + " on conflict do nothing", "load" + i, "负载单位" + i, 1000 + i);
        }
        Instant due = Instant.now().plus(Duration.ofDays(10));
        CampaignInfo campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, due, due,
                due.plus(Duration.ofDays(10)), due.plus(Duration.ofDays(20)), List.of(), List.of()),
                CampaignBots.COORDINATOR_USER);
        Long id = campaign.id();
        List<UnitParticipation> units = campaigns.units(id);
        assertThat(units).hasSize(600);
        await(() -> open(UnitAssessmentProcess.SUBMIT_SELF_CHECK, id) == 600);

        // 500 units submit and are verified, half through each node, four at a time
        List<UnitParticipation> submitting = units.subList(0, 500);
        inParallel(submitting, (i, unit) -> {
            CampaignBots bots = i % 2 == 0 ? botsA : botsB;
            Random random = new Random(i);
            bots.fillSelfCheck(id, unit.unitCode(), random);
            bots.submitSelfCheck(id, unit.unitCode());
        });
        await(() -> open(UnitAssessmentProcess.VERIFY, id) == 500);
        inParallel(submitting, (i, unit) -> (i % 2 == 0 ? botsA : botsB).verify(id, unit.unitCode(), new Random(i)));
        List<EvaluatorParticipation> evaluators = campaigns.evaluators(id);
        inParallel(evaluators, (i, e) -> (i % 2 == 0 ? botsA : botsB).deliver(id, e.evaluatorCode(), new Random(i)));

        // the deadline of the other 100 falls due for both nodes at once. The clock jumps and then runs on: a
        // timer job that loses a race with the other node is retried a minute later on the engine's clock
        // (R3/PT1M), which a fixed clock would never reach (CI once saw the chase tasks stop short of 100)
        ClockUtil.offset(due.plusSeconds(60).toEpochMilli() - System.currentTimeMillis());
        await(() -> open(DeadlineProcess.CHASE, id) == 100);
        for (UnitParticipation unit : units.subList(500, 600)) {
            assertThat(notifications.forGroups(List.of(Groups.unit(unit.unitCode())), 10))
                    .filteredOn(n -> n.getCampaignId().equals(id) && n.getKind() == Notification.Kind.OVERDUE)
                    .as(unit.unitCode()).hasSize(1);
        }
        assertThat(campaigns.units(id).stream().filter(UnitParticipation::overdue).count()).isEqualTo(100);

        // the office closes them as not submitted, through both nodes
        inParallel(units.subList(500, 600), (i, unit) -> (i % 2 == 0 ? botsA : botsB).chase(id, unit.unitCode(), Map.of(DeadlineProcess.CHASE_DECISION, DeadlineProcess.CLOSE, DeadlineProcess.CHASE_REASON, "逾期未提交")));

        // then every unit is in and scored exactly once, by one of the nodes, without incidents
        await(() -> open(CampaignProcess.COMPREHENSIVE_EVALUATION, id) == 1);
        assertThat(campaigns.units(id)).allMatch(UnitParticipation::ready);
        assertThat(scoring.countRound(id, 1)).isEqualTo(600);
        assertThat(historyService.createHistoricActivityInstanceQuery().activityId(CampaignProcess.SCORE_UNITS)
                .processInstanceId(campaigns.get(id).processInstanceId()).count()).isOne();
        assertThat(runtimeService.createIncidentQuery().count()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from self_check_entry where campaign_id = ?", Long.class, id))
                .isEqualTo(500L * 44);
    }

    private org.camunda.bpm.engine.identity.User user(String id) {
        org.camunda.bpm.engine.identity.User user = identityService.newUser(id);
        user.setFirstName("两节点");
        user.setLastName("测试");
        user.setPassword("two-nodes-secret");
        return user;
    }

    private static String sessionCookie(MockHttpServletResponse response) {
        Cookie cookie = response.getCookie("SESSION");
        assertThat(cookie).as("SESSION cookie").isNotNull();
        return cookie.getValue();
    }

    private static String formToken(String page) {
        Matcher matcher = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page);
        assertThat(matcher.find()).as("CSRF token on the page").isTrue();
        return matcher.group(1);
    }

    private long open(String taskKey, Long campaignId) {
        // by the campaign id variable: a key prefix of campaign 1 would also match campaigns 10 to 19
        return taskService.createTaskQuery().taskDefinitionKey(taskKey)
                .processVariableValueEquals(CampaignProcess.CAMPAIGN_ID, campaignId).count();
    }

    /** What the job table holds when a wait times out: the jobs by kind, due date, retries, lock and failure. */
    private List<Map<String, Object>> jobsLeft() {
        return jdbc.queryForList("select type_, handler_type_, duedate_, retries_, lock_owner_, lock_exp_time_,"
                + " left(exception_msg_, 200) as exception from act_ru_job order by duedate_ limit 20");
    }

    private interface Work<T> {
        void run(int index, T item) throws Exception;
    }

    private static <T> void inParallel(List<T> items, Work<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                work.run(index, items.get(index));
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
    }

    private void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 5 minutes; jobs left: " + jobsLeft());
            }
            Thread.sleep(500);
        }
    }
}
