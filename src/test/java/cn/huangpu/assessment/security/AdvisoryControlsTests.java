package cn.huangpu.assessment.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.support.WebIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The compensating controls for the two Camunda 7.24.0 CE advisories without a fix, fed the attack
 * shapes: nothing is created and nothing is executed.
 */
@WebIntegrationTest
class AdvisoryControlsTests {


    @LocalServerPort int port;
    @Autowired FilterService filterService;
    @Autowired IdentityService identityService;
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void plainOrQueriesStillWork() throws Exception {
        HttpResponse<String> response = post("office01", "/engine-rest/task?maxResults=50",
                "{\"orQueries\": [{\"name\": \"提交自查\"}]}");

        assertThat(response.statusCode()).isEqualTo(200);
    }

    /** CVE-2026-77226: the Admin setup endpoint creating an administrator. */
    @ParameterizedTest
    @ValueSource(strings = {"", "admin", "waitan01"})
    void theAdminSetupEndpointCreatesNoone(String user) throws Exception {
        String body = "{\"profile\": {\"id\": \"attacker\", \"firstName\": \"a\", \"lastName\": \"b\", \"email\": \"a@b.cn\"},"
                + " \"credentials\": {\"password\": \"attacker-pass\"}}";
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/camunda/api/admin/setup/default/user/create"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (!user.isEmpty()) {
            request.header("Authorization", basic(user));
        }

        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isIn(302, 401, 403);
        assertThat(identityService.createUserQuery().userId("attacker").count()).isZero();
    }

    @Test
    void onlyAdministratorsDeploy() throws Exception {
        String boundary = "----x";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nx\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"x.bpmn\"; filename=\"x.bpmn\"\r\n"
                + "Content-Type: application/xml\r\n\r\n<definitions/>\r\n--" + boundary + "--\r\n";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/engine-rest/deployment/create"))
                        .header("Authorization", basic("office01"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void anUnboundedQueryIsRefused() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/engine-rest/task"))
                .header("Authorization", basic("office01")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("unbound number of results is forbidden");
    }

    @Test
    void aWrongPasswordMakesTheSameClientWait() throws Exception {
        // the evaluator account of 区档案馆 is used by no other test of this context (all of them call from loopback)
        HttpRequest.Builder wrong = HttpRequest.newBuilder(uri("/engine-rest/task?maxResults=1"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "eval-archives:wrong".getBytes(StandardCharsets.UTF_8)));
        assertThat(http.send(wrong.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);

        HttpResponse<String> right = http.send(HttpRequest.newBuilder(uri("/engine-rest/task?maxResults=1"))
                .header("Authorization", basic("eval-archives")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(right.statusCode()).as("this client waits a few seconds after a wrong password").isEqualTo(429);
        assertThat(right.body()).contains("登录失败次数过多");
    }

    @Test
    void thereIsNoH2Console() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/h2-console"))
                .header("Authorization", basic("admin")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() throws Exception {
        HttpResponse<String> login = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(login.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("SESSION="))
                .singleElement().asString().contains("HttpOnly").contains("SameSite=Lax");
    }

    private HttpResponse<String> post(String user, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }
}
