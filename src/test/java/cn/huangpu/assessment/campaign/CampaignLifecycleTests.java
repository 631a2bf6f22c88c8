package cn.huangpu.assessment.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.dashboard.Dashboard.Party;
import cn.huangpu.assessment.dashboard.DashboardService;
import cn.huangpu.assessment.dashboard.OpenTasks;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.directory.ReferenceData;
import cn.huangpu.assessment.notification.Notification;
import cn.huangpu.assessment.notification.NotificationService;
import cn.huangpu.assessment.security.Groups;
import cn.huangpu.assessment.support.ProcessLookup;
import cn.huangpu.assessment.workflow.DeadlineProcess;
import cn.huangpu.assessment.workflow.UnitAssessmentProcess;
import cn.huangpu.assessment.results.CampaignScoring;
import cn.huangpu.assessment.publication.PublicationService;
import cn.huangpu.assessment.support.H2IntegrationTest;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.util.ReflectionTestUtils;

@H2IntegrationTest
class CampaignLifecycleTests {

    @Autowired CampaignStarter starter;
    @Autowired CampaignService campaigns;
    @Autowired CampaignBots bots;
    @Autowired ProcessDriver driver;
    @Autowired CampaignScoring scoring;
    @Autowired PublicationService publication;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired OpenTasks openTasks;
    @Autowired DashboardService dashboards;
    @Autowired NotificationService notifications;
    @Autowired ReferenceData referenceData;
    @Autowired JdbcTemplate jdbc;

    @Test
    void runsACampaignFromOpeningToPublication() {
        // given a campaign of three units and every evaluator
        List<String> units = List.of("waitan", "czj", "yuyuan");
        CampaignInfo campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null, units,
                List.of()), CampaignBots.COORDINATOR_USER);
        Long id = campaign.id();
        Random random = new Random(7);
        driver.runJobs();

        // when every unit submits and is verified, and every evaluator delivers
        for (String unit : units) {
            bots.fillSelfCheck(id, unit, random);
            bots.submitSelfCheck(id, unit);
            driver.runJobs();
            bots.verify(id, unit, random);
            driver.runJobs();
        }
        for (EvaluatorParticipation evaluator : campaigns.evaluators(id)) {
            bots.deliver(id, evaluator.evaluatorCode(), random);
            driver.runJobs();
        }

        // then every unit is scored once, and after comprehensive evaluation and approval the results are published
        assertThat(scoring.countRound(id, 1)).isEqualTo(3);
        assertThat(campaigns.get(id).status()).isEqualTo(CampaignStatus.GRADING);
        bots.evaluateComprehensively(id, random);
        driver.runJobs();
        assertThat(scoring.countRound(id, 2)).isEqualTo(3);
        bots.approve(id);
        driver.runJobs();
        assertThat(campaigns.get(id).status()).isEqualTo(CampaignStatus.PUBLISHED);
        assertThat(publication.report(id)).get().asString().contains("外滩街道").contains("区财政局");
        assertThat(scoring.latest(id)).hasSize(3).allSatisfy(r -> assertThat(r.grade()).isNotBlank());
    }

    @Test
    void aLaunchedCampaignsInstancesCarryKeysAPersonCanRead() {
        // given a campaign of 外滩街道 and 区财政局
        int year = TestUsers.freshYear();
        Long id = starter.start(new OpenCampaign(year, 2023, null, null, null, null, List.of("waitan"),
                List.of("FINANCE")), CampaignBots.COORDINATOR_USER).id();

        // when it launches its units and evaluators
        driver.runJobs();

        // then Cockpit shows the year and the names, and the called deadline carries its caller's key
        ProcessInstance unit = ProcessLookup.unitInstance(runtimeService, id, "waitan");
        assertThat(ProcessLookup.campaignInstances(runtimeService, id).singleResult().getBusinessKey())
                .isEqualTo(year + "年度政务公开考核评估");
        assertThat(unit.getBusinessKey()).isEqualTo(year + "年度/外滩街道");
        assertThat(ProcessLookup.evaluatorInstance(runtimeService, id, "FINANCE").getBusinessKey())
                .isEqualTo(year + "年度/区财政局");
        assertThat(runtimeService.createProcessInstanceQuery().superProcessInstanceId(unit.getId())
                .processDefinitionKey(DeadlineProcess.KEY).singleResult().getBusinessKey()).isEqualTo(year + "年度/外滩街道");
    }

    @Test
    void aUnitRenamedAfterLaunchStillHasItsOpenTaskFoundForItsReminder() {
        // given a launched campaign of 老西门街道, which is renamed afterwards (a migration, read anew at startup)
        CampaignInfo campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("laoximen"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER);
        Long id = campaign.id();
        driver.runJobs();
        String launchedKey = ProcessLookup.unitInstance(runtimeService, id, "laoximen").getBusinessKey();
        try {
            rename("laoximen", "老西门街道（更名）");
            assertThat(referenceData.unitName("laoximen")).isEqualTo("老西门街道（更名）");

            // when its self-check is overdue and the office reminds it
            ClockUtil.setCurrentTime(Date.from(campaign.dates().selfCheckDue().plusSeconds(60)));
            driver.runJobs();
            boolean sent = dashboards.remind(id, Party.UNIT, "laoximen", "renamed0000000000001", CampaignBots.COORDINATOR_USER);

            // then the unit's 提交自查 task is found (the key still carries the old name) and the reminder links to it
            String task = ProcessLookup.unitTask(taskService, id, "laoximen", UnitAssessmentProcess.SUBMIT_SELF_CHECK).getId();
            assertThat(launchedKey).endsWith("/老西门街道");
            assertThat(openTasks.selfCheck(id, "laoximen")).contains(task);
            assertThat(sent).isTrue();
            assertThat(notifications.forGroups(List.of(Groups.unit("laoximen")), 50)).filteredOn(n -> id.equals(n.getCampaignId()))
                    .filteredOn(n -> n.getKind() == Notification.Kind.MANUAL).extracting(Notification::getTaskId)
                    .containsExactly(task);
        } finally {
            ClockUtil.reset();
            rename("laoximen", "老西门街道");
        }
    }

    private void rename(String unitCode, String name) {
        jdbc.update("update assessed_unit set name = ? where code = ?", name, unitCode);
        // names are cached as read at startup; a rename arrives by migration, so a restart would read it anew
        ReferenceData target = AopTestUtils.getTargetObject(referenceData);
        ReflectionTestUtils.setField(target, "names", Map.of());
    }
}
