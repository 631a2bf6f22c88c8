package cn.huangpu.assessment.web;

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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The messages people read name a field as people call it (the catalogue's input label, 完成情况, 考评年度, the
 * form's label), never by the machine name behind it (missingOrStaleItems, completion, selfCheckDue,
 * confirmSubmit); API clients still get the machine name, in {@code errors[].field}, beside the Chinese
 * {@code label} and {@code message}. Each test reads the real answer of one refusal path.
 */
@WebIntegrationTest
class HumanMessagesTests {

    /** A machine name as the code writes them: a lowercase word with a capital inside (selfCheckDue, unitCodes). */
    static final Pattern CAMEL_CASE = Pattern.compile("\\b[a-z]+[A-Z][A-Za-z]*\\b");

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired CampaignStarter starter;
    @Autowired ProcessDriver driver;
    @Autowired TaskService taskService;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aScorePreviewNamesEachInputByItsCatalogueLabel() throws Exception {
        // given facts with a negative count on 1.1, a rate above 1 on 4.1 and a judgement without its reason on 2.3
        String body = """
                {"year": 2023, "facts": {"1.1": {"missingOrStaleItems": -1}, "4.1": {"disclosureRate": 1.5},
                 "2.3": {"interpretationQuality": {"score": 1.5, "reason": ""}}}}""";

        // when the coordinator previews them
        HttpResponse<String> answer = send("office01", "POST", "/api/scoring/preview", body);

        // then each refusal reads with the input's label, and the machine name is only the field clients use
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        JsonNode problem = json.readTree(answer.body());
        List<String> messages = messages(problem);
        assertThat(messages).hasSize(3).allSatisfy(HumanMessagesTests::readsWithoutMachineNames);
        assertThat(problem.get("detail").asText()).satisfies(HumanMessagesTests::readsWithoutMachineNames);
        assertThat(problem.get("errors")).extracting(e -> e.get("field").asText())
                .containsExactlyInAnyOrder("missingOrStaleItems", "disclosureRate", "interpretationQuality");
        JsonNode judgement = error(problem, "interpretationQuality");
        assertThat(judgement.get("label").asText()).startsWith("抽选政策解读内容");
        assertThat(judgement.get("message").asText())
                .isEqualTo("指标 2.3 " + judgement.get("label").asText() + "：评分须写明理由");
    }

    @Test
    void aRefusedCampaignNamesTheDatesAndListsAsTheStartFormDoes() throws Exception {
        // given dates in the past, a deadline order that cannot be and a unit code that does not exist
        String body = """
                {"year": %d, "selfCheckDue": "2001-11-20T15:59:00Z", "comprehensiveDue": "2001-11-01T15:59:00Z",
                 "unitCodes": ["no-such-unit"]}""".formatted(TestUsers.freshYear());

        // when the coordinator opens it through the API
        HttpResponse<String> answer = send("office01", "POST", "/api/campaigns", body);

        // then every reason reads in Chinese with the field's Chinese name
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        JsonNode problem = json.readTree(answer.body());
        assertThat(messages(problem)).isNotEmpty().allSatisfy(HumanMessagesTests::readsWithoutMachineNames)
                .anySatisfy(m -> assertThat(m).startsWith("自查截止时间"))
                .anySatisfy(m -> assertThat(m).contains("参评单位"));
        assertThat(problem.get("detail").asText()).satisfies(HumanMessagesTests::readsWithoutMachineNames);
        assertThat(problem.get("errors")).extracting(e -> e.get("field").asText())
                .contains("selfCheckDue", "comprehensiveDue", "unitCodes");
        assertThat(error(problem, "unitCodes").get("label").asText()).isEqualTo("参评单位");
    }

