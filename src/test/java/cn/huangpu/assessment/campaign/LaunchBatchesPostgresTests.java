package cn.huangpu.assessment.campaign;

import cn.huangpu.assessment.directory.ReferenceData;
import cn.huangpu.assessment.support.ProcessLookup;
import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.support.PostgresIntegrationTest;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.SpecialistEvaluationProcess;
import cn.huangpu.assessment.workflow.UnitAssessmentProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The units start in batches that run at the same time: every batch job at once on its own thread, on
 * PostgreSQL. Every unit gets exactly one process, none is missed, and the batches join without a conflict.
 */
@PostgresIntegrationTest
@TestPropertySource(properties = "assessment.campaign.launch-batch-size=4")
class LaunchBatchesPostgresTests {

    @Autowired CampaignStarter starter;
    @Autowired ReferenceData referenceData;
    @Autowired CampaignService campaigns;
    @Autowired ProcessDriver driver;
    @Autowired ManagementService managementService;
    @Autowired RuntimeService runtimeService;
    @Autowired JdbcTemplate jdbc;

    @Test
    void batchesStartedAtOnceLaunchEveryUnitExactlyOnce() throws Exception {
        long analyzedBefore = executionTableAnalyses();
        CampaignInfo campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of(), List.of()), CampaignBots.COORDINATOR_USER);
        Long id = campaign.id();
        int units = campaigns.units(id).size();
        List<Job> batchJobs = managementService.createJobQuery().activityId(CampaignProcess.LAUNCH_UNIT_BATCHES)
                .processInstanceId(processOf(id).getId()).list();
        assertThat(batchJobs).hasSize((units + 3) / 4);

        ExecutorService threads = Executors.newFixedThreadPool(batchJobs.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> runs = new ArrayList<>();
            for (Job job : batchJobs) {
                runs.add(threads.submit(() -> {
                    go.await();
                    managementService.executeJob(job.getId());
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            threads.shutdownNow();
        }
        driver.runJobs();

        List<ProcessInstance> unitProcesses = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(UnitAssessmentProcess.KEY).variableValueEquals(CampaignProcess.CAMPAIGN_ID, id).list();
        int year = campaigns.get(id).year();
        assertThat(unitProcesses).extracting(ProcessInstance::getBusinessKey).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(campaigns.units(id).stream()
                        .map(unit -> UnitAssessmentProcess.businessKey(year, referenceData.unitName(unit.unitCode())))
                        .toList());
        assertThat(campaigns.units(id)).allMatch(UnitParticipation::launched);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(SpecialistEvaluationProcess.KEY)
                .variableValueEquals(CampaignProcess.CAMPAIGN_ID, id).count()).isEqualTo(campaigns.evaluators(id).size());
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(processOf(id).getId()).singleResult())
                .isNotNull();
        assertThat(managementService.createJobQuery().withException().count()).isZero();
        // the planner statistics were refreshed as the tables grew: after batches 1, 2, 4 and 8 of the 12, and once
        // every unit was launched
        assertThat(executionTableAnalyses() - analyzedBefore).isEqualTo(5);
    }

    private long executionTableAnalyses() {
        return jdbc.queryForObject("select analyze_count from pg_stat_user_tables where relname = 'act_ru_execution'",
                Long.class);
    }

    private ProcessInstance processOf(Long campaignId) {
        return ProcessLookup.campaignInstances(runtimeService, campaignId).singleResult();
    }
}
