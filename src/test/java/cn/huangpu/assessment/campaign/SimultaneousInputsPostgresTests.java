package cn.huangpu.assessment.campaign;

import cn.huangpu.assessment.support.ProcessLookup;
import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.evaluation.EvaluationService;
import cn.huangpu.assessment.results.CampaignScoring;
import cn.huangpu.assessment.security.Groups;
import cn.huangpu.assessment.support.PostgresIntegrationTest;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.SpecialistEvaluationProcess;
import cn.huangpu.assessment.workflow.UnitAssessmentProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * 60 verifications and 11 specialist deliveries completed at the same instant from parallel threads, on
 * PostgreSQL with the job executor running: no user sees an error, no incident, and scoring runs once.
 */
@PostgresIntegrationTest
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=true")
class SimultaneousInputsPostgresTests {

    @Autowired CampaignStarter starter;
    @Autowired CampaignService campaigns;
    @Autowired CampaignBots bots;
    @Autowired EvaluationService evaluation;
    @Autowired CampaignScoring scoring;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theLastInputsArrivingTogetherStartScoringExactlyOnce() throws Exception {
        // given 60 units that submitted and 11 evaluators that entered everything, all tasks open
        for (int i = 1; i <= 13; i++) {
            jdbc.update("insert into assessed_unit (code, name, kind, sort_order) values (?, ?, 'DEPARTMENT', ?)"
                    + " on conflict do nothing", "test" + (char) ('a' + i), "测试单位" + i, 100 + i);
        }
        CampaignInfo campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of(), List.of()), CampaignBots.COORDINATOR_USER);
        Long id = campaign.id();
        List<UnitParticipation> units = campaigns.units(id);
        assertThat(units).hasSize(60);
        await(() -> taskService.createTaskQuery().taskDefinitionKey(UnitAssessmentProcess.SUBMIT_SELF_CHECK)
                .processDefinitionKey(UnitAssessmentProcess.KEY).processVariableValueEquals(CampaignProcess.CAMPAIGN_ID, id)
                .count() == 60);
        Random random = new Random(71);
        for (UnitParticipation unit : units) {
            bots.fillSelfCheck(id, unit.unitCode(), random);
            bots.submitSelfCheck(id, unit.unitCode());
        }
        await(() -> taskService.createTaskQuery().taskDefinitionKey(UnitAssessmentProcess.VERIFY)
                .processDefinitionKey(UnitAssessmentProcess.KEY).processVariableValueEquals(CampaignProcess.CAMPAIGN_ID, id)
                .count() == 60);
        List<EvaluatorParticipation> evaluators = campaigns.evaluators(id);
        for (EvaluatorParticipation evaluator : evaluators) {
            bots.enterValues(id, evaluator.evaluatorCode(), random);
        }

        // when every verification and every delivery is completed at the same instant
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Void>> completions = new ArrayList<>();
        for (UnitParticipation unit : units) {
            completions.add(() -> {
                start.await();
                bots.complete(CampaignBots.COORDINATOR_USER, List.of(Groups.COORDINATOR), UnitAssessmentProcess.VERIFY,
                        ProcessLookup.unitTasks(taskService, id, unit.unitCode()), Map.of("confirmVerified", true));
                return null;
            });
        }
        for (EvaluatorParticipation evaluator : evaluators) {
            completions.add(() -> {
                start.await();
                bots.complete(CampaignBots.evaluatorUser(evaluator.evaluatorCode()),
                        List.of(Groups.evaluator(evaluator.evaluatorCode())), SpecialistEvaluationProcess.DELIVER,
                        ProcessLookup.evaluatorTasks(taskService, id, evaluator.evaluatorCode()),
                        Map.of("confirmDelivered", true));
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(completions.size());
        List<Future<Void>> results = new ArrayList<>();
        completions.forEach(c -> results.add(pool.submit(c)));
        start.countDown();
        List<Throwable> seenByUsers = new ArrayList<>();
        for (Future<Void> result : results) {
            try {
                result.get();
            } catch (java.util.concurrent.ExecutionException e) {
                seenByUsers.add(e.getCause());
            }
        }
        pool.shutdown();

        // then no user saw an error, and once the jobs are done scoring ran exactly once without incidents
        assertThat(seenByUsers).isEmpty();
        await(() -> campaigns.get(id).status() == CampaignStatus.GRADING
                && ProcessLookup.campaignTasks(taskService, id).taskDefinitionKey(CampaignProcess.COMPREHENSIVE_EVALUATION)
                .count() == 1);
        assertThat(runtimeService.createIncidentQuery().count()).isZero();
        assertThat(historyService.createHistoricActivityInstanceQuery().activityId(CampaignProcess.SCORE_UNITS)
                .processInstanceId(campaigns.get(id).processInstanceId()).count()).isOne();
        assertThat(scoring.countRound(id, 1)).isEqualTo(60);
        assertThat(campaigns.units(id)).allMatch(UnitParticipation::ready);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 120 s");
            }
            Thread.sleep(200);
        }
    }
}
