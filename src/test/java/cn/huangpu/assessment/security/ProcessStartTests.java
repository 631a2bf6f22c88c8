package cn.huangpu.assessment.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.support.EngineRest;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.support.WebIntegrationTest;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.DeadlineProcess;
import cn.huangpu.assessment.workflow.RectificationProcess;
import cn.huangpu.assessment.workflow.SpecialistEvaluationProcess;
import cn.huangpu.assessment.workflow.UnitAssessmentProcess;
import cn.huangpu.assessment.workflow.UnitFeedbackProcess;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may start a process, and with what, decided where the engine decides it: the office starts the campaign
 * and nothing else (its authorization), and a campaign process started with a campaign's id, or a reopening, runs
 * only for the campaign the application opened or reopened for it. Through the REST API the office could start a
 * second evaluation of an evaluator or a rectification before publication (200), or a unit's, deadline's or
 * feedback process that failed on its missing variables (500).
 */
@WebIntegrationTest
class ProcessStartTests {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired CampaignStarter starter;
    @Autowired ProcessDriver driver;
    @Autowired RuntimeService runtimeService;
    @Autowired CampaignService campaigns;

    CampaignInfo campaign;

    @BeforeEach
    void openCampaign() {
        campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER);
        driver.runJobs();
    }

    @ParameterizedTest
    @ValueSource(strings = {UnitAssessmentProcess.KEY, SpecialistEvaluationProcess.KEY, DeadlineProcess.KEY,
            UnitFeedbackProcess.KEY, RectificationProcess.KEY, RectificationProcess.LAUNCH_KEY})
    void theOfficeStartsNoProcessButTheCampaign(String key) throws Exception {
        // when the coordinator starts one of the campaign's inner processes with the campaign's variables
        for (String route : List.of("/start", "/submit-form")) {
            HttpResponse<String> answer = post("office01", "/engine-rest/process-definition/key/" + key + route,
                    campaignVariables());

            // then the engine refuses it for want of the permission, and no instance of it was started
            assertThat(answer.statusCode()).as(route + " " + answer.body()).isEqualTo(403);
            assertThat(JSON.readTree(answer.body()).get("type").asText()).isEqualTo("AuthorizationException");
        }
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(key)
                .variableValueEquals(CampaignProcess.CAMPAIGN_ID, campaign.id()).count())
                .isEqualTo(startedByTheCampaign(key));
    }

    @Test
    void aCampaignProcessStartedWithTheIdOfACampaignThatRunsIsRefused() throws Exception {
        // when the coordinator starts the campaign process naming the running campaign
        HttpResponse<String> answer = post("office01", "/engine-rest/process-definition/key/" + CampaignProcess.KEY
                + "/start", campaignVariables());

        // then it is refused with 400 and the reason, and the campaign still has its one instance
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(JSON.readTree(answer.body()).get("message").asText()).contains("考评编号由系统在开启考评时给出");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(CampaignProcess.KEY)
                .variableValueEquals(CampaignProcess.CAMPAIGN_ID, campaign.id()).count()).isOne();
    }

    @Test
    void aStartFormTheApplicationRefusesIsA400WithTheReasonNotA500() throws Exception {
        // when the coordinator submits the start form for a year that has no catalogue, without units
        HttpResponse<String> answer = post("office01", "/engine-rest/process-definition/key/" + CampaignProcess.KEY
                + "/submit-form", """
                {"variables": {"year": {"value": 1999, "type": "Integer"}, "catalogueYear": {"value": 1999, "type": "Integer"}}}""");

        // then the start is refused with 400 and the application's reason in Chinese (the REST API wrapped it as 500)
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(JSON.readTree(answer.body()).get("message").asText()).startsWith("发起考评的输入有误")
                .doesNotContain("Cannot instantiate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/submit-form", "/start"})
    void aStartTextLongerThanTheEngineStoresOrAVariableNoFormDeclaresIsA400(String route) throws Exception {
        // when the coordinator starts a campaign with a valid unit list padded past 4,000 characters
        int year = TestUsers.formYear();
        HttpResponse<String> padded = post("office01", "/engine-rest/process-definition/key/" + CampaignProcess.KEY
                + route, startVariables(year, Map.of("unitCodes", Map.of("value", "waitan" + "\n".repeat(4001)))));
        // or with a variable the start form does not declare
        HttpResponse<String> undeclared = post("office01", "/engine-rest/process-definition/key/" + CampaignProcess.KEY
                + route, startVariables(year, Map.of("unitCodes", Map.of("value", "waitan"),
                        "unitBatches", Map.of("value", 0, "type", "Integer"))));

        // then each is refused with 400 naming the field (as the form labels it) and the reason; no campaign opens
        assertThat(padded.statusCode()).as(padded.body()).isEqualTo(400);
        assertThat(JSON.readTree(padded.body()).get("message").asText()).contains("最多4000个字");
        assertThat(undeclared.statusCode()).as(undeclared.body()).isEqualTo(400);
        assertThat(JSON.readTree(undeclared.body()).get("message").asText()).contains("不能提交表单以外的字段：unitBatches");
        assertThat(campaigns.all()).noneMatch(c -> c.year() == year);
    }

    private static String startVariables(int year, Map<String, Object> more) throws Exception {
        Map<String, Object> variables = new java.util.HashMap<>(more);
        variables.put("year", Map.of("value", year, "type", "Integer"));
        variables.put("catalogueYear", Map.of("value", 2023, "type", "Integer"));
        return JSON.writeValueAsString(Map.of("variables", variables));
    }

    @Test
    void aReopeningCorrelatedForACampaignThatWasNotReopenedIsRefused() throws Exception {
        // when the coordinator correlates the reopening message for the running campaign
        HttpResponse<String> answer = post("office01", "/engine-rest/message", """
                {"messageName": "%s", "processVariables": {"campaignId": {"value": %d, "type": "Long"}}}"""
                .formatted(CampaignProcess.MESSAGE_REOPENED, campaign.id()));

        // then it is refused with the reason, and the campaign still has its one instance
        assertThat(answer.statusCode()).as(answer.body()).isBetween(400, 499);
        assertThat(answer.body()).contains("只能在考评页面重新打开已公布的考核结果");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(CampaignProcess.KEY)
                .variableValueEquals(CampaignProcess.CAMPAIGN_ID, campaign.id()).count()).isOne();
    }

    /** The instances the campaign itself has started of {@code key} by now (one unit, one evaluator). */
    private long startedByTheCampaign(String key) {
        return switch (key) {
            case UnitAssessmentProcess.KEY, SpecialistEvaluationProcess.KEY -> 1;
            case DeadlineProcess.KEY -> 2;
            default -> 0;
        };
    }

    private String campaignVariables() {
        return """
                {"variables": {"campaignId": {"value": %d, "type": "Long"}, "unitCode": {"value": "waitan"},
                 "evaluatorCode": {"value": "FINANCE"}}}""".formatted(campaign.id());
    }

    private HttpResponse<String> post(String user, String path, String body) throws Exception {
        return EngineRest.as(port, user).post(path, body);
    }
}
