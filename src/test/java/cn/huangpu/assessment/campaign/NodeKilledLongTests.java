package cn.huangpu.assessment.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.AssessmentApplication;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.results.CampaignScoring;
import cn.huangpu.assessment.support.PostgresIntegrationTest;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.DeadlineProcess;
import cn.huangpu.assessment.workflow.UnitAssessmentProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A second node, a separate JVM, is killed with SIGKILL while it works through a burst of 300 deadline
 * timers, then started again: every timer effect happens exactly once (one overdue notice and one chase
 * task per unit), nothing is lost, and the campaign goes on to scoring. Long: runs with {@code -Plong}.
 */
@PostgresIntegrationTest
class NodeKilledLongTests {

    @Autowired EmbeddedPostgres postgres;
    @Autowired CampaignStarter starter;
    @Autowired CampaignService campaigns;
    @Autowired CampaignBots bots;
    @Autowired ProcessDriver driver;
    @Autowired CampaignScoring scoring;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired JdbcTemplate jdbc;

    Process node;

    @AfterEach
    void killNode() {
        if (node != null) {
            node.destroyForcibly();
        }
    }

    @Test
    void aNodeKilledDuringTheDeadlineBurstLosesAndDoublesNothing() throws Exception {
        for (int i = 0; i < 253; i++) {
            jdbc.update("insert into assessed_unit (code, name, kind, sort_order) values (?, ?, 'DEPARTMENT', ?)"
                    + " on conflict do nothing", "kill" + i, "故障单位" + i, 2000 + i);
        }
        // given 300 units whose self-check falls due in 45 seconds, none of which will submit
        Instant due = Instant.now().plusSeconds(45);
        CampaignInfo campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, due,
                due.plus(Duration.ofDays(1)), due.plus(Duration.ofDays(10)), due.plus(Duration.ofDays(20)), List.of(),
                List.of("FINANCE")), CampaignBots.COORDINATOR_USER);
        Long id = campaign.id();
        List<UnitParticipation> units = campaigns.units(id);
        assertThat(units).hasSize(300);
        driver.runJobs();
        assertThat(open(UnitAssessmentProcess.SUBMIT_SELF_CHECK, id)).isEqualTo(300);

        // when the other node is working through the burst, it is killed, and started again
        node = startNode();
        await(Duration.ofMinutes(3), () -> overdueNotices(id) >= 20);
        node.destroyForcibly().waitFor();
        long beforeKill = overdueNotices(id);
        assertThat(beforeKill).isLessThan(300);
        node = startNode();
        await(Duration.ofMinutes(4), () -> open(DeadlineProcess.CHASE, id) == 300 && overdueNotices(id) == 300);

        // then each unit got one overdue notice and one chase task, and no job failed
        assertThat(jdbc.queryForObject("select count(distinct recipient_group) from notification where campaign_id = ?"
                + " and kind = 'OVERDUE'", Long.class, id)).isEqualTo(300L);
        assertThat(campaigns.units(id)).allMatch(UnitParticipation::overdue);
        assertThat(runtimeService.createIncidentQuery().count()).isZero();
        node.destroyForcibly().waitFor();
        node = null;

        // and the campaign goes on: the office closes them all, the evaluator delivers, scoring runs once
        bots.deliver(id, "FINANCE", new Random(1));
        for (UnitParticipation unit : units) {
            bots.chase(id, unit.unitCode(), Map.of(DeadlineProcess.CHASE_DECISION, DeadlineProcess.CLOSE, DeadlineProcess.CHASE_REASON, "逾期未提交"));
        }
        driver.runJobs();
        assertThat(open(CampaignProcess.COMPREHENSIVE_EVALUATION, id)).isOne();
        assertThat(scoring.countRound(id, 1)).isEqualTo(300);
    }

    private Process startNode() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                AssessmentApplication.class.getName(),
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--server.port=0", "--assessment.link-check.worker-enabled=false",
                "--camunda.bpm.job-execution.enabled=true", "--camunda.bpm.job-execution.max-wait=1000",
                "--camunda.bpm.job-execution.lock-time-in-millis=15000");
        builder.redirectErrorStream(true);
        builder.redirectOutput(new File("target", "node-" + System.nanoTime() + ".log"));
        return builder.start();
    }

    private long overdueNotices(Long campaignId) {
        return jdbc.queryForObject("select count(*) from notification where campaign_id = ? and kind = 'OVERDUE'",
                Long.class, campaignId);
    }

    private long open(String taskKey, Long campaignId) {
        // by the campaign id variable: a key prefix of campaign 1 would also match campaigns 10 to 19
        return taskService.createTaskQuery().taskDefinitionKey(taskKey)
                .processVariableValueEquals(CampaignProcess.CAMPAIGN_ID, campaignId).count();
    }

    private static void await(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within " + limit);
            }
            Thread.sleep(200);
        }
    }
}
