package cn.huangpu.assessment.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.support.WebIntegrationTest;
import cn.huangpu.assessment.workflow.UnitFeedbackProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The feedback window's tasks completed through the engine REST API are checked as on the pages: 申请复核 needs an
 * objection saved on the page, 无异议 none; 复核异议 needs every objection ruled; a completion carries only its form's
 * field, so the routing variable {@code feedbackObjected} cannot be sent; every refusal is a 400 with the reason in
 * Chinese, and the task stays open.
 */
@WebIntegrationTest
class FeedbackCompletionTests {

    @LocalServerPort int port;
    @Autowired CampaignStarter starter;
    @Autowired CampaignBots bots;
    @Autowired ProcessDriver driver;
    @Autowired FeedbackService feedback;
    @Autowired TaskService taskService;
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theRestApiRefusesWhatThePagesRefuseWithTheReasonInChinese() throws Exception {
        // given 外滩街道 in an open window, with nothing saved on its feedback page
        Random random = new Random(81);
        Long id = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null, List.of("waitan"),
                List.of("FINANCE")), CampaignBots.COORDINATOR_USER).id();
        driver.runJobs();
        bots.fillSelfCheck(id, "waitan", random);
        bots.submitSelfCheck(id, "waitan");
        driver.runJobs();
        bots.verify(id, "waitan", random);
        bots.deliver(id, "FINANCE", random);
        driver.runJobs();
        feedback.setRules(id, 5, "CALENDAR_DAYS", true, false, CampaignBots.COORDINATOR_USER);
        bots.evaluateComprehensively(id, random);
        driver.runJobs();
        String confirm = task(id, UnitFeedbackProcess.CONFIRM_RESULTS);

        // when it answers 申请复核 without an objection, or sends the routing variable itself
        HttpResponse<String> objectWithout = complete("waitan01", confirm, "{\"feedbackAnswer\": {\"value\": \"OBJECT\"}}");
        HttpResponse<String> routing = complete("waitan01", confirm,
                "{\"feedbackAnswer\": {\"value\": \"NO_OBJECTION\"}, \"feedbackObjected\": {\"value\": true}}");
        HttpResponse<String> unknownAnswer = complete("waitan01", confirm, "{\"feedbackAnswer\": {\"value\": \"MAYBE\"}}");

        // then each is refused with 400 and the reason, and the task stays open
        assertThat(objectWithout.statusCode()).as(objectWithout.body()).isEqualTo(400);
        assertThat(objectWithout.body()).contains("申请复核须先在意见反馈页面填写至少一项复核申请").doesNotContain("ENGINE-");
        assertThat(routing.statusCode()).as(routing.body()).isEqualTo(400);
        assertThat(routing.body()).contains("feedbackObjected").contains("表单以外");
        assertThat(unknownAnswer.statusCode()).as(unknownAnswer.body()).isEqualTo(400);
        assertThat(unknownAnswer.body()).contains("反馈意见").contains("不是可选的值");
        assertThat(taskService.createTaskQuery().taskId(confirm).count()).isOne();

        // and once an objection is saved, 无异议 is refused and 申请复核 goes through
        feedback.saveObjection(id, "waitan", new FeedbackService.ObjectionDraft(null, "1.1", "链接当时可以打开", null, null),
                List.of(), "waitan01");
        HttpResponse<String> noObjection = complete("waitan01", confirm, "{\"feedbackAnswer\": {\"value\": \"NO_OBJECTION\"}}");
        assertThat(noObjection.statusCode()).as(noObjection.body()).isEqualTo(400);
        assertThat(noObjection.body()).contains("已填写1项复核申请");
        assertThat(complete("waitan01", confirm, "{\"feedbackAnswer\": {\"value\": \"OBJECT\"}}").statusCode()).isEqualTo(204);
        driver.runJobs();

        // and the office's 复核异议 is refused over REST while the objection is not ruled
        String review = task(id, UnitFeedbackProcess.REVIEW_OBJECTIONS);
        HttpResponse<String> unruled = complete("office01", review, "{\"confirmReview\": {\"value\": true}}");
        assertThat(unruled.statusCode()).as(unruled.body()).isEqualTo(400);
        assertThat(unruled.body()).contains("尚有1项异议未复核").contains("1.1");
        assertThat(taskService.createTaskQuery().taskId(review).count()).isOne();
    }

    private String task(Long id, String key) {
        return UnitFeedbackProcess.tasks(taskService, id, "waitan").taskDefinitionKey(key).singleResult().getId();
    }

    private HttpResponse<String> complete(String user, String taskId, String variables) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/task/" + taskId
                        + "/complete"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
                        .getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("{\"variables\": " + variables + "}")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
