package cn.huangpu.assessment.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.results.CampaignScoring;
import cn.huangpu.assessment.support.H2IntegrationTest;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.InputError;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Numbers an evaluator or the office types into the grid: refused above the input's range with the cell named,
 * and a value stored before the ranges existed never takes a page down.
 */
@H2IntegrationTest
@AutoConfigureMockMvc
class EvaluationNumbersTests {

    static final String FINANCE_COUNT = "1.4/missingLateOrIncompleteItems";

    @Autowired MockMvc mvc;
    @Autowired CampaignStarter starter;
    @Autowired EvaluationService evaluation;
    @Autowired CampaignScoring scoring;
    @Autowired JdbcTemplate jdbc;
    CampaignInfo campaign;

    @BeforeEach
    void openCampaign() {
        campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan", "yuyuan"), List.of("FINANCE", "JUSTICE")), CampaignBots.COORDINATOR_USER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e100000", "1e400", "-1e400", "1000001", "1e999999999", "1.5", "NaN", "Infinity",
            "DIGITS_2000"})
    void theGridRefusesACountOutsideItsRangeNamingTheCellAndSavesNothing(String typed) throws Exception {
        // given a value the evaluator already saved for 豫园街道
        evaluation.record(campaign.id(), "FINANCE", List.of(new FactEntry("yuyuan", "1.4",
                "missingLateOrIncompleteItems", EvaluationServiceTests.JSON.numberNode(2), null)), false, "eval-finance");
        String text = typed.equals("DIGITS_2000") ? "9".repeat(2000) : typed;

        // when the grid is saved with the number for 外滩街道 and a change for 豫园街道
        mvc.perform(post("/app/evaluation/" + campaign.id() + "/FINANCE").with(httpBasic("eval-finance", "demo")).with(csrf())
                        .param("v[waitan|" + FINANCE_COUNT + "]", text)
                        .param("v[yuyuan|" + FINANCE_COUNT + "]", "3"))
                // then it is refused: 400, the indicator, the input and 外滩街道 named, the reason in Chinese
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString(
                        "财政预决算信息应公开未公开、发布不及时或存在内容缺漏的项数 （指标 1.4）：外滩街道：")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("missingLateOrIncompleteItems （"))))
                .andExpect(content().string(Matchers.matchesPattern("(?s).*外滩街道：[^<]*(不能|须为|过长|过多|超出)[^<]*<.*")));
        // and nothing of the request is saved
        assertThat(evaluation.facts(campaign.id()).get("yuyuan").get(FINANCE_COUNT).valueJson()).isEqualTo("2");
        assertThat(evaluation.facts(campaign.id()).getOrDefault("waitan", java.util.Map.of())).isEmpty();
        // and the grid and the comprehensive pages still answer
        page("/app/evaluation/" + campaign.id() + "/FINANCE", "eval-finance").andExpect(status().isOk());
        page("/app/comprehensive/" + campaign.id(), "office01").andExpect(status().isOk());
    }

    @Test
    void theGridSavesTheLargestCountInRange() throws Exception {
        mvc.perform(post("/app/evaluation/" + campaign.id() + "/FINANCE").with(httpBasic("eval-finance", "demo")).with(csrf())
                        .param("v[waitan|" + FINANCE_COUNT + "]", "1000000"))
                .andExpect(status().is3xxRedirection());

        assertThat(evaluation.facts(campaign.id()).get("waitan").get(FINANCE_COUNT).valueJson()).isEqualTo("1000000");
    }

    @Test
    void theOfficeIsRefusedARateOrJudgementOutsideTheirRange() throws Exception {
        // when the office saves a rate of 1e100000 and a judgement score of 1e400 for 外滩街道
        mvc.perform(post("/app/comprehensive/" + campaign.id() + "/waitan").with(httpBasic("office01", "demo")).with(csrf())
                        .param("v[4.1/disclosureRate]", "1e100000").param("why[4.1/disclosureRate]", "核查")
                        .param("v[2.3/interpretationQuality]", "1e400").param("jr[2.3/interpretationQuality]", "解读")
                        .param("why[2.3/interpretationQuality]", "核查"))
                // then both are refused by indicator and input (its label, not its machine name), in Chinese,
                // and nothing is saved
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.matchesPattern(
                        "(?s).*<li>指标 4\\.1 [^<]*公文主动公开率[^<]*</li>.*")))
                .andExpect(content().string(Matchers.matchesPattern(
                        "(?s).*<li>指标 2\\.3 [^<]*抽选政策解读内容[^<]*</li>.*")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("disclosureRate："))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("interpretationQuality："))));
        assertThat(evaluation.facts(campaign.id())).isEmpty();
        page("/app/comprehensive/" + campaign.id() + "/waitan", "office01").andExpect(status().isOk());
    }

    /** Values as an earlier version stored them, before every number had a range, and damaged ones. */
    @ParameterizedTest
    @ValueSource(strings = {"1E+100000", "1e400", "-1e400", "1e99999999999", "1E+999999999", "NaN", "\"many\"", "{",
            "12345678901234567890123456789012345678901234567890"})
    void aStoredValueOutsideTheRulesIsShownAsInvalidAndNoPageFails(String stored) throws Exception {
        // given a count of 区财政局 for 外滩街道 and an office rate for 豫园街道 stored as the value
        store("waitan", "1.4", "missingLateOrIncompleteItems", stored, "FINANCE");
        store("yuyuan", "4.1", "disclosureRate", stored, "OFFICE");

        // when the pages that read them are opened, then each answers and says in Chinese which value is invalid
        page("/app/evaluation/" + campaign.id() + "/FINANCE", "eval-finance")
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("已保存的值无效")))
                .andExpect(content().string(Matchers.containsString("missingLateOrIncompleteItems")));
        page("/app/evaluation/" + campaign.id() + "/FINANCE/template.xlsx", "eval-finance").andExpect(status().isOk());
        page("/app/comprehensive/" + campaign.id(), "office01")
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("已保存的值无效")));
        page("/app/comprehensive/" + campaign.id() + "/yuyuan", "office01")
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("已保存的值无效")))
                .andExpect(content().string(Matchers.containsString("disclosureRate")));
        // and the invalid value is priced as missing, and counts as not delivered
        assertThat(scoring.currentSheet(campaign.id(), "waitan").indicator("1.4").missingInputs()).isNotEmpty();
        assertThat(evaluation.missing(campaign.id(), "FINANCE")).extracting(InputError::reason)
                .anySatisfy(r -> assertThat(r).startsWith("外滩街道：").contains("已保存的值无效"));
        // and a scoring round refuses to record a result from it, in Chinese
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(BadInputException.class,
                () -> scoring.scoreRound(campaign.id(), 1)).getMessage()).contains("已保存的值无效");
    }

    private void store(String unit, String indicator, String input, String valueJson, String source) {
        jdbc.update("insert into unit_fact (campaign_id, unit_code, indicator_code, input_name, value_json, source,"
                        + " entered_by, entered_at) values (?, ?, ?, ?, ?, ?, ?, ?)", campaign.id(), unit, indicator, input,
                valueJson, source, "legacy", Timestamp.from(Instant.now()));
    }

    private org.springframework.test.web.servlet.ResultActions page(String path, String user) throws Exception {
        return mvc.perform(get(path).with(httpBasic(user, "demo")));
    }
}
