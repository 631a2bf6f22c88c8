package cn.huangpu.assessment.comprehensive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.CampaignStatus;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.evaluation.EvaluationService;
import cn.huangpu.assessment.evaluation.StoredFact;
import cn.huangpu.assessment.support.H2IntegrationTest;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hamcrest.Matchers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The office's page of one unit in comprehensive evaluation: one reason box per input (a judgement's own reason is
 * why it changed), previous and next unit in the list's order, and 保存并下一个.
 */
@H2IntegrationTest
@AutoConfigureMockMvc
class ComprehensiveUnitPageTests {

    static final String JUDGEMENT = "2.3/interpretationQuality";
    static final String RATE = "4.1/disclosureRate";

    @Autowired MockMvc mvc;
    @Autowired CampaignStarter starter;
    @Autowired EvaluationService evaluation;
    @Autowired CampaignBots bots;
    @Autowired ProcessDriver driver;
    @Autowired CampaignService campaigns;
    Long campaign;

    @BeforeEach
    void openCampaign() {
        // two departments and two streets, listed by code as a campaign holds them: czj, fgw, waitan, yuyuan
        campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan", "czj", "yuyuan", "fgw"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER).id();
    }

    @Test
    void everyOfficeInputHasOneReasonBoxAndAJudgementsIsItsOwnReason() throws Exception {
        Document page = page("/app/comprehensive/" + campaign + "/waitan");

        // every row of the office's inputs has exactly one reason box
        List<Element> rows = page.select("main form:not(.outstanding-form) tbody tr");
        assertThat(rows).isNotEmpty();
        assertThat(rows).allSatisfy(row -> assertThat(row.select("input[type=text]")).as(row.text()).hasSize(1));
        // a judgement's is its own reason; another input's is the change's reason
        assertThat(page.select("input[name='jr[" + JUDGEMENT + "]']")).hasSize(1);
        assertThat(page.select("input[name='why[" + JUDGEMENT + "]']")).isEmpty();
        assertThat(page.select("input[name='why[" + RATE + "]']")).hasSize(1);
    }

    @Test
    void aChangedJudgementSavesWithItsReasonAsTheReasonOfTheChange() throws Exception {
        // when the office scores 2.3 with its reason, in the one box
        save("waitan", Map.of("v[" + JUDGEMENT + "]", "1.5", "jr[" + JUDGEMENT + "]", "解读重点突出，缺少新旧政策对比"))
                .andExpect(status().is3xxRedirection());

        // then the judgement is stored with its reason, which is also the change's (and the audit's) reason
        StoredFact stored = evaluation.facts(campaign).get("waitan").get(JUDGEMENT);
        assertThat(stored.valueJson()).isEqualTo("{\"score\":1.5,\"reason\":\"解读重点突出，缺少新旧政策对比\"}");
        assertThat(stored.reason()).isEqualTo("解读重点突出，缺少新旧政策对比");
    }

