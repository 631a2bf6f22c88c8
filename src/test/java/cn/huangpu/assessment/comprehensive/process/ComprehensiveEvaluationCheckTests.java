package cn.huangpu.assessment.comprehensive.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.support.H2IntegrationTest;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.workflow.CampaignProcess;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The office cannot complete comprehensive evaluation while a stored value is one today's rules refuse. */
@H2IntegrationTest
class ComprehensiveEvaluationCheckTests {

    @Autowired ComprehensiveEvaluationCheck check;
    @Autowired CampaignStarter starter;
    @Autowired JdbcTemplate jdbc;

    @Test
    void refusesCompletionWhileAStoredValueIsInvalidAndNamesIt() {
        // given a campaign whose office rate for 外滩街道 was stored as 1e400 by an earlier version
        CampaignInfo campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER);
        Map<String, Object> variables = Map.of(CampaignProcess.CAMPAIGN_ID, campaign.id());
        // (nothing entered yet: refused for the inputs still missing, none of them invalid)
        assertThat(catchThrowableOfType(BadInputException.class, () -> check.check(variables)).getMessage())
                .startsWith("有输入尚未录入");
        jdbc.update("insert into unit_fact (campaign_id, unit_code, indicator_code, input_name, value_json, source,"
                + " entered_by, entered_at) values (?, 'waitan', '4.1', 'disclosureRate', '1e400', 'OFFICE', 'legacy', ?)",
                campaign.id(), Timestamp.from(Instant.now()));

        // when the completion is checked, then it is refused naming the indicator and the input, in Chinese
        BadInputException refused = catchThrowableOfType(BadInputException.class, () -> check.check(variables));
        assertThat(refused.errors()).singleElement().satisfies(e -> {
            assertThat(e.indicator()).isEqualTo("4.1");
            assertThat(e.field()).isEqualTo("disclosureRate");
            assertThat(e.reason()).contains("已保存的值无效", "比率须在0到1之间");
        });
    }
}