    @Test
    void anIncompleteSelfCheckIsRefusedWithTheCountAndOneLinePerIndicator() throws Exception {
        // given a unit whose self-check is empty
        Task selfCheck = selfCheckTask();

        // when it submits the task form
        HttpResponse<String> answer = send("wuliqiao01", "POST", "/engine-rest/task/" + selfCheck.getId() + "/submit-form",
                "{\"variables\": {\"confirmSubmit\": {\"value\": true}}}");

        // then the message says how much is missing and lists each indicator once, without the field names
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        String message = json.readTree(answer.body()).get("message").asText();
        readsWithoutMachineNames(message);
        assertThat(message).startsWith("自查尚未填写完整，不能提交。尚有 44 项未填写完整：\n")
                .doesNotContain("completion", "evidenceLinks");
        List<String> lines = message.lines().skip(1).toList();
        assertThat(lines).hasSize(44).doesNotHaveDuplicates()
                .allSatisfy(l -> assertThat(l).matches("指标 [0-9.]+ 未填写完成情况（.+）"));
    }

    @Test
    void aTaskFormValueOfTheWrongTypeNamesTheFieldByTheFormsLabel() throws Exception {
        // given the unit's self-check task
        Task selfCheck = selfCheckTask();

        // when its confirmation is sent as text instead of a tick
        HttpResponse<String> answer = send("wuliqiao01", "POST", "/engine-rest/task/" + selfCheck.getId() + "/submit-form",
                "{\"variables\": {\"confirmSubmit\": {\"value\": \"yes\"}}}");

        // then the refusal names the checkbox as the form labels it
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        String message = json.readTree(answer.body()).get("message").asText();
        readsWithoutMachineNames(message);
        assertThat(message).isEqualTo("“我已逐项填写完毕，确认提交自查”：应为是或否");
    }

    @Test
    void aMessageShowsTheLabelAndNeverTheMachineName() {
        // given errors with and without a label, one whose reason names the field already
        InputError labelled = new InputError("1.1", "evidenceLinks", "证明链接", "最多20条，现有21条");
        InputError named = new InputError("1.1", "completion", "完成情况", "未填写完成情况（机构职能信息）");
        InputError unlabelled = InputError.field("checkId", "该链接检查没有待确认的问题");

        // then people read the label (once) and the reason, clients keep the field
        assertThat(labelled.text()).isEqualTo("指标 1.1 证明链接：最多20条，现有21条");
        assertThat(named.text()).isEqualTo("指标 1.1 未填写完成情况（机构职能信息）");
        assertThat(unlabelled.text()).isEqualTo("该链接检查没有待确认的问题");
        assertThat(BadInputException.describe(List.of(labelled, named, unlabelled)))
                .doesNotContain("evidenceLinks", "completion", "checkId");
        assertThat(List.of(labelled, named, unlabelled)).extracting(InputError::field)
                .containsExactly("evidenceLinks", "completion", "checkId");
    }

    /** No machine name: no camelCase word and no word of ASCII letters but those a reason may quote (http, URLs). */
    static void readsWithoutMachineNames(String message) {
        assertThat(message).as("a message people read").doesNotContainPattern(CAMEL_CASE)
                .doesNotContain("ENGINE-", "Cannot", "null");
    }

    private Task selfCheckTask() {
        CampaignInfo campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("wuliqiao"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER);
        driver.runJobs();
        return ProcessLookup.unitTasks(taskService, campaign.id(), "wuliqiao")
                .taskDefinitionKey(UnitAssessmentProcess.SUBMIT_SELF_CHECK).singleResult();
    }

    private static List<String> messages(JsonNode problem) {
        List<String> messages = new ArrayList<>();
        problem.get("errors").forEach(e -> messages.add(e.get("message").asText()));
        return messages;
    }

    private static JsonNode error(JsonNode problem, String field) {
        for (JsonNode e : problem.get("errors")) {
            if (field.equals(e.get("field").asText())) {
                return e;
            }
        }
        throw new AssertionError("no error on " + field + " in " + problem);
    }

    private HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Basic " + Base64.getEncoder()
                                .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/json").header("Accept", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
