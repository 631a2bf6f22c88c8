package cn.huangpu.assessment.workflow.internal;

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

@WebIntegrationTest
class SharedRestObjectMapperTests {

    @LocalServerPort int port;

    @Test
    void theEngineRestApiReadsAndWritesJsonWithTheSharedMapper() throws Exception {
        long before = SharedRestObjectMapper.Resolver.served();

        // A query in the body: the resource reads it with the mapper it asks the resolvers for
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/engine-rest/task?maxResults=5"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("office01:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"candidateGroup\": \"coordinator\", \"sorting\": "
                        + "[{\"sortBy\": \"created\", \"sortOrder\": \"desc\"}]}")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("[");
        // Camunda's own resolver would have built a new mapper instead; this one was asked
        assertThat(SharedRestObjectMapper.Resolver.served()).isGreaterThan(before);
    }
}
