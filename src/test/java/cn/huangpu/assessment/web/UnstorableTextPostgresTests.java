package cn.huangpu.assessment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.selfcheck.SelfCheckService;
import cn.huangpu.assessment.support.PostgresIntegrationTest;
import cn.huangpu.assessment.support.TestUsers;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * PostgreSQL refuses the NUL character in text, which H2 stores: a field that carries one is bad input (400 with the
 * reason, nothing saved), whichever page sent it, not a 500.
 */
@PostgresIntegrationTest
class UnstorableTextPostgresTests {

    @Autowired WebApplicationContext context;
    @Autowired CampaignStarter starter;
    @Autowired SelfCheckService selfChecks;

    @Test
    void aSelfCheckDraftWithANulCharacterIsRefusedAndNothingIsSaved() throws Exception {
        // given 外滩街道's open self-check on PostgreSQL
        Long campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER).id();
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();

        // when its staff save a draft of 1.1 whose text carries a NUL (and 1.2 a plain one, in the same save)
        MvcResult result = mvc.perform(post("/app/self-check/" + campaign + "/waitan")
                        .with(httpBasic("waitan01", "demo")).with(csrf())
                        .param("completion[1.1]", "已公开\u0000机构职能").param("version[1.1]", "0")
                        .param("completion[1.2]", "已公开领导信息").param("version[1.2]", "0"))
                .andReturn();

        // then the save is refused as bad input with the reason, and neither entry is saved
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getErrorMessage()).isEqualTo(ErrorStatusHandler.UNSTORABLE_TEXT_MESSAGE);
        assertThat(selfChecks.entries(campaign, "waitan")).isEmpty();
    }
}