    @Test
    void aChangedJudgementWithoutItsReasonIsRefusedNamingTheInputAndNothingIsSaved() throws Exception {
        // given a judgement and a rate saved with reasons
        save("waitan", Map.of("v[" + JUDGEMENT + "]", "1.5", "jr[" + JUDGEMENT + "]", "初评",
                "v[" + RATE + "]", "0.9", "why[" + RATE + "]", "核查")).andExpect(status().is3xxRedirection());

        // when the judgement's score changes with its reason emptied (a 修改理由 typed beside does not count)
        // along with a rate change that has its reason
        save("waitan", Map.of("v[" + JUDGEMENT + "]", "1", "jr[" + JUDGEMENT + "]", " ",
                "why[" + JUDGEMENT + "]", "复核", "v[" + RATE + "]", "0.8", "why[" + RATE + "]", "复核"))
                // then it is refused with 400, the indicator and the input named, the reason in Chinese
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("指标 2.3 抽选政策解读内容的针对性、丰富性、完整性、精准性评分：")))
                .andExpect(content().string(Matchers.containsString("外滩街道：评分须写明理由")));
        // and nothing of it is saved
        assertThat(evaluation.facts(campaign).get("waitan").get(JUDGEMENT).valueJson()).contains("\"score\":1.5");
        assertThat(evaluation.facts(campaign).get("waitan").get(RATE).valueJson()).isEqualTo("0.9");
    }

    @Test
    void previousAndNextFollowTheListsOrderAboveAndBelowTheForm() throws Exception {
        // the list: 委办局 区发展改革委 (fgw), 区财政局 (czj), then 街道 外滩街道 (waitan), 豫园街道 (yuyuan)
        Document list = page("/app/comprehensive/" + campaign);
        assertThat(list.select("#comprehensive tbody tr[data-unit]").eachAttr("data-unit"))
                .containsExactly("fgw", "czj", "waitan", "yuyuan");
        assertThat(list.select("#comprehensive tr.group-head").eachText()).containsExactly("委办局（2）", "街道（2）");

        // a unit in the middle links to both neighbours, above the form and below it
        Document czj = page("/app/comprehensive/" + campaign + "/czj");
        assertThat(czj.select("nav.unit-steps")).hasSize(2);
        assertThat(czj.select("nav.unit-steps a[rel=prev]").eachAttr("href"))
                .containsExactly("/app/comprehensive/" + campaign + "/fgw", "/app/comprehensive/" + campaign + "/fgw");
        assertThat(czj.select("nav.unit-steps a[rel=next]").eachAttr("href"))
                .containsExactly("/app/comprehensive/" + campaign + "/waitan", "/app/comprehensive/" + campaign + "/waitan");
        assertThat(czj.select("nav.unit-steps a[rel=next]").first().text()).contains("外滩街道");
        // across the kinds' boundary, and the ends say so and offer no 保存并下一个
        assertThat(page("/app/comprehensive/" + campaign + "/waitan").select("a[rel=prev]").first().attr("href"))
                .isEqualTo("/app/comprehensive/" + campaign + "/czj");
        Document first = page("/app/comprehensive/" + campaign + "/fgw");
        assertThat(first.select("a[rel=prev]")).isEmpty();
        assertThat(first.text()).contains("已是第一个单位");
        Document last = page("/app/comprehensive/" + campaign + "/yuyuan");
        assertThat(last.select("a[rel=next]")).isEmpty();
        assertThat(last.text()).contains("已是最后一个单位");
        assertThat(last.select("button[name=then][value=next]")).isEmpty();
        assertThat(czj.select("button[name=then][value=next]").text()).isEqualTo("保存并下一个");
    }

    @Test
    void saveAndNextSavesThenOpensTheNextUnitAndStaysOnRefusal() throws Exception {
        // when 区财政局's rate is saved with 保存并下一个
        save("czj", Map.of("v[" + RATE + "]", "0.85", "why[" + RATE + "]", "核查", "then", "next"))
                // then it is saved and the next unit of the list (外滩街道, the first street) opens
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/app/comprehensive/" + campaign + "/waitan"));
        assertThat(evaluation.facts(campaign).get("czj").get(RATE).valueJson()).isEqualTo("0.85");

        // and a refused save stays on its unit with 400, nothing saved
        save("waitan", Map.of("v[" + RATE + "]", "0.7", "then", "next"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("指标 4.1 公文主动公开率：")))
                .andExpect(content().string(Matchers.containsString("年度综合评估：外滩街道")));
        assertThat(evaluation.facts(campaign).getOrDefault("waitan", Map.of())).doesNotContainKey(RATE);
    }

    @Test
    void onceApprovedTheOfficesInputsAreShownAsTextWithoutControls() throws Exception {
        // given the campaign run to the leaders' approval
        Random random = new Random(5);
        List<String> units = List.of("waitan", "czj", "yuyuan", "fgw");
        driver.runJobs();
        for (String unit : units) {
            bots.fillSelfCheck(campaign, unit, random);
            bots.submitSelfCheck(campaign, unit);
        }
        driver.runJobs();
        units.forEach(unit -> bots.verify(campaign, unit, random));
        bots.deliver(campaign, "FINANCE", random);
        driver.runJobs();
        bots.evaluateComprehensively(campaign, random);
        driver.runJobs();
        bots.approve(campaign);
        assertThat(campaigns.get(campaign).status()).isEqualTo(CampaignStatus.APPROVED);

        // when the office opens a unit's page
        Document page = page("/app/comprehensive/" + campaign + "/waitan");

        // then it says why nothing can be changed, and shows values as text: no control, no save button
        assertThat(page.select("main p.notice").text()).contains("考核结果已审定，综合评估的输入不能再修改");
        assertThat(page.select("main form select, main form input:not([type=hidden]), main form button")).isEmpty();
        assertThat(page.select("main form tbody tr")).isNotEmpty()
                .allSatisfy(row -> assertThat(row.select("td").get(2).text()).as(row.text()).isNotBlank());
    }

    private org.springframework.test.web.servlet.ResultActions save(String unit, Map<String, String> fields)
            throws Exception {
        var request = post("/app/comprehensive/" + campaign + "/" + unit).with(httpBasic("office01", "demo")).with(csrf());
        fields.forEach(request::param);
        return mvc.perform(request);
    }

    private Document page(String path) throws Exception {
        String html = mvc.perform(get(path).with(httpBasic("office01", "demo")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return Jsoup.parse(html);
    }
}
