package cn.huangpu.assessment.security;

import cn.huangpu.assessment.support.ProcessLookup;
import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.UnitParticipation;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.support.WebIntegrationTest;
import cn.huangpu.assessment.support.WebSession;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.SpecialistEvaluationProcess;
import cn.huangpu.assessment.workflow.UnitAssessmentProcess;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The variable cells of the authorization matrix: who reads and who writes a process's variables, through
 * every route the engine REST API and the Tasklist's engine API offer. Identity and routing variables
 * ({@code campaignId}, {@code unitCode}, {@code evaluatorCode}, dates) cannot be set or changed by any user
 * call, and a completion carries only the fields of the task's form.
 */
@WebIntegrationTest
class ProcessVariableAccessTests {

    @LocalServerPort int port;
    @Autowired CampaignStarter starter;
    @Autowired CampaignService campaigns;
    @Autowired ProcessDriver driver;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    /** One campaign for the class: no test completes a task, and campaign years are few (one campaign per year). */
    static Long campaignId;
    Task selfCheck;
    Task delivery;

    @BeforeEach
    void aCampaignWithOpenTasks() {
        if (campaignId == null) {
            CampaignInfo campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                    List.of("xiaodongmen", "yuyuan"), List.of("MEDIA", "FINANCE")), CampaignBots.COORDINATOR_USER);
            campaignId = campaign.id();
            driver.runJobs();
        }
        selfCheck = ProcessLookup.unitTasks(taskService, campaignId, "xiaodongmen").singleResult();
        delivery = ProcessLookup.evaluatorTasks(taskService, campaignId, "MEDIA").singleResult();
    }

    @Test
    void unitsAndEvaluatorsReadOnlyTheVariablesTheirFormsShow() throws Exception {
        for (String[] actor : new String[][] {
                {"xiaodongmen01", selfCheck.getId(), "campaignId,unitCode"},
                {"eval-media", delivery.getId(), "campaignId,evaluatorCode"}}) {
            // given the task's own user, when it reads the task's variables, then it is refused
            assertThat(get(actor[0], "/engine-rest/task/" + actor[1] + "/variables").statusCode()).isEqualTo(403);
            assertThat(get(actor[0], "/engine-rest/task/" + actor[1] + "/localVariables").statusCode()).isEqualTo(403);
            // and the form gets exactly the variables it shows (the link to its page), without an error in the Tasklist
            HttpResponse<String> form = get(actor[0], "/engine-rest/task/" + actor[1] + "/form-variables");
            assertThat(form.statusCode()).as(actor[0] + " " + form.body()).isEqualTo(200);
            assertThat(json.readTree(form.body()).fieldNames()).toIterable().containsExactlyInAnyOrder(actor[2].split(","));
            assertThat(get(actor[0], "/engine-rest/task/" + actor[1] + "/form").statusCode()).isEqualTo(200);
            assertThat(get(actor[0], "/engine-rest/process-instance/" + selfCheck.getProcessInstanceId() + "/variables")
                    .statusCode()).isIn(403, 404);
            HttpResponse<String> history = get(actor[0], "/engine-rest/history/variable-instance?maxResults=10&processInstanceId="
                    + selfCheck.getProcessInstanceId());
            assertThat(history.statusCode()).isEqualTo(200);
            assertThat(history.body()).isEqualTo("[]");
        }
        // the office reads them (its forms show the unit and the campaign)
        assertThat(get("office01", "/engine-rest/task/" + selfCheck.getId() + "/variables").body()).contains("xiaodongmen");
        assertThat(get("leader01", "/engine-rest/task/" + selfCheck.getId() + "/variables").statusCode()).isEqualTo(200);
    }

    @Test
    void noUserCallSetsOrChangesAVariable() throws Exception {
        String instance = selfCheck.getProcessInstanceId();
        String execution = selfCheck.getExecutionId();
        String change = "{\"value\": \"yuyuan\", \"type\": \"String\"}";
        List<String> wrong = new ArrayList<>();
        for (String user : List.of("xiaodongmen01", "eval-media", "office01", "leader01")) {
            List<HttpResponse<String>> answers = List.of(
                    put(user, "/engine-rest/task/" + selfCheck.getId() + "/variables/unitCode", change),
                    post(user, "/engine-rest/task/" + selfCheck.getId() + "/variables",
                            "{\"modifications\": {\"unitCode\": " + change + "}}"),
                    put(user, "/engine-rest/task/" + selfCheck.getId() + "/localVariables/unitCode", change),
                    post(user, "/engine-rest/process-instance/" + instance + "/variables",
                            "{\"modifications\": {\"unitCode\": " + change + "}}"),
                    put(user, "/engine-rest/process-instance/" + instance + "/variables/unitCode", change),
                    put(user, "/engine-rest/execution/" + execution + "/localVariables/unitCode", change),
                    post(user, "/engine-rest/task/" + selfCheck.getId() + "/bpmnError",
                            "{\"errorCode\": \"x\", \"variables\": {\"unitCode\": " + change + "}}"),
                    post(user, "/engine-rest/task/" + selfCheck.getId() + "/resolve",
                            "{\"variables\": {\"unitCode\": " + change + "}}"),
                    post(user, "/engine-rest/message", "{\"messageName\": \"x\", \"businessKey\": \""
                            + ProcessLookup.unitInstance(runtimeService, campaignId, "xiaodongmen").getBusinessKey()
                            + "\", \"processVariables\": {\"unitCode\": " + change + "}}"));
            for (HttpResponse<String> answer : answers) {
                if (answer.statusCode() < 400 || answer.statusCode() >= 500) {
                    wrong.add(user + " " + answer.request().method() + " " + answer.uri().getPath() + ": " + answer.statusCode());
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(runtimeService.getVariable(selfCheck.getExecutionId(), UnitAssessmentProcess.UNIT_CODE)).isEqualTo("xiaodongmen");
        assertThat(taskService.createTaskQuery().taskId(selfCheck.getId()).count()).isOne();
    }

    @Test
    void aUnitCannotCompleteItsTaskAsAnotherUnit() throws Exception {
        // given 小东门's own self-check task, claimed by its staff
        assertThat(post("xiaodongmen01", "/engine-rest/task/" + selfCheck.getId() + "/claim",
                "{\"userId\": \"xiaodongmen01\"}").statusCode()).isEqualTo(204);

        // when it completes the task naming 豫园, on either route
        for (String route : List.of("/complete", "/submit-form")) {
            HttpResponse<String> answer = post("xiaodongmen01", "/engine-rest/task/" + selfCheck.getId() + route,
                    "{\"variables\": {\"confirmSubmit\": {\"value\": true}, \"unitCode\": {\"value\": \"yuyuan\"}}}");

            // then it is refused with the field named, and nothing changed
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
            assertThat(answer.body()).contains("unitCode").contains("表单以外").doesNotContain("Cannot");
        }
        assertThat(runtimeService.getVariable(selfCheck.getExecutionId(), UnitAssessmentProcess.UNIT_CODE)).isEqualTo("xiaodongmen");
        assertThat(campaigns.unit(campaignId, "yuyuan").status()).isEqualTo(UnitParticipation.Status.PENDING);
        assertThat(campaigns.unit(campaignId, "xiaodongmen").status()).isEqualTo(UnitParticipation.Status.PENDING);
    }

    @Test
    void anEvaluatorCannotDeliverAsAnotherEvaluator() throws Exception {
        post("eval-media", "/engine-rest/task/" + delivery.getId() + "/claim", "{\"userId\": \"eval-media\"}");

        HttpResponse<String> answer = post("eval-media", "/engine-rest/task/" + delivery.getId() + "/complete",
                "{\"variables\": {\"confirmDelivered\": {\"value\": true}, \"evaluatorCode\": {\"value\": \"FINANCE\"}}}");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("evaluatorCode");
        assertThat(runtimeService.getVariable(delivery.getExecutionId(), SpecialistEvaluationProcess.EVALUATOR_CODE)).isEqualTo("MEDIA");
        assertThat(taskService.createTaskQuery().taskId(delivery.getId()).count()).isOne();
    }

    @Test
    void aFormFieldTakesOnlyItsType() throws Exception {
        post("xiaodongmen01", "/engine-rest/task/" + selfCheck.getId() + "/claim", "{\"userId\": \"xiaodongmen01\"}");

        HttpResponse<String> answer = post("xiaodongmen01", "/engine-rest/task/" + selfCheck.getId() + "/complete",
                "{\"variables\": {\"confirmSubmit\": {\"value\": \"yes\"}}}");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("我已逐项填写完毕，确认提交自查").doesNotContain("confirmSubmit");
    }

    @Test
    void anIncompleteSelfCheckIsRefusedInTheTasklistWithTheMissingIndicators() throws Exception {
        // given the unit in the Tasklist (the webapps' engine API, with its session and XSRF token)
        WebSession tasklist = WebSession.login(port, "xiaodongmen01");
        tasklist.send(tasklist.engineApi("/camunda/api/engine/engine/default/task/" + selfCheck.getId() + "/claim")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\": \"xiaodongmen01\"}")).build());

        // when it submits the form with nothing filled in
        HttpResponse<String> answer = tasklist.send(tasklist.engineApi("/camunda/api/engine/engine/default/task/"
                        + selfCheck.getId() + "/submit-form").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"variables\": {\"confirmSubmit\": {\"value\": true, \"type\": \"Boolean\"}}}"))
                .build());

        // then 400 with the Chinese reason and the missing indicators, and the task stays open
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("自查尚未填写完整").contains("指标 1.1").doesNotContain("ENGINE-")
                .doesNotContain("Cannot submit");
        assertThat(taskService.createTaskQuery().taskId(selfCheck.getId()).count()).isOne();
    }

    private HttpResponse<String> get(String user, String path) throws Exception {
        return http.send(request(user, path).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String user, String path, String body) throws Exception {
        return http.send(request(user, path).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> put(String user, String path, String body) throws Exception {
        return http.send(request(user, path).PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String user, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
}
