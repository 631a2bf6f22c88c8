package cn.huangpu.assessment.campaign;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Two application nodes on one PostgreSQL database, both with their job executors running, share a
 * 600-unit campaign: bots work through both nodes at once; the deadline timers of 100 units fall due in
 * one burst; every unit is scored exactly once, every timer effect happens once, and no input is lost.
 * Long: runs with {@code -Plong} (.ci/run runs it).
 */
@PostgresIntegrationTest
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
    @Autowired JdbcTemplate jdbc;

    ConfigurableApplicationContext nodeB;

    @AfterEach
    void stop() {
        ClockUtil.reset();
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @Test
    void sixHundredUnitsOnTwoNodes() throws Exception {
        nodeB = new SpringApplicationBuilder(AssessmentApplication.class).profiles("postgres", "test").run(
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--server.port=0", "--camunda.bpm.job-execution.enabled=true",
                "--camunda.bpm.job-execution.max-wait=1000", "--spring.application.name=node-b");
        CampaignBots botsB = nodeB.getBean(CampaignBots.class);

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

        // the deadline of the other 100 falls due for both nodes at once
        ClockUtil.setCurrentTime(Date.from(due.plusSeconds(60)));
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

    private long open(String taskKey, Long campaignId) {
        // by the campaign id variable: a key prefix of campaign 1 would also match campaigns 10 to 19
        return taskService.createTaskQuery().taskDefinitionKey(taskKey)
                .processVariableValueEquals(CampaignProcess.CAMPAIGN_ID, campaignId).count();
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

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 5 minutes");
            }
            Thread.sleep(500);
        }
    }
}
