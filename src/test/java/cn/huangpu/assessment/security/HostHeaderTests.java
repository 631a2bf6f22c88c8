package cn.huangpu.assessment.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.support.RawHttp;
import cn.huangpu.assessment.support.WebIntegrationTest;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A made-up Host header never comes back: not in the login redirect, not after a form login or logout,
 * not in the links of the engine REST API. Such a request is refused with 400 and a Chinese reason.
 */
@WebIntegrationTest
class HostHeaderTests {

    static final String FORM = "application/x-www-form-urlencoded";

    @LocalServerPort int port;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "GET, /app, ''",
            "GET, /camunda/app/tasklist/default/, ''",
            "POST, /login, username=office01&password=demo",
            "POST, /logout, ''",
            "GET, /engine-rest/process-definition?maxResults=5, ''",
            "GET, /, ''"})
    void aMadeUpHostIsRefusedAndNeverEchoed(String method, String path, String form) throws Exception {
        // when a request names another host
        RawHttp.Response response = RawHttp.send(port, method, path, List.of("Host: evil.example",
                "Authorization: Basic b2ZmaWNlMDE6ZGVtbw==", "Content-Type: " + FORM, "Accept: text/html"),
                method.equals("POST") ? form : null);

        // then it is refused, and the host appears nowhere in the answer
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Location")).isEmpty();
        assertThat(String.join("\n", response.headers()) + response.body()).doesNotContain("evil.example");
        assertThat(response.body()).contains("请求头 Host 中的主机名不是本系统的访问地址");
    }

    @Test
    void theConfiguredHostIsServed() throws Exception {
        // when the request names the base URL's host
        RawHttp.Response response = RawHttp.send(port, "GET", "/app", List.of("Host: localhost:" + port, "Accept: text/html"), null);

        // then the login redirect names it
        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).get().asString().startsWith("http://localhost:" + port + "/login");
    }

    @Test
    void aForwardedHostFromAnUntrustedClientIsIgnored() throws Exception {
        // when a client (not a trusted proxy) sends X-Forwarded-Host
        RawHttp.Response response = RawHttp.send(port, "GET", "/app",
                List.of("Host: localhost:" + port, "Accept: text/html", "X-Forwarded-Host: evil.example",
                        "X-Forwarded-Proto: https"), null);

        // then the redirect still names the request's own host
        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).get().asString().startsWith("http://localhost:" + port + "/login");
    }
}
