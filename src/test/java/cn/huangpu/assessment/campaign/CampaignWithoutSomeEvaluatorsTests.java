package cn.huangpu.assessment.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.evaluation.EvaluationService;
import cn.huangpu.assessment.evaluation.StoredFact;
import cn.huangpu.assessment.results.CampaignScoring;
import cn.huangpu.assessment.scoring.ScoreSheet;
import cn.huangpu.assessment.support.H2IntegrationTest;
import cn.huangpu.assessment.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Issue 20, case 2: a campaign opened with 3 of the 11 evaluators. The office enters the indicators of the
 * evaluators left out (区委网信办、区政府新闻办's 4.9 among them) in comprehensive evaluation; the coordinator is told so
 * when opening the campaign and on its page; the left-out evaluator's grid is not there, and says why.
 */
@H2IntegrationTest
@AutoConfigureMockMvc
class CampaignWithoutSomeEvaluatorsTests {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired EvaluationService evaluation;
    @Autowired CampaignScoring scoring;
    Long campaign;
    JsonNode opened;

    @BeforeEach
    void openWithThreeOfElevenEvaluators() throws Exception {
        // when the coordinator opens a campaign with 区财政局, 区热线办 and 区发展改革委 only
        MvcResult result = mvc.perform(post("/api/campaigns").with(httpBasic("office01", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"year\": " + TestUsers.freshYear()
                                + ", \"unitCodes\": [\"waitan\", \"czj\"], \"evaluatorCodes\": [\"FINANCE\", \"HOTLINE\", \"DRC\"]}"))
                .andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
        opened = json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
        campaign = opened.get("id").asLong();
    }

    @Test
    void theOpeningAnswerNamesWhatTheOfficeWillEnterForEachEvaluatorLeftOut() {
        // then the answer lists the eight evaluators left out, each with the indicators the office takes over
        JsonNode handed = opened.get("handedToOffice");
        List<String> codes = new ArrayList<>();
        handed.forEach(h -> codes.add(h.get("evaluatorCode").asText()));
        assertThat(codes).containsExactly("SECRECY", "ESTABLISHMENT", "MEDIA", "PORTAL", "REFORM", "JUSTICE", "MARKET",
                "ARCHIVES");
        JsonNode media = handed.get(2);
        assertThat(media.get("evaluatorName").asText()).isEqualTo("区委网信办、区政府新闻办");
        List<String> mediaIndicators = new ArrayList<>();
        media.get("indicators").forEach(i -> mediaIndicators.add(i.get("code").asText()));
        assertThat(mediaIndicators).containsExactly("3.7", "4.9", "4.10");
        // and says it in one sentence for the coordinator
        assertThat(opened.get("officeNotice").asText()).startsWith("以下专项评估单位未参加本次考评，其指标由区政府办公室在综合评估中录入：")
                .contains("区委网信办、区政府新闻办：3.7 回应机制建设及回应情况、4.9 传统媒体、4.10 政务新媒体")
                .doesNotContain("区财政局", "区热线办", "区发展改革委");
    }

    @Test
    void theCampaignPageTellsTheCoordinatorWhichIndicatorsTheOfficeEnters() throws Exception {
        Document page = page("/app/campaigns/" + campaign, "office01");
        assertThat(page.select(".handed-over li[data-evaluator=MEDIA]").text())
                .contains("区委网信办、区政府新闻办", "4.9", "传统媒体", "4.10");
        assertThat(page.select(".handed-over li[data-evaluator=FINANCE]")).isEmpty();
    }

    @Test
    void anEvaluatorLeftOutFindsNoGridAndIsToldWhy() throws Exception {
        // when eval-media opens its grid, its template or saves, for a campaign it does not take part in
        for (String path : List.of("/app/evaluation/" + campaign + "/MEDIA", "/app/evaluation/" + campaign + "/MEDIA/template.xlsx")) {
            MvcResult grid = mvc.perform(get(path).with(httpBasic("eval-media", "demo"))).andReturn();
            // then the answer is 404 with the reason in Chinese and where its indicators go
            assertThat(grid.getResponse().getStatus()).as(path).isEqualTo(404);
            assertThat(grid.getResponse().getErrorMessage()).as(path)
                    .isEqualTo("区委网信办、区政府新闻办未参加" + opened.get("year").asInt() + "年度政务公开考核评估，没有本次专项评估页面。"
                            + "其指标（3.7、4.9、4.10）由区政府办公室在综合评估中录入。");
        }
        MvcResult save = mvc.perform(post("/app/evaluation/" + campaign + "/MEDIA").with(httpBasic("eval-media", "demo"))
                .with(csrf()).param("v[waitan|4.9/pressConferencesHeld]", "true")).andReturn();
        assertThat(save.getResponse().getStatus()).isEqualTo(404);
        assertThat(evaluation.facts(campaign)).isEmpty();
        // and its work overview does not link to it
        Document home = page("/app", "eval-media");
        assertThat(home.select("a[href=/app/evaluation/" + campaign + "/MEDIA]")).isEmpty();
        assertThat(home.text()).contains("区委网信办、区政府新闻办未参加本次考评");
        // while another evaluator's id still answers as an unknown one
        MvcResult other = mvc.perform(get("/app/evaluation/" + campaign + "/MEDIA").with(httpBasic("eval-finance", "demo")))
                .andReturn();
        assertThat(other.getResponse().getStatus()).isEqualTo(404);
        assertThat(other.getResponse().getErrorMessage()).isEqualTo("没有找到该记录。");
    }

    @Test
    void theOfficeEntersTheIndicatorsOfAnEvaluatorLeftOutInComprehensiveEvaluation() throws Exception {
        // given the unit's comprehensive-evaluation page lists 4.9's inputs as the office's, on behalf of the media office
        Document page = page("/app/comprehensive/" + campaign + "/waitan", "office01");
        assertThat(page.select("tr[data-input=4.9/pressConferencesHeld] .handed-over-input").text())
                .isEqualTo("代区委网信办、区政府新闻办录入（该单位未参加本次考评）");
        assertThat(page.select("select[name='v[4.9/traditionalMediaUsed]']")).hasSize(1);

        // when the office enters both with a reason
        MvcResult saved = mvc.perform(post("/app/comprehensive/" + campaign + "/waitan").with(httpBasic("office01", "demo"))
                .with(csrf())
                .param("v[4.9/pressConferencesHeld]", "true").param("ver[4.9/pressConferencesHeld]", "0")
                .param("why[4.9/pressConferencesHeld]", "按区政府新闻办发布会记录录入")
                .param("v[4.9/traditionalMediaUsed]", "true").param("ver[4.9/traditionalMediaUsed]", "0")
                .param("why[4.9/traditionalMediaUsed]", "按区政府新闻办传统媒体发布记录录入")).andReturn();
        assertThat(saved.getResponse().getStatus()).isEqualTo(302);

        // then they are stored as the office's and price 4.9, the sheet saying who entered them for whom
        Map<String, StoredFact> waitan = evaluation.facts(campaign).get("waitan");
        assertThat(waitan.get("4.9/pressConferencesHeld").source()).isEqualTo(Catalogue.OFFICE);
        assertThat(waitan.get("4.9/traditionalMediaUsed").source()).isEqualTo(Catalogue.OFFICE);
        ScoreSheet.IndicatorScore priced = scoring.currentSheet(campaign, "waitan").indicator("4.9");
        assertThat(priced.points()).isEqualByComparingTo(new BigDecimal("2"));
        assertThat(priced.missingInputs()).isEmpty();
        assertThat(priced.explanation()).filteredOn(line -> line.input().startsWith("主动召开新闻发布会"))
                .singleElement().satisfies(line -> assertThat(line.details())
                        .containsExactly("区委网信办、区政府新闻办未参加本次考评，本项由区政府办公室在综合评估中录入"));
        // and 4.9 is no longer outstanding for 外滩街道, while it still is for 区财政局
        assertThat(scoring.outstanding(campaign, "waitan")).noneMatch(o -> o.indicatorCode().equals("4.9"));
        assertThat(scoring.outstanding(campaign, "czj")).filteredOn(o -> o.indicatorCode().equals("4.9"))
                .hasSize(2).allSatisfy(o -> assertThat(o.ownerText()).isEqualTo("区政府办公室（综合评估，代区委网信办、区政府新闻办录入）"));
    }

    private Document page(String path, String user) throws Exception {
        MvcResult result = mvc.perform(get(path).with(httpBasic(user, "demo"))).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
