package cn.huangpu.assessment.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.support.AtOnce;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.support.WebIntegrationTest;
import cn.huangpu.assessment.support.WebSession;
import cn.huangpu.assessment.workflow.UnitFeedbackProcess;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A unit's staff attacking the feedback window: another unit's task through the engine REST API and the webapps'
 * engine API, every variable type on its own task, uploads with hostile names and declared types, the same request
 * sent at once several times, and requests after the window closed. Each is refused with a 4xx and the reason in
 * Chinese, and nothing is half saved.
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedbackAttackTests {

    @LocalServerPort int port;
    @Autowired CampaignStarter starter;
    @Autowired CampaignBots bots;
    @Autowired ProcessDriver driver;
    @Autowired FeedbackService feedback;
    @Autowired TaskService taskService;
    @Autowired JdbcTemplate jdbc;
    final HttpClient http = HttpClient.newHttpClient();

    Long id;

    @BeforeAll
    void windowOpenForThreeUnits() {
        // a campaign of 外滩街道, 小东门街道, 豫园街道 and 区财政局 in an open feedback window of five calendar days
        Random random = new Random(88);
        List<String> units = List.of("waitan", "xiaodongmen", "yuyuan", "czj");
        id = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null, units,
                List.of("FINANCE")), CampaignBots.COORDINATOR_USER).id();
        driver.runJobs();
        for (String unit : units) {
            bots.fillSelfCheck(id, unit, random);
            bots.submitSelfCheck(id, unit);
            driver.runJobs();
            bots.verify(id, unit, random);
        }
        bots.deliver(id, "FINANCE", random);
        driver.runJobs();
        feedback.setRules(id, 5, "CALENDAR_DAYS", true, false, CampaignBots.COORDINATOR_USER);
        bots.evaluateComprehensively(id, random);
        driver.runJobs();
    }

    @AfterEach
    void realClock() {
        ClockUtil.reset();
    }

    @Test
    void anotherUnitsConfirmTaskCannotBeWorkedOnAnyEngineRoute() throws Exception {
        // given 小东门街道's 确认评估结果 task, 外滩街道's staff and the finance evaluator (eval-finance)
        String victim = confirmTask("xiaodongmen");
        String answer = "{\"variables\": {\"feedbackAnswer\": {\"value\": \"NO_OBJECTION\"}}}";

        // when each completes, submits, resolves, claims, assigns and writes variables of it on both engine APIs
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (String user : List.of("waitan01", "eval-finance")) {
            for (String base : List.of("/engine-rest", "/camunda/api/engine/engine/default")) {
                for (String call : List.of("complete", "submit-form", "resolve")) {
                    answers.add(engine(user, base, "POST", "/task/" + victim + "/" + call, answer));
                }
                answers.add(engine(user, base, "POST", "/task/" + victim + "/claim", "{\"userId\": \"" + user + "\"}"));
                answers.add(engine(user, base, "POST", "/task/" + victim + "/assignee", "{\"userId\": \"" + user + "\"}"));
                answers.add(engine(user, base, "POST", "/task/" + victim + "/identity-links",
                        "{\"groupId\": \"unit-waitan\", \"type\": \"candidate\"}"));
                answers.add(engine(user, base, "PUT", "/task/" + victim + "/variables/feedbackAnswer",
                        "{\"value\": \"NO_OBJECTION\"}"));
                answers.add(engine(user, base, "PUT", "/task/" + victim + "/localVariables/feedbackAnswer",
                        "{\"value\": \"NO_OBJECTION\"}"));
                answers.add(engine(user, base, "POST", "/task/" + victim + "/variables",
                        "{\"modifications\": {\"feedbackAnswer\": {\"value\": \"NO_OBJECTION\"}}}"));
                answers.add(engine(user, base, "GET", "/task/" + victim + "/form-variables", null));
            }
        }

        // then each is refused (not found or forbidden), none is a server error, and the task is untouched
        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).as(r.request().method() + " " + r.uri() + " "
                + r.body()).isBetween(401, 499));
        assertThat(taskService.createTaskQuery().taskId(victim).singleResult().getAssignee()).isNull();
        assertThat(taskService.getVariable(victim, UnitFeedbackProcess.ANSWER_FIELD)).isNull();
        assertThat(taskService.getIdentityLinksForTask(victim)).extracting(IdentityLink::getGroupId)
                .containsExactly("unit-xiaodongmen");
        assertThat(answer("xiaodongmen")).isEqualTo(UnitAnswer.Status.PENDING);
        // and a completion of a task that does not exist (or was completed) is not found, with the reason
        HttpResponse<String> unknown = engine("waitan01", "/engine-rest", "POST", "/task/no-such-task/complete", answer);
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
        assertThat(unknown.body()).contains("不存在或已办理完成");
    }

    @Test
    void everyVariableTypeOnTheOwnConfirmTaskIsRefusedWithTheReasonInChinese() throws Exception {
        // given 外滩街道's own 确认评估结果 task
        String own = confirmTask("waitan");
        String base64 = Base64.getEncoder().encodeToString("NO_OBJECTION".getBytes(StandardCharsets.UTF_8));

        // when it completes it with the answer typed as every variable type the REST API knows, or non-finite
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("Json", "{\"value\": \"\\\"NO_OBJECTION\\\"\", \"type\": \"Json\"}");
        typed.put("Xml", "{\"value\": \"<a>NO_OBJECTION</a>\", \"type\": \"Xml\"}");
        typed.put("Object java", "{\"value\": \"rO0ABXQADE5PX09CSkVDVElPTg==\", \"type\": \"Object\", \"valueInfo\": "
                + "{\"objectTypeName\": \"java.lang.String\", \"serializationDataFormat\": \"application/x-java-serialized-object\"}}");
        typed.put("Object json", "{\"value\": \"\\\"NO_OBJECTION\\\"\", \"type\": \"Object\", \"valueInfo\": "
                + "{\"objectTypeName\": \"java.lang.String\", \"serializationDataFormat\": \"application/json\"}}");
        typed.put("Bytes", "{\"value\": \"" + base64 + "\", \"type\": \"Bytes\"}");
        typed.put("File", "{\"value\": \"" + base64 + "\", \"type\": \"File\", \"valueInfo\": {\"filename\": \"../a.txt\"}}");
        typed.put("Double NaN", "{\"value\": \"NaN\", \"type\": \"Double\"}");
        typed.put("Double Infinity", "{\"value\": \"Infinity\", \"type\": \"Double\"}");
        typed.put("Long huge", "{\"value\": 1e400, \"type\": \"Long\"}");
        typed.put("Integer", "{\"value\": -1, \"type\": \"Integer\"}");
        typed.put("Boolean", "{\"value\": true, \"type\": \"Boolean\"}");
        typed.put("Date", "{\"value\": \"2023-01-01T00:00:00.000+0800\", \"type\": \"Date\"}");
        typed.put("Null", "{\"value\": null, \"type\": \"Null\"}");
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        for (String base : List.of("/engine-rest", "/camunda/api/engine/engine/default")) {
            for (var type : typed.entrySet()) {
                for (String call : List.of("complete", "submit-form")) {
                    answers.put(base + " " + call + " " + type.getKey(), engine("waitan01", base, "POST", "/task/" + own + "/"
                            + call, "{\"variables\": {\"feedbackAnswer\": " + type.getValue() + "}}"));
                }
            }
        }

        // then each is a 400 with the reason in Chinese, and the task stays open with the answer pending
        assertThat(answers).allSatisfy((what, r) -> {
            assertThat(r.statusCode()).as(what + " " + r.body()).isEqualTo(400);
            assertThat(r.body()).as(what).containsPattern("[\\u4e00-\\u9fa5]");
        });
        assertThat(taskService.createTaskQuery().taskId(own).count()).isOne();
        assertThat(answer("waitan")).isEqualTo(UnitAnswer.Status.PENDING);
    }

    @Test
    void filesNamingPathsOrDeclaringOverlongTypesAreSavedAsPlainData() throws Exception {
        // given 外滩街道's feedback page
        WebSession waitan = WebSession.login(port, "waitan01");
        String page = FeedbackService.page(id, "waitan");

        // when it saves an objection whose files name paths and declare types longer than the column that keeps them
        HttpResponse<String> saved = multipart(waitan, page + "/objections", Map.of("indicatorCode", "1.2",
                        "reason", "链接当时可以打开"),
                List.of(new Part("../../etc/passwd.pdf", "application/pdf; x=\"" + "a".repeat(400) + "\"",
                        "%PDF-1.4".getBytes(StandardCharsets.US_ASCII)),
                        new Part("..\\..\\证明材料.pdf", "x/" + "y".repeat(300), "%PDF-1.4".getBytes(StandardCharsets.US_ASCII))));

        // then the objection and both files are saved (not a 500), each type as what it parses to, at most
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        Objection objection = feedback.objections(id, "waitan").stream().filter(o -> o.indicatorCode().equals("1.2"))
                .findFirst().orElseThrow();
        assertThat(objection.files()).extracting(Objection.File::fileName)
                .containsExactlyInAnyOrder("../../etc/passwd.pdf", "..\\..\\证明材料.pdf");
        assertThat(jdbc.queryForList("select content_type from feedback_objection_file where objection_id = ?",
                String.class, objection.id())).containsExactlyInAnyOrder("application/pdf", "application/octet-stream");
        // and each download is a plain octet stream, its name only in the attachment header
        for (Objection.File file : objection.files()) {
            HttpResponse<byte[]> download = waitan.getBytes(page + "/objections/" + objection.id() + "/files/" + file.id());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/octet-stream");
            assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
        }
    }

    @Test
    void controlCharactersInAFileNameOrTheReasonAreRefusedNamingTheFieldAndNothingIsSaved() throws Exception {
        // given 外滩街道's feedback page
        WebSession waitan = WebSession.login(port, "waitan01");
        String page = FeedbackService.page(id, "waitan");

        // when it saves objections whose file name or reason carries a control character (NUL cannot be stored)
        HttpResponse<String> badName = multipart(waitan, page + "/objections", Map.of("indicatorCode", "2.2",
                "reason", "链接当时可以打开"), List.of(new Part("证明\u0007材料.pdf", "application/pdf",
                "%PDF-1.4".getBytes(StandardCharsets.US_ASCII))));
        HttpResponse<String> badReason = waitan.post(page + "/objections", Map.of("indicatorCode", "2.2",
                "reason", "链接当时\u0000可以打开"));

        // then each is a 400 naming the field and the reason, and no objection on 2.2 is saved
        assertThat(badName.statusCode()).as(badName.body()).isEqualTo(400);
        assertThat(badName.body()).contains("附件").contains("文件名含有控制字符");
        assertThat(badReason.statusCode()).as(badReason.body()).isEqualTo(400);
        assertThat(badReason.body()).contains("复核理由含有控制字符");
        assertThat(feedback.objections(id, "waitan")).noneMatch(o -> o.indicatorCode().equals("2.2"));
    }

    @Test
    void theSameFirstObjectionSentAtOnceIsSavedOnceAndTheOthersRefusedWithTheReason() throws Exception {
        // given 豫园街道's feedback page without an objection on 1.4
        WebSession yuyuan = WebSession.login(port, "yuyuan01");
        String page = FeedbackService.page(id, "yuyuan");

        // when its staff save the same first objection on 1.4 eight times at the same instant
        List<HttpResponse<String>> answers = AtOnce.run(8, () -> yuyuan.post(page + "/objections",
                Map.of("indicatorCode", "1.4", "reason", "我单位已按要求公开")));

        // then exactly one is saved (a redirect) and the others are refused with 400 naming the indicator's field
        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(302, 400).containsOnlyOnce(302);
        assertThat(answers).filteredOn(r -> r.statusCode() == 400)
                .allSatisfy(r -> assertThat(r.body()).contains("该指标已有复核申请"));
        assertThat(feedback.objections(id, "yuyuan")).filteredOn(o -> o.indicatorCode().equals("1.4")).hasSize(1);
    }

    @Test
    void theSameClaimChangeRequestSentAtOnceIsFiledOnceAndTheOthersRefusedWithTheReason() throws Exception {
        // given 小东门街道, which submitted its self-check, on its 不涉及 change page
        WebSession xdm = WebSession.login(port, "xiaodongmen01");

        // when its staff file the same change request on 1.3 eight times at the same instant
        List<HttpResponse<String>> answers = AtOnce.run(8, () -> xdm.post("/app/claim-changes/" + id + "/xiaodongmen",
                Map.of("indicatorCode", "1.3", "reason", "本年度我单位未涉及该项工作")));

        // then one request is filed (a redirect), the others are refused with 400 and the reason
        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(302, 400).containsOnlyOnce(302);
        assertThat(answers).filteredOn(r -> r.statusCode() == 400)
                .allSatisfy(r -> assertThat(r.body()).contains("已有待区政府办公室办理的更改申请"));
        assertThat(jdbc.queryForObject("select count(*) from claim_change_request where campaign_id = ? and unit_code = ?"
                + " and indicator_code = '1.3'", Long.class, id, "xiaodongmen")).isOne();
    }

    @Test
    void theSameConfirmationSentAtOnceIsRecordedOnceAndTheOthersRefused() throws Exception {
        // given 区财政局's 确认评估结果 task
        String own = confirmTask("czj");
        // when its staff complete it with 无异议 six times at the same instant, on both engine APIs
        List<String> bases = List.of("/engine-rest", "/camunda/api/engine/engine/default");
        List<HttpResponse<String>> answers = AtOnce.run(6, new Callable<>() {
            int next;

            @Override
            public HttpResponse<String> call() throws Exception {
                String base;
                synchronized (this) {
                    base = bases.get(next++ % 2);
                }
                return engine("czj01", base, "POST", "/task/" + own + "/complete",
                        "{\"variables\": {\"feedbackAnswer\": {\"value\": \"NO_OBJECTION\"}}}");
            }
        });

        // then one completes it; the others find it done (404 with the reason), none is a server error
        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(204, 404).containsOnlyOnce(204);
        assertThat(answers).filteredOn(r -> r.statusCode() == 404)
                .allSatisfy(r -> assertThat(r.body()).contains("不存在或已办理完成"));
        assertThat(answer("czj")).isEqualTo(UnitAnswer.Status.NO_OBJECTION);
    }

    @Test
    void afterTheWindowClosedNothingIsSavedAndTheReasonIsGiven() throws Exception {
        // given 小东门街道's draft objection on 1.1, and the window's deadline passed (the engine's clock moved)
        WebSession xdm = WebSession.login(port, "xiaodongmen01");
        String page = FeedbackService.page(id, "xiaodongmen");
        assertThat(xdm.post(page + "/objections", Map.of("indicatorCode", "1.1", "reason", "链接可以打开")).statusCode())
                .isEqualTo(302);
        long draft = feedback.objections(id, "xiaodongmen").get(0).id();
        FeedbackWindow window = feedback.current(id).orElseThrow();
        ClockUtil.setCurrentTime(Date.from(window.due().plusSeconds(60)));

        // when it saves another objection, changes the draft, deletes it, and answers on the engine API
        HttpResponse<String> another = xdm.post(page + "/objections", Map.of("indicatorCode", "1.3", "reason", "已公开"));
        HttpResponse<String> changed = xdm.post(page + "/objections", Map.of("id", String.valueOf(draft),
                "indicatorCode", "1.1", "reason", "改了理由"));
        HttpResponse<String> deleted = xdm.post(page + "/objections/" + draft + "/delete", Map.of());
        HttpResponse<String> confirmed = engine("xiaodongmen01", "/engine-rest", "POST", "/task/" + confirmTask("xiaodongmen")
                + "/complete", "{\"variables\": {\"feedbackAnswer\": {\"value\": \"OBJECT\"}}}");

        // then each is a 400 saying the window closed, and the draft is as it was
        for (HttpResponse<String> r : List.of(another, changed, deleted, confirmed)) {
            assertThat(r.statusCode()).as(r.uri() + " " + r.body()).isEqualTo(400);
            assertThat(r.body()).contains("截止");
        }
        assertThat(feedback.objections(id, "xiaodongmen")).singleElement().satisfies(o -> {
            assertThat(o.reason()).isEqualTo("链接可以打开");
            assertThat(o.status()).isEqualTo(Objection.Status.DRAFT);
        });
    }

    @Test
    void beforeAWindowOpenedAnObjectionIsRefusedWithTheReason() throws Exception {
        // given a campaign still in its self-checks
        Long early = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER).id();
        driver.runJobs();
        WebSession waitan = WebSession.login(port, "waitan01");

        // when 外滩街道's staff save an objection
        HttpResponse<String> saved = waitan.post(FeedbackService.page(early, "waitan") + "/objections",
                Map.of("indicatorCode", "1.1", "reason", "链接可以打开"));

        // then it is a 400 saying no window is open, and nothing is saved
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(400);
        assertThat(saved.body()).contains("尚未开放意见反馈");
        assertThat(feedback.objections(early, "waitan")).isEmpty();
    }

    @Test
    void aSelfCheckFileDeclaringAnOverlongTypeIsSavedAsAnOctetStream() throws Exception {
        // given a campaign in its self-checks (the self-check keeps a file's type in 128 characters)
        Long early = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER).id();
        driver.runJobs();
        WebSession waitan = WebSession.login(port, "waitan01");

        // when 外滩街道's staff upload evidence whose part declares a type of 200 characters
        HttpResponse<String> uploaded = multipart(waitan, "/app/self-check/" + early + "/waitan/files",
                Map.of("indicatorCode", "1.1"), List.of(new Part("证明.pdf", "application/" + "x".repeat(190),
                        "%PDF-1.4".getBytes(StandardCharsets.US_ASCII))));

        // then it is saved (not a 500), as an octet stream
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
        assertThat(jdbc.queryForList("select content_type from evidence_file where campaign_id = ?", String.class, early))
                .containsExactly("application/octet-stream");
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefusedAndSavesNothing() throws Exception {
        // given 外滩街道's staff logged in
        WebSession waitan = WebSession.login(port, "waitan01");

        // when a form posts an objection in their session without the page's token
        HttpResponse<String> forged = waitan.send(waitan.request(FeedbackService.page(id, "waitan") + "/objections")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("indicatorCode=2.1&reason="
                        + URLEncoder.encode("伪造的申请", StandardCharsets.UTF_8))).build());

        // then it is forbidden and nothing is saved
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(feedback.objections(id, "waitan")).noneMatch(o -> o.indicatorCode().equals("2.1"));
    }

    // ---- helpers

    private String confirmTask(String unit) {
        return UnitFeedbackProcess.tasks(taskService, id, unit).taskDefinitionKey(UnitFeedbackProcess.CONFIRM_RESULTS)
                .singleResult().getId();
    }

    private UnitAnswer.Status answer(String unit) {
        return feedback.answer(id, unit).orElseThrow().status();
    }

    private final Map<String, WebSession> sessions = new java.util.concurrent.ConcurrentHashMap<>();

    /** A call on the engine REST API (HTTP Basic) or the webapps' engine API (a logged-in session, its XSRF token). */
    private HttpResponse<String> engine(String user, String base, String method, String path, String json)
            throws Exception {
        HttpRequest.BodyPublisher body = json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json);
        if (base.startsWith("/engine-rest")) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + base + path))
                    .header("Content-Type", "application/json").header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                    .method(method, body);
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        WebSession session = sessions.get(user);
        if (session == null) {
            session = WebSession.login(port, user);
            sessions.put(user, session);
        }
        return session.send(session.engineApi(base + path).header("Content-Type", "application/json")
                .method(method, body).build());
    }

    private record Part(String fileName, String contentType, byte[] content) {
    }

    private static HttpResponse<String> multipart(WebSession session, String path, Map<String, String> fields,
                                                  List<Part> files) throws Exception {
        String boundary = "----" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (var field : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        for (Part file : files) {
            // the name as a browser escapes it in the part's header: quotes, CR and LF percent-encoded
            String name = file.fileName().replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                    + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String token = csrf(session);
        return session.send(session.request(path + "?_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    private static String csrf(WebSession session) throws Exception {
        var matcher = java.util.regex.Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"")
                .matcher(session.get("/app").body());
        if (!matcher.find()) {
            throw new IllegalStateException("no CSRF token");
        }
        return matcher.group(1);
    }

}
