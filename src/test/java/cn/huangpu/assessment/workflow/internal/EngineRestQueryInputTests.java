package cn.huangpu.assessment.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.huangpu.assessment.support.EngineRest;
import cn.huangpu.assessment.support.WebIntegrationTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Query input the engine's REST API took to a 500: a negative page (the database's LIMIT), a parameter its
 * resources cannot bind, a sorting whose value type the engine does not know. Each is a 400 with a Chinese reason;
 * the paging rule holds in the engine, for every route.
 */
@WebIntegrationTest
class EngineRestQueryInputTests {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired IdentityService identityService;


    @ParameterizedTest
    @ValueSource(strings = {"/engine-rest/task", "/engine-rest/group", "/engine-rest/user", "/engine-rest/process-instance",
            "/engine-rest/history/task", "/engine-rest/history/process-instance", "/engine-rest/filter"})
    void aNegativePageIsRefusedWith400(String list) throws Exception {
        for (String page : new String[] {"?maxResults=-7", "?firstResult=-1&maxResults=5"}) {
            HttpResponse<String> answer = get("waitan01", list + page);

            assertThat(answer.statusCode()).as(list + page + " " + answer.body()).isEqualTo(400);
            assertThat(JSON.readTree(answer.body()).get("message").asText()).startsWith("分页参数有误");
        }
    }

    @Test
    void theEngineRefusesANegativePageOnEveryRoute() {
        assertThatThrownBy(() -> taskService.createTaskQuery().listPage(0, -1))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("maxResults");
        assertThatThrownBy(() -> historyService.createHistoricProcessInstanceQuery().listPage(-3, 10))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("firstResult");
        assertThatThrownBy(() -> identityService.createGroupQuery().listPage(0, -1))
                .isInstanceOf(BadUserRequestException.class);
        assertThat(taskService.createTaskQuery().listPage(0, 0)).isEmpty();
    }

    @Test
    void aParameterTheResourceCannotBindIsA400() throws Exception {
        HttpResponse<String> answer = get("waitan01", "/engine-rest/task?orQueries=x");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(JSON.readTree(answer.body()).get("message").asText()).isEqualTo("请求参数的格式不对，请检查查询条件");
    }

    @Test
    void aSortingByAVariableOfAnUnknownTypeIsA400() throws Exception {
        HttpResponse<String> answer = post("waitan01", "/engine-rest/task", """
                {"sorting": [{"sortBy": "processVariable", "sortOrder": "asc",
                 "parameters": {"variable": "campaignId", "type": "Bogus"}}]}""");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(JSON.readTree(answer.body()).get("message").asText()).startsWith("请求缺少必需的值或含有无法识别的类型");
    }

    private HttpResponse<String> get(String user, String path) throws Exception {
        return EngineRest.as(port, user).get(path);
    }

    private HttpResponse<String> post(String user, String path, String body) throws Exception {
        return EngineRest.as(port, user).post(path, body);
    }
}
