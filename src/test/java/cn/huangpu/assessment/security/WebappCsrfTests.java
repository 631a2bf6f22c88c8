package cn.huangpu.assessment.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.support.WebIntegrationTest;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The webapps' CSRF check refuses a change without the X-XSRF-TOKEN header with 403, and the session
 * stays: a forged request from another page must not log the user out of the app and the webapps.
 */
@WebIntegrationTest
class WebappCsrfTests {

    static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    static final String TASK_QUERY = "/camunda/api/engine/engine/default/task/count";

    @LocalServerPort int port;
    CookieManager cookies;
    HttpClient http;

    @BeforeEach
    void logInByTheForm() throws Exception {
        cookies = new CookieManager();
        http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        String page = http.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = FORM_TOKEN.matcher(page);
        assertThat(token.find()).as("the login form carries a CSRF token").isTrue();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=office01&password=demo&_csrf="
                        + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(get("/app").statusCode()).isEqualTo(200);
    }

    @Test
    void aChangeWithoutTheHeaderIsRefusedAndTheSessionStays() throws Exception {
        // given the Tasklist was opened, so that the session has its webapp token
        assertThat(get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);

        // when a request without the X-XSRF-TOKEN header changes something through the webapps' engine API
        HttpResponse<String> forged = post(TASK_QUERY, null);

        // then it is refused with a Chinese reason, and the user is still logged in
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("X-XSRF-TOKEN");
        assertThat(get("/app").statusCode()).isEqualTo(200);
        assertThat(post(TASK_QUERY, xsrfCookie()).statusCode()).as("the real token still works").isEqualTo(200);
    }

    @Test
    void aWrongTokenIsRefusedAndTheSessionStays() throws Exception {
        assertThat(get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);

        HttpResponse<String> forged = post(TASK_QUERY, "0123456789ABCDEF0123456789ABCDEF");

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(get("/app").statusCode()).isEqualTo(200);
        assertThat(post(TASK_QUERY, xsrfCookie()).statusCode()).isEqualTo(200);
    }

    @Test
    void aChangeBeforeTheWebappWasOpenedIsRefusedAndTheSessionStays() throws Exception {
        // when the first webapp request of the session is a change without a token
        HttpResponse<String> forged = post(TASK_QUERY, null);

        // then it is refused and the app session survives
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(get("/app").statusCode()).isEqualTo(200);
    }

    private String xsrfCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String path, String xsrfToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
        if (xsrfToken != null) {
            request.header("X-XSRF-TOKEN", xsrfToken);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
