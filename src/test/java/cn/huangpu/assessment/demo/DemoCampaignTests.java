package cn.huangpu.assessment.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.campaign.Campaign;
import cn.huangpu.assessment.campaign.CampaignEvaluator;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.CampaignStatus;
import cn.huangpu.assessment.campaign.CampaignUnit;
import cn.huangpu.assessment.deadline.DeadlineKind;
import cn.huangpu.assessment.support.H2IntegrationTest;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.DeadlineProcess;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.test.context.TestPropertySource;

/** The embedded default's demo campaign: current year, mid-flight, created once. */
@H2IntegrationTest
@TestPropertySource(properties = "assessment.demo.campaign=true")
class DemoCampaignTests {

    @Autowired CampaignService campaigns;
    @Autowired TaskService taskService;
    @Autowired DemoCampaign demo;

    @Test
    void aNewcomerFindsACampaignOfThisYearInFlight() {
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        Campaign campaign = campaigns.all().stream().filter(c -> c.getYear() == year).findFirst().orElseThrow();
        List<CampaignUnit> units = campaigns.units(campaign.getId());

        assertThat(campaign.getStatus()).isEqualTo(CampaignStatus.RUNNING);
        assertThat(units).filteredOn(u -> u.getStatus() == CampaignUnit.Status.VERIFIED).isNotEmpty();
        assertThat(units).filteredOn(u -> u.getStatus() == CampaignUnit.Status.SUBMITTED).isNotEmpty();
        assertThat(units).filteredOn(u -> u.getStatus() == CampaignUnit.Status.PENDING)
                .isNotEmpty().allMatch(CampaignUnit::isOverdue);
        assertThat(campaigns.evaluators(campaign.getId())).filteredOn(e -> e.getStatus() == CampaignEvaluator.Status.DELIVERED)
                .hasSize(7);
        long overdue = units.stream().filter(u -> u.getStatus() == CampaignUnit.Status.PENDING).count();
        long overdueEvaluators = campaigns.evaluators(campaign.getId()).stream()
                .filter(e -> e.getStatus() == CampaignEvaluator.Status.PENDING).count();
        assertThat(chaseTasks(campaign, DeadlineKind.SELF_CHECK)).isEqualTo(overdue);
        assertThat(chaseTasks(campaign, DeadlineKind.SPECIALIST_EVALUATION)).isEqualTo(overdueEvaluators).isPositive();
    }

    /** The coordinator's open chase tasks of one kind of deadline in the campaign. */
    private long chaseTasks(Campaign campaign, DeadlineKind kind) {
        return taskService.createTaskQuery().taskDefinitionKey(DeadlineProcess.CHASE)
                .processVariableValueEquals(CampaignProcess.CAMPAIGN_ID, campaign.getId())
                .processVariableValueEquals(DeadlineProcess.KIND, kind.name()).count();
    }

    @Test
    void isCreatedOnlyOnce() throws Exception {
        long before = campaigns.all().size();
        ApplicationArguments args = new DefaultApplicationArguments();

        demo.run(args);

        assertThat(campaigns.all()).hasSize((int) before);
    }
}
