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
import cn.huangpu.assessment.workflow.UnitAssessmentProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Admin operation log (who created accounts, changed memberships and authorizations) is for
 * administrators: leaders and the coordinator read the log of the assessment's processes only, through the
 * engine REST API and the webapps' engine API alike.
 */
@WebIntegrationTest
class OperationLogAccessTests {

    static final String ADMIN_LOG = "/history/user-operation?category=Admin&entityType=User&maxResults=500";

    @LocalServerPort int port;
    @Autowired CampaignStarter starter;
    @Autowired ProcessDriver driver;
    @Autowired TaskService taskService;
    @Autowired ObjectMapper json;
    @Autowired AuthorizationService authorizations;
    @Autowired AuthorizationSeeder seeder;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void anAdministratorCreatesAnAccount() throws Exception {
        // given an entry in the Admin log: the administrator creates an account through the API
        String user = "oplog-" + System.nanoTime();
        HttpResponse<String> created = send("admin", "POST", "/engine-rest/user/create",
                "{\"profile\": {\"id\": \"" + user + "\", \"firstName\": \"审计\", \"lastName\": \"测试\"},"
                        + " \"credentials\": {\"password\": \"a-long-password-1\"}}");
        assertThat(created.statusCode()).isEqualTo(204);
    }

    @Test
    void leadersAndTheCoordinatorDoNotReadTheAdminLog() throws Exception {
        for (String user : List.of("leader01", "office01")) {
            for (String api : List.of("/engine-rest", "/camunda/api/engine/engine/default")) {
                // when they ask for it
                HttpResponse<String> response = send(user, "GET", api + ADMIN_LOG, null);

                // then there is nothing in it for them
                assertThat(response.statusCode()).as(user + " " + api).isIn(200, 403);
                if (response.statusCode() == 200) {
                    assertThat(json.readTree(response.body())).as(user + " " + api).isEmpty();
                }
            }
        }
    }

    @Test
    void theGrantOfAnEarlierVersionLosesTheAdminLogAtStart() throws Exception {
        // given the leaders' grant as an earlier version seeded it: READ_HISTORY on every process definition
        Authorization all = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(Groups.LEADER).resourceType(Resources.PROCESS_DEFINITION).resourceId("*").singleResult();
        all.addPermission(ProcessDefinitionPermissions.READ_HISTORY);
        authorizations.saveAuthorization(all);
        assertThat(json.readTree(send("leader01", "GET", "/engine-rest" + ADMIN_LOG, null).body())).isNotEmpty();

        // when the application starts again
        seeder.run(null);

        // then the leaders read no Admin log, and still the history of the assessment
        assertThat(json.readTree(send("leader01", "GET", "/engine-rest" + ADMIN_LOG, null).body())).isEmpty();
        assertThat(authorizations.isUserAuthorized("leader01", List.of(Groups.LEADER), ProcessDefinitionPermissions.READ_HISTORY,
                Resources.PROCESS_DEFINITION, UnitAssessmentProcess.KEY)).isTrue();
    }

    @Test
    void administratorsReadTheAdminLog() throws Exception {
        for (String api : List.of("/engine-rest", "/camunda/api/engine/engine/default")) {
            HttpResponse<String> response = send("admin", "GET", api + ADMIN_LOG, null);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json.readTree(response.body())).as(api).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.get("category").asText()).isEqualTo("Admin"));
        }
    }

    @Test
    void leadersStillReadTheOperationLogOfTheAssessment() throws Exception {
        // given the coordinator claims a unit's task through the API
        CampaignInfo campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER);
        driver.runJobs();
        String task = ProcessLookup.unitTasks(taskService, campaign.id(), "waitan")
                .singleResult().getId();
        assertThat(send("office01", "POST", "/engine-rest/task/" + task + "/claim", "{\"userId\": \"office01\"}")
                .statusCode()).isEqualTo(204);

        // when a leader reads that task's operation log
        JsonNode entries = json.readTree(send("leader01", "GET",
                "/engine-rest/history/user-operation?taskId=" + task + "&maxResults=50", null).body());

        // then the claim is there
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.get("operationType").asText()).isEqualTo("Claim");
            assertThat(e.get("processDefinitionKey").asText()).isEqualTo(UnitAssessmentProcess.KEY);
        });
    }

    private HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
