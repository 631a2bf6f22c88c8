package cn.huangpu.assessment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.security.Groups;
import cn.huangpu.assessment.selfcheck.SelfCheckService;
import cn.huangpu.assessment.support.PostgresIntegrationTest;
import cn.huangpu.assessment.support.TestUsers;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * PostgreSQL refuses the NUL character in text, which H2 stores: a field that carries one is bad input (400 naming
 * the field, nothing saved), not a conflict or a 500. (Where no check names the field, the database's refusal is
 * answered as bad input: {@link ErrorStatusHandlerTests}.)
 */
@PostgresIntegrationTest
class UnstorableTextPostgresTests {

    @Autowired WebApplicationContext context;
    @Autowired CampaignStarter starter;
    @Autowired SelfCheckService selfChecks;
    @Autowired IdentityService identity;

    @Test
    void aSelfCheckDraftWithANulCharacterIsRefusedAndNothingIsSaved() throws Exception {
        // given 外滩街道's open self-check on PostgreSQL
        Long campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER).id();
        // and one of its staff (the postgres profile has no demo accounts)
        String staff = "waitan-nul-" + campaign;
        User user = identity.newUser(staff);
        user.setFirstName("外滩");
        user.setLastName("街道");
        user.setPassword("nul-test-secret");
        identity.saveUser(user);
        identity.createMembership(staff, Groups.unit("waitan"));
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();

        // when its staff save a draft of 1.1 whose text carries a NUL (and 1.2 a plain one, in the same save)
        MvcResult result = mvc.perform(post("/app/self-check/" + campaign + "/waitan")
                        .with(httpBasic(staff, "nul-test-secret")).with(csrf())
                        .param("completion[1.1]", "已公开\u0000机构职能").param("version[1.1]", "0")
                        .param("completion[1.2]", "已公开领导信息").param("version[1.2]", "0"))
                .andReturn();

        // then the save is refused as bad input naming the field, the page shows what was typed, and nothing is saved
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentAsString()).contains("完成情况含有控制字符，请删除后再保存", "已公开领导信息");
        assertThat(selfChecks.entries(campaign, "waitan")).isEmpty();
    }
}
