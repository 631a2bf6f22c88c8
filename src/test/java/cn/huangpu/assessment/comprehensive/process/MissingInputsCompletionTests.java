package cn.huangpu.assessment.comprehensive.process;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.audit.AuditLog;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.evaluation.EvaluationService;
import cn.huangpu.assessment.evaluation.FactEntry;
import cn.huangpu.assessment.results.CampaignScoring;
import cn.huangpu.assessment.results.UnitResult;
import cn.huangpu.assessment.scoring.ScoreSheet;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.ProcessLookup;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.support.WebIntegrationTest;
import cn.huangpu.assessment.support.WebSession;
import cn.huangpu.assessment.workflow.CampaignProcess;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 20, case 3: 开展综合评估 with the office's judgements 2.3 and 6.2 left blank. The completion is refused where the
 * engine decides it, on the REST API's complete and on the Tasklist's submit-form alike, naming each input; once the
 * office marks both 按缺失计分 with a reason, it completes, the decision is audited and the approved sheet cites it.
 */
@WebIntegrationTest
class MissingInputsCompletionTests {

    static final String REASON = "该单位未报送解读材料和创新案例，经核实按缺失计分";

    @LocalServerPort int port;
    @Autowired CampaignStarter starter;
    @Autowired CampaignBots bots;
    @Autowired ProcessDriver driver;
    @Autowired TaskService taskService;
    @Autowired EvaluationService evaluation;
    @Autowired CampaignScoring scoring;
    @Autowired AuditLog audit;
    @Autowired ObjectMapper json;
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void comprehensiveEvaluationIsRefusedWhileInputsAreBlankAndCompletesOnceEachIsScoredAsMissing() throws Exception {
        // given a campaign of one unit, through self-check, verification and delivery, in comprehensive evaluation
        Long campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER).id();
        driver.runJobs();
        Random random = new Random(20);
        bots.fillSelfCheck(campaign, "waitan", random);
        bots.submitSelfCheck(campaign, "waitan");
        driver.runJobs();
        bots.verify(campaign, "waitan", random);
        bots.deliver(campaign, "FINANCE", random);
        driver.runJobs();
        // and the office entered all its inputs but the judgements 2.3 and 6.2 (and the evaluators' left out: those too)
        bots.enterOfficeValues(campaign, random);
        evaluation.record(campaign, Catalogue.OFFICE, List.of(
                new FactEntry("waitan", "2.3", "interpretationQuality", null, "清空"),
                new FactEntry("waitan", "6.2", "innovationCases", null, "清空")), true, CampaignBots.COORDINATOR_USER);
        assertThat(scoring.outstanding(campaign)).extracting(CampaignScoring.Outstanding::key)
                .containsExactly("2.3/interpretationQuality", "6.2/innovationCases");
        Task task = ProcessLookup.campaignTask(taskService, campaign, CampaignProcess.COMPREHENSIVE_EVALUATION);
        send("POST", "/engine-rest/task/" + task.getId() + "/claim", "{\"userId\": \"office01\"}");

        // when the coordinator completes 开展综合评估 through the REST API, and through the Tasklist's form submission
        for (String route : List.of("/complete", "/submit-form")) {
            HttpResponse<String> refused = send("POST", "/engine-rest/task/" + task.getId() + route,
                    "{\"variables\": {\"confirmComprehensive\": {\"value\": true}}}");

            // then it is refused with 400, the reason in Chinese naming each blank input of the unit, one a line
            assertThat(refused.statusCode()).as(route + ": " + refused.body()).isEqualTo(400);
            String message = json.readTree(refused.body()).get("message").asText();
            assertThat(message).startsWith("有输入尚未录入，不能完成综合评估（共2项）");
            assertThat(message.lines().skip(1).toList()).containsExactly(
                    "指标 2.3 外滩街道：解读质量 未录入“抽选政策解读内容的针对性、丰富性、完整性、精准性评分”"
                            + "（由区政府办公室（综合评估）录入，或按缺失计分）",
                    "指标 6.2 外滩街道：创新案例及经验总结 未录入“政务公开创新案例及经验总结评分”（由区政府办公室（综合评估）录入，或按缺失计分）");
        }
        assertThat(ProcessLookup.campaignTask(taskService, campaign, CampaignProcess.COMPREHENSIVE_EVALUATION)).isNotNull();

        // when the office marks both 按缺失计分 on the unit's page, first without a reason, then with one
        WebSession office = WebSession.login(port, "office01");
        String page = "/app/comprehensive/" + campaign + "/waitan";
        assertThat(office.get(page).body()).contains("name=\"missing[2.3/interpretationQuality]\"",
                "name=\"missing[6.2/innovationCases]\"");
        HttpResponse<String> noReason = office.post(page + "/missing", Map.of("missing[2.3/interpretationQuality]", "on",
                "missing[6.2/innovationCases]", "on", "missingReason", " "));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("按缺失计分须写明理由");
        assertThat(scoring.outstanding(campaign)).hasSize(2);
        HttpResponse<String> marked = office.post(page + "/missing", Map.of("missing[2.3/interpretationQuality]", "on",
                "missing[6.2/innovationCases]", "on", "missingReason", REASON));
        assertThat(marked.statusCode()).isEqualTo(302);

        // then each decision is in the audit trail, and the completion goes through
        assertThat(audit.forCampaign(campaign)).filteredOn(e -> "SCORE_AS_MISSING".equals(e.getAction()))
                .extracting(e -> e.getSubject()).containsExactlyInAnyOrder(
                        "unit_fact waitan 2.3 interpretationQuality", "unit_fact waitan 6.2 innovationCases");
        HttpResponse<String> completed = send("POST", "/engine-rest/task/" + task.getId() + "/complete",
                "{\"variables\": {\"confirmComprehensive\": {\"value\": true}}}");
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
        driver.runJobs();

        // and the sheet of the round the leaders approve cites the reason under the lines that price 2.3 and 6.2
        UnitResult result = scoring.latest(campaign, "waitan").orElseThrow();
        ScoreSheet sheet = scoring.sheet(result);
        for (String code : List.of("2.3", "6.2")) {
            ScoreSheet.IndicatorScore priced = sheet.indicator(code);
            assertThat(priced.points()).isZero();
            assertThat(priced.explanation()).anySatisfy(line -> assertThat(line.details()).singleElement().asString()
                    .startsWith("按缺失计分，理由：" + REASON + "（office01于"));
        }
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Basic " + Base64.getEncoder()
                                .encodeToString("office01:demo".getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/json").header("Accept", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
