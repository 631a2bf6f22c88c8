package cn.huangpu.assessment.results;

import cn.huangpu.assessment.support.ProcessLookup;
import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.audit.internal.AuditEntry;
import cn.huangpu.assessment.audit.AuditLog;
import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.support.PostgresIntegrationTest;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.workflow.CampaignProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The scoring job executed twice at the same time, as when its lock expires while the first execution
 * still runs: one round of sheets, the process moves on once. Also: every change leaves an audit entry.
 */
@PostgresIntegrationTest
class ScoringReexecutionPostgresTests {

    @Autowired CampaignStarter starter;
    @Autowired CampaignBots bots;
    @Autowired ProcessDriver driver;
    @Autowired CampaignScoring scoring;
    @Autowired ManagementService managementService;
    @Autowired TaskService taskService;
    @Autowired AuditLog audit;

    @Test
    void scoringTwiceAtOnceRecordsOneRound() throws Exception {
        Random random = new Random(12);
        List<String> units = List.of("waitan", "yuyuan", "czj");
        CampaignInfo campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null, units,
                List.of("FINANCE")), CampaignBots.COORDINATOR_USER);
        Long id = campaign.id();
        driver.runJobs();
        for (String unit : units) {
            bots.fillSelfCheck(id, unit, random);
            bots.submitSelfCheck(id, unit);
        }
        driver.runJobs();
        for (String unit : units) {
            bots.verify(id, unit, random);
        }
        bots.deliver(id, "FINANCE", random);
        driver.runJobsExcept(CampaignProcess.SCORE_UNITS);
        Job scoringJob = managementService.createJobQuery().activityId(CampaignProcess.SCORE_UNITS).singleResult();
        assertThat(scoringJob).isNotNull();

        // when two executors run the scoring job at the same instant
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(pool.submit(() -> {
                start.await();
                managementService.executeJob(scoringJob.getId());
                return null;
            }));
        }
        start.countDown();
        int failed = 0;
        for (Future<?> run : runs) {
            try {
                run.get();
            } catch (java.util.concurrent.ExecutionException e) {
                failed++;
            }
        }
        pool.shutdown();

        // then at most one of them committed, one round exists, and the process moved on once
        assertThat(failed).isLessThanOrEqualTo(1);
        assertThat(scoring.countRound(id, 1)).isEqualTo(3);
        assertThat(ProcessLookup.campaignTasks(taskService, id).taskDefinitionKey(CampaignProcess.COMPREHENSIVE_EVALUATION)
                .count()).isOne();

        // and the changes of the campaign are in the audit trail, with who did them
        List<AuditEntry> entries = audit.forCampaign(id);
        assertThat(entries).extracting(AuditEntry::getAction).contains("OPEN", "SELF_CHECK_SUBMITTED", "VERIFIED",
                "DELIVERED", "SET", "SCORE_ROUND_1");
        assertThat(entries).filteredOn(e -> e.getAction().equals("SCORE_ROUND_1")).hasSize(3)
                .allSatisfy(e -> assertThat(e.getAfterValue()).isNotBlank());
        assertThat(entries).filteredOn(e -> e.getAction().equals("DELIVERED")).singleElement()
                .extracting(AuditEntry::getActor).isEqualTo("eval-finance");
    }
}
