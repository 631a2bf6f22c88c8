package cn.huangpu.assessment.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.support.RawHttp;
import cn.huangpu.assessment.support.WebIntegrationTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The app behind a reverse proxy on the same host (forwarded headers on, the proxy trusted): the client
 * address comes from X-Forwarded-For, so the login throttle tells an attacker from an account's owner, and
 * a forwarded host is checked like a Host header.
 */
@WebIntegrationTest
@TestPropertySource(properties = "server.forward-headers-strategy=native")
class LoginThrottleBehindProxyTests {

    static final String ATTACKER = "203.0.113.7";
    static final String OWNER = "198.51.100.20";
    static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    @LocalServerPort int port;

    @Test
    void anAddressSprayingWrongPasswordsIsThrottledAndTheOwnersStillLogIn() throws Exception {
        // given an address that tried a wrong password on twenty accounts, waitan01 among them
        for (int i = 0; i < 20; i++) {
            String account = i == 0 ? "waitan01" : "sprayed" + i;
            assertThat(basic(account, "wrong", ATTACKER).status()).as(account).isEqualTo(401);
        }

        // when it tries again, even with a right password
        RawHttp.Response refused = basic("office01", "demo", ATTACKER);

        // then it is refused with 429, the wait and a Chinese reason, before any password is looked at
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).get().asString().matches("\\d+");
        assertThat(refused.body()).contains("登录失败次数过多");
        // and the owner of the attacked account, at another address, logs in at once: nothing locked the account
        assertThat(basic("waitan01", "demo", OWNER).status()).isEqualTo(200);
        assertThat(formLogin("waitan01", OWNER).statusCode()).isEqualTo(302);
        // while the attacker's login page answers 429 too
        HttpResponse<String> attackersForm = formLogin("office01", ATTACKER);
        assertThat(attackersForm.statusCode()).isEqualTo(429);
        assertThat(attackersForm.body()).contains("请稍候再试", "登录失败次数过多");
    }

    @Test
    void aWrongPasswordMakesTheSameAddressWaitButNotTheOwner() throws Exception {
        // given one wrong password for leader01 from the attacker's neighbour
        assertThat(basic("leader01", "wrong", "203.0.113.8").status()).isEqualTo(401);

        // then that address must wait for leader01, and the owner logs in
        assertThat(basic("leader01", "demo", "203.0.113.8").status()).isEqualTo(429);
        assertThat(basic("leader01", "demo", OWNER).status()).isEqualTo(200);
    }

    @Test
    void aForwardedHostIsCheckedLikeTheHostHeader() throws Exception {
        RawHttp.Response response = RawHttp.send(port, "GET", "/app", List.of("Host: localhost:" + port,
                "X-Forwarded-For: " + OWNER, "X-Forwarded-Host: evil.example", "Accept: text/html"), null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Location")).isEmpty();
    }

    @Test
    void noEndpointChecksOtherAccountsPasswordsPastTheThrottle() throws Exception {
        // when a logged-in user asks the engine's identity API whether another account's password is right
        String credentials = Base64.getEncoder().encodeToString("office01:demo".getBytes(StandardCharsets.UTF_8));
        for (String path : List.of("/engine-rest/identity/verify", "/camunda/api/engine/engine/default/identity/verify")) {
            RawHttp.Response response = RawHttp.send(port, "POST", path, List.of("Host: localhost:" + port,
                    "Authorization: Basic " + credentials, "X-Forwarded-For: " + OWNER, "Content-Type: application/json"),
                    "{\"username\": \"leader01\", \"password\": \"guess\"}");

            // then it is refused without an answer
            assertThat(response.status()).as(path).isEqualTo(403);
            assertThat(response.body()).as(path).doesNotContain("authenticated");
        }
    }

    private RawHttp.Response basic(String user, String password, String client) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return RawHttp.send(port, "GET", "/api/units", List.of("Host: localhost:" + port,
                "Authorization: Basic " + credentials, "X-Forwarded-For: " + client, "Accept: application/json"), null);
    }

    private HttpResponse<String> formLogin(String user, String client) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String page = http.send(HttpRequest.newBuilder(uri("/login")).header("X-Forwarded-For", client).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = FORM_TOKEN.matcher(page);
        assertThat(token.find()).isTrue();
        return http.send(HttpRequest.newBuilder(uri("/login")).header("X-Forwarded-For", client)
                        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo&_csrf="
                                + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
