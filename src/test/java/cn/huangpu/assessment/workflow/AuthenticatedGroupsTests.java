package cn.huangpu.assessment.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.support.H2IntegrationTest;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@H2IntegrationTest
class AuthenticatedGroupsTests {

    @Autowired ProcessEngineConfigurationImpl engine;
    @Autowired CampaignStarter starter;
    @Autowired ProcessDriver driver;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;

    @AfterEach
    void signOut() {
        identity.clearAuthentication();
    }

    @Test
    void everyCommandGetsTheUsersGroupsWithoutScanningTheAuthorizations() {
        // The stock manager drops groups that hold no authorization (it reads them all to find out)
        Command<List<String>> filter = context -> context.getAuthorizationManager()
                .filterAuthenticatedGroupIds(List.of("unit-waitan", "no-authorizations-anywhere"));

        assertThat(engine.getCommandExecutorTxRequired().execute(filter))
                .containsExactly("unit-waitan", "no-authorizations-anywhere");
    }

    @Test
    void aGroupWithoutAuthorizationsStillGrantsNothing() {
        var campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan", "yuyuan"), List.of()), CampaignBots.COORDINATOR_USER);
        driver.runJobs();

        identity.setAuthentication("waitan01", List.of("unit-waitan", "no-authorizations-anywhere"));
        var visible = tasks.createTaskQuery().processVariableValueEquals("campaignId", campaign.id()).listPage(0, 100);

        assertThat(visible).isNotEmpty().allSatisfy(task -> assertThat(task.getName()).endsWith("外滩街道"));
    }
}
