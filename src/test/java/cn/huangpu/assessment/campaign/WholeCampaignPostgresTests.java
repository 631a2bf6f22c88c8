package cn.huangpu.assessment.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.results.CampaignScoring;
import cn.huangpu.assessment.results.UnitResult;
import cn.huangpu.assessment.scoring.FactsParser;
import cn.huangpu.assessment.scoring.ScoreCalculator;
import cn.huangpu.assessment.scoring.ScoreSheet;
import cn.huangpu.assessment.scoring.TestCatalogues;
import cn.huangpu.assessment.support.PostgresIntegrationTest;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A whole campaign of 60 units on PostgreSQL: bots do every task as the right users through the
 * engine's task API; scoring runs exactly once; the published grades are what the scoring engine
 * computes directly from the same facts.
 */
@PostgresIntegrationTest
class WholeCampaignPostgresTests {

    @Autowired CampaignStarter starter;
    @Autowired CampaignService campaigns;
    @Autowired CampaignBots bots;
    @Autowired ProcessDriver driver;
    @Autowired CampaignScoring scoring;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired JdbcTemplate jdbc;

    @Test
    void sixtyUnitsFromOpeningToPublication() {
        // given 60 units (the 47 of Huangpu and 13 more) and the 11 evaluators
        for (int i = 1; i <= 13; i++) {
            jdbc.update("insert into assessed_unit (code, name, kind, sort_order) values (?, ?, 'DEPARTMENT', ?)"
                    + " on conflict do nothing", "test" + (char) ('a' + i), "测试单位" + i, 100 + i);
        }
        CampaignInfo campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of(), List.of()), CampaignBots.COORDINATOR_USER);
        Long id = campaign.id();
        List<UnitParticipation> units = campaigns.units(id);
        assertThat(units).hasSize(60);
        Random random = new Random(60);
        driver.runJobs();
        // the launch analyzed the task tables (only an explicit ANALYZE sets last_analyze; auto-analyze does not)
        assertThat(jdbc.queryForObject("select count(*) from pg_stat_user_tables where last_analyze is not null"
                + " and relname in ('act_ru_task', 'act_ru_identitylink', 'act_ru_authorization')", Integer.class)).isEqualTo(3);

        // when every unit submits and is verified, every evaluator delivers, the office evaluates and the leaders approve
        for (UnitParticipation unit : units) {
            bots.fillSelfCheck(id, unit.unitCode(), random);
            bots.submitSelfCheck(id, unit.unitCode());
        }
        driver.runJobs();
        for (UnitParticipation unit : units) {
            bots.verify(id, unit.unitCode(), random);
        }
        for (EvaluatorParticipation evaluator : campaigns.evaluators(id)) {
            bots.deliver(id, evaluator.evaluatorCode(), random);
        }
        driver.runJobs();
        assertThat(scoring.countRound(id, 1)).isEqualTo(60);
        bots.evaluateComprehensively(id, random);
        driver.runJobs();
        bots.approve(id);
        driver.runJobs();

        // then scoring ran once, nothing failed, and the published results equal a direct computation
        assertThat(campaigns.get(id).status()).isEqualTo(CampaignStatus.PUBLISHED);
        assertThat(historyService.createHistoricActivityInstanceQuery().activityId("ServiceTask_ScoreUnits")
                .processInstanceId(campaigns.get(id).processInstanceId()).count()).isOne();
        assertThat(scoring.countRound(id, 1)).isEqualTo(60);
        assertThat(runtimeService.createIncidentQuery().count()).isZero();
        List<UnitResult> published = scoring.latest(id);
        assertThat(published).hasSize(60).allSatisfy(r -> assertThat(r.round()).isEqualTo(2));
        Map<String, ObjectNode> facts = scoring.assembleFacts(id);
        ScoreCalculator calculator = new ScoreCalculator();
        for (UnitResult record : published) {
            ScoreSheet direct = calculator.score(TestCatalogues.catalogue2023(), campaign.year(),
                    FactsParser.parse(TestCatalogues.catalogue2023(), facts.get(record.unitCode())));
            assertThat(record.total()).as(record.unitCode()).isEqualByComparingTo(direct.total());
            assertThat(record.grade()).as(record.unitCode())
                    .isEqualTo(TestCatalogues.gradeDecision().gradeFor(direct.total()));
        }
        assertThat(published.stream().map(UnitResult::grade).distinct().count()).isGreaterThan(1);
    }
}
