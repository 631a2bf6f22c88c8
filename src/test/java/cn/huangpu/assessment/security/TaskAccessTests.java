package cn.huangpu.assessment.security;

import cn.huangpu.assessment.support.ProcessLookup;
import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.support.WebIntegrationTest;
import cn.huangpu.assessment.support.WebSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Through the engine REST API on a real port: who sees and completes which task, and how bad completions are refused. */
@WebIntegrationTest
class TaskAccessTests {

    @LocalServerPort int port;
    @Autowired CampaignStarter starter;
    @Autowired ProcessDriver driver;
    @Autowired TaskService taskService;
    @Autowired ObjectMapper json;

    final HttpClient http = HttpClient.newHttpClient();
    CampaignInfo campaign;

    @BeforeEach
    void openCampaign() {
        campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan", "yuyuan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER);
        driver.runJobs();
    }

    @Test
    void aUnitSeesOnlyItsOwnTasks() throws Exception {
        JsonNode tasks = json.readTree(get("waitan01", "/engine-rest/task?maxResults=200").body());

        assertThat(tasks).isNotEmpty().allSatisfy(t -> assertThat(t.get("name").asText()).endsWith("外滩街道"));
    }

    @Test
    void anEvaluatorSeesOnlyItsOwnTaskAndTheCoordinatorSeesAll() throws Exception {
        JsonNode evaluatorTasks = json.readTree(get("eval-finance", "/engine-rest/task?maxResults=200").body());
        assertThat(evaluatorTasks).isNotEmpty().allSatisfy(t -> assertThat(t.get("name").asText()).isEqualTo("提交专项评估结果：区财政局"));

        String processInstances = campaignTaskIds("waitan") + campaignTaskIds("yuyuan");
        JsonNode officeTasks = json.readTree(get("office01", "/engine-rest/task?maxResults=2000").body());
        assertThat(officeTasks.toString()).contains(taskOf("waitan").getId()).contains(taskOf("yuyuan").getId());
        assertThat(processInstances).isNotEmpty();
    }

    @Test
    void aUnitCannotReadOrCompleteAnotherUnitsTask() throws Exception {
        Task other = taskOf("yuyuan");

        assertThat(get("waitan01", "/engine-rest/task/" + other.getId()).statusCode()).isIn(403, 404);
        assertThat(get("waitan01", "/engine-rest/task/" + other.getId() + "/variables").statusCode()).isIn(403, 404);
        assertThat(get("waitan01", "/engine-rest/task/" + other.getId() + "/deployed-form").statusCode()).isIn(403, 404);
        HttpResponse<String> complete = post("waitan01", "/engine-rest/task/" + other.getId() + "/complete", "{}");
        assertThat(complete.statusCode()).isIn(403, 404);
        assertThat(complete.body()).doesNotContain("自查尚未填写完整");
        assertThat(taskService.createTaskQuery().taskId(other.getId()).count()).isOne();
    }

    @Test
    void aUnitCannotClaimItsTaskForAnotherUnitsStaff() throws Exception {
        // when 外滩街道's staff claim the unit's task for 豫园街道's staff
        Task own = taskOf("waitan");
        HttpResponse<String> claim = post("waitan01", "/engine-rest/task/" + own.getId() + "/claim",
                "{\"userId\": \"yuyuan01\"}");

        // then it is refused with the reason, the task stays unclaimed, and 豫园街道 still cannot see it
        assertThat(claim.statusCode()).as(claim.body()).isEqualTo(400);
        assertThat(json.readTree(claim.body()).get("message").asText()).contains("只能认领给本人");
        assertThat(taskService.createTaskQuery().taskId(own.getId()).singleResult().getAssignee()).isNull();
        assertThat(get("yuyuan01", "/engine-rest/task/" + own.getId()).statusCode()).isIn(403, 404);
        // and a unit may still not assign it to anyone (the engine's own refusal comes first)
        assertThat(post("waitan01", "/engine-rest/task/" + own.getId() + "/assignee", "{\"userId\": \"nobody-here\"}")
                .statusCode()).isEqualTo(403);
    }

    @Test
    void aClaimOfATaskSomeoneElseClaimedIsAConflictWithItsReason() throws Exception {
        // given 外滩街道's task claimed by its staff
        Task own = taskOf("waitan");
        assertThat(post("waitan01", "/engine-rest/task/" + own.getId() + "/claim", "{\"userId\": \"waitan01\"}")
                .statusCode()).isEqualTo(204);

        // when the coordinator claims it too
        HttpResponse<String> claim = post("office01", "/engine-rest/task/" + own.getId() + "/claim",
                "{\"userId\": \"office01\"}");

        // then it is a conflict with the reason in Chinese, not a 500, and the task keeps its assignee
        assertThat(claim.statusCode()).as(claim.body()).isEqualTo(409);
        assertThat(json.readTree(claim.body()).get("message").asText()).contains("已由他人认领");
        assertThat(taskService.createTaskQuery().taskId(own.getId()).singleResult().getAssignee()).isEqualTo("waitan01");
    }

    @Test
    void theCoordinatorAssignsOnlyToUsersAndGroupsThatExist() throws Exception {
        Task own = taskOf("waitan");
        String tooLong = "u".repeat(300);

        // when the coordinator assigns the task to made-up users (one longer than the engine's column), or adds a
        // made-up candidate group
        List<HttpResponse<String>> refused = List.of(
                post("office01", "/engine-rest/task/" + own.getId() + "/assignee", "{\"userId\": \"" + tooLong + "\"}"),
                post("office01", "/engine-rest/task/" + own.getId() + "/assignee", "{\"userId\": \"nobody-here\"}"),
                post("office01", "/engine-rest/task/" + own.getId() + "/delegate", "{\"userId\": \"nobody-here\"}"),
                post("office01", "/engine-rest/task/" + own.getId() + "/identity-links",
                        "{\"groupId\": \"" + tooLong + "\", \"type\": \"candidate\"}"));

        // then each is refused with 400 and the reason, and the task is unchanged
        assertThat(refused).allSatisfy(answer -> {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
            assertThat(json.readTree(answer.body()).get("message").asText()).containsPattern("^用户(组)?不存在：");
        });
        assertThat(taskService.createTaskQuery().taskId(own.getId()).singleResult().getAssignee()).isNull();
        assertThat(taskService.getIdentityLinksForTask(own.getId())).noneMatch(l -> tooLong.equals(l.getGroupId()));
        // and an assignment to the unit's own staff is made
        assertThat(post("office01", "/engine-rest/task/" + own.getId() + "/assignee", "{\"userId\": \"waitan01\"}")
                .statusCode()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(own.getId()).singleResult().getAssignee()).isEqualTo("waitan01");
    }

    @Test
    void completingAnIncompleteSelfCheckAnswers400WithTheReasonInChinese() throws Exception {
        Task own = taskOf("waitan");

        HttpResponse<String> response = post("waitan01", "/engine-rest/task/" + own.getId() + "/submit-form",
                "{\"variables\": {\"confirmSubmit\": {\"value\": true}}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("message").asText()).contains("指标 1.1").contains("未填写完成情况");
        assertThat(taskService.createTaskQuery().taskId(own.getId()).count()).isOne();
    }

    @Test
    void onlyAnAdministratorCreatesATaskOutsideTheProcesses() throws Exception {
        // given a task name no process uses
        String name = "单位自建任务 " + campaign.id();
        String body = "{\"name\": \"" + name + "\"}";

        // when a unit, an evaluator and the coordinator create it through the REST API, and the unit through the
        // Tasklist's engine API as the Tasklist's 新建任务 would
        HttpResponse<String> unit = post("waitan01", "/engine-rest/task/create", body);
        HttpResponse<String> evaluator = post("eval-finance", "/engine-rest/task/create", body);
        HttpResponse<String> coordinator = post("office01", "/engine-rest/task/create", body);
        WebSession session = WebSession.login(port, "waitan01");
        HttpResponse<String> tasklist = session.send(session.engineApi("/camunda/api/engine/engine/default/task/create")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());

        // then the engine refuses every one of them, and no such task exists
        assertThat(List.of(unit, evaluator, coordinator, tasklist)).allSatisfy(answer ->
                assertThat(answer.statusCode()).as(answer.uri() + ": " + answer.body()).isEqualTo(403));
        assertThat(taskService.createTaskQuery().taskName(name).count()).isZero();
        // and the engine answers the Tasklist that a unit may not, and an administrator may (which shows 新建任务)
        String check = "/engine-rest/authorization/check?permissionName=CREATE&resourceName=Task&resourceType=7";
        assertThat(json.readTree(get("waitan01", check).body()).get("authorized").asBoolean()).isFalse();
        assertThat(json.readTree(get("admin", check).body()).get("authorized").asBoolean()).isTrue();
        HttpResponse<String> admin = post("admin", "/engine-rest/task/create", body);
        assertThat(admin.statusCode()).as(admin.body()).isIn(200, 204);
        assertThat(taskService.createTaskQuery().taskName(name).count()).isOne();
        taskService.deleteTask(taskService.createTaskQuery().taskName(name).singleResult().getId(), true);
    }

    @Test
    void withoutCredentialsTheRestApiAnswers401() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/engine-rest/task")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
    }

    private Task taskOf(String unitCode) {
        return ProcessLookup.unitTasks(taskService, campaign.id(), unitCode).singleResult();
    }

    private String campaignTaskIds(String unitCode) {
        return taskOf(unitCode).getId();
    }

    private HttpResponse<String> get(String user, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String user, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }
}
