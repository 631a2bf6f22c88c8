package cn.huangpu.assessment.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.EvaluatorParticipation;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.CampaignStatus;
import cn.huangpu.assessment.campaign.UnitParticipation;
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
        CampaignInfo campaign = campaigns.all().stream().filter(c -> c.year() == year).findFirst().orElseThrow();
        List<UnitParticipation> units = campaigns.units(campaign.id());

        assertThat(campaign.status()).isEqualTo(CampaignStatus.RUNNING);
        assertThat(units).filteredOn(u -> u.status() == UnitParticipation.Status.VERIFIED).isNotEmpty();
        assertThat(units).filteredOn(u -> u.status() == UnitParticipation.Status.SUBMITTED).isNotEmpty();
        assertThat(units).filteredOn(u -> u.status() == UnitParticipation.Status.PENDING)
                .isNotEmpty().allMatch(UnitParticipation::overdue);
        assertThat(campaigns.evaluators(campaign.id())).filteredOn(e -> e.status() == EvaluatorParticipation.Status.DELIVERED)
                .hasSize(7);
        long overdue = units.stream().filter(u -> u.status() == UnitParticipation.Status.PENDING).count();
        long overdueEvaluators = campaigns.evaluators(campaign.id()).stream()
                .filter(e -> e.status() == EvaluatorParticipation.Status.PENDING).count();
        assertThat(chaseTasks(campaign, DeadlineKind.SELF_CHECK)).isEqualTo(overdue);
        assertThat(chaseTasks(campaign, DeadlineKind.SPECIALIST_EVALUATION)).isEqualTo(overdueEvaluators).isPositive();
    }

    /** The coordinator's open chase tasks of one kind of deadline in the campaign. */
    private long chaseTasks(CampaignInfo campaign, DeadlineKind kind) {
        return taskService.createTaskQuery().taskDefinitionKey(DeadlineProcess.CHASE)
                .processVariableValueEquals(CampaignProcess.CAMPAIGN_ID, campaign.id())
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
