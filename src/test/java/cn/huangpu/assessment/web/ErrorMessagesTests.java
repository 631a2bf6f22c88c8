package cn.huangpu.assessment.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.support.WebIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What a user reads when an address or a request is wrong: Chinese, also when the framework refused it. */
@WebIntegrationTest
class ErrorMessagesTests {

    @LocalServerPort int port;
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anUnknownAddressIsExplainedInChinese() throws Exception {
        HttpResponse<String> page = send("GET", "/campaigns/2/dashboard", "text/html");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("页面不存在", "没有这个地址：/campaigns/2/dashboard").doesNotContain("No static resource");
    }

    @Test
    void anUnsupportedMethodIsExplainedInChineseToApiClients() throws Exception {
        HttpResponse<String> body = send("DELETE", "/api/campaigns", "application/json");

        assertThat(body.statusCode()).isEqualTo(405);
        assertThat(body.body()).contains("该地址不支持这种请求方式").doesNotContain("not supported");
    }

    @Test
    void theApplicationsOwnReasonsStayAsWritten() throws Exception {
        HttpResponse<String> body = send("GET", "/api/catalogues/1999", "application/json");

        assertThat(body.statusCode()).isEqualTo(404);
        assertThat(body.body()).contains("没有 1999 年度的指标目录");
    }

    private HttpResponse<String> send(String method, String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Basic " + Base64.getEncoder()
                                .encodeToString("office01:demo".getBytes(StandardCharsets.UTF_8)))
                        .header("Accept", accept)
                        .method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
