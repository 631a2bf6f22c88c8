package cn.huangpu.assessment.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.rectification.RectificationScenario.PlannedFinding;
import cn.huangpu.assessment.rectification.RectificationScenario.PlannedValue;
import cn.huangpu.assessment.support.AtOnce;
import cn.huangpu.assessment.support.WebIntegrationTest;
import cn.huangpu.assessment.support.WebSession;
import cn.huangpu.assessment.verification.FindingKind;
import cn.huangpu.assessment.workflow.RectificationProcess;
import com.fasterxml.jackson.databind.node.BooleanNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A unit's staff attacking its rectification: another unit's items, files and task, hostile uploads, bad fields and
 * the same report sent at once several times. Each is refused with a 4xx and the reason in Chinese, or saved as
 * plain data; none is a 500, and nothing is half saved.
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RectificationAttackTests {

    /** A Monday in a year whose working days are entered. */
    static final Instant PUBLICATION = Instant.parse("2026-03-02T01:00:00Z");

    @LocalServerPort int port;
    @Autowired RectificationScenario scenario;
    @Autowired RectificationService rectification;
    @Autowired TaskService taskService;
    @Autowired JdbcTemplate jdbc;
    final HttpClient http = HttpClient.newHttpClient();

    Long id;
    Long waitanItem;
    Long waitanPlanItem;
    Long czjItem;
    Long czjFile;

    @BeforeAll
    void published() {
        // 外滩街道 lost points on 1.1 (a broken link) and 1.5 (no work plan); 区财政局 on 1.6, with a file reported
        ClockUtil.setCurrentTime(Date.from(PUBLICATION));
        id = scenario.published(List.of("waitan", "czj"), List.of(
                new PlannedFinding("waitan", "1.1", "missingOrStaleItems", FindingKind.BROKEN_LINK, "机构职能页面打不开",
                        "https://www.shhuangpu.gov.cn/zw/waitan/jgzn"),
                new PlannedFinding("czj", "1.6", "missingStaleOrBrokenItems", FindingKind.STALE, "预算公开未更新", null)),
                List.of(new PlannedValue("waitan", "1.5", "workPlanMissing", BooleanNode.TRUE))).id();
        waitanItem = rectification.items(id, "waitan").get(0).id();
        waitanPlanItem = rectification.items(id, "waitan").get(1).id();
        czjItem = rectification.items(id, "czj").get(0).id();
        czjFile = rectification.attach(id, "czj", czjItem, "整改.pdf", "application/pdf",
                "%PDF-1.4".getBytes(StandardCharsets.US_ASCII), "czj01").id();
    }

    @AfterAll
    void realClock() {
        ClockUtil.reset();
    }

    @Test
    void anotherUnitsItemsFilesAndTaskAnswerAsIfTheyDidNotExist() throws Exception {
        // given 外滩街道's staff
        WebSession waitan = WebSession.login(port, "waitan01");
        String own = "/app/rectification/" + id + "/waitan";
        String other = "/app/rectification/" + id + "/czj";
        Map<String, String> report = Map.of("kind", "FIXED", "note", "已修复", "link", "https://www.shhuangpu.gov.cn/a");

        // when they report on and upload to 区财政局's item, by its own path and by theirs, and fetch its file
        List<HttpResponse<String>> answers = List.of(
                waitan.post(other + "/items/" + czjItem + "/report", report),
                waitan.post(own + "/items/" + czjItem + "/report", report),
                waitan.upload(other + "/items/" + czjItem + "/files", Map.of(), "a.pdf", "%PDF".getBytes(StandardCharsets.US_ASCII)),
                waitan.upload(own + "/items/" + czjItem + "/files", Map.of(), "a.pdf", "%PDF".getBytes(StandardCharsets.US_ASCII)),
                waitan.get(other + "/files/" + czjFile),
                waitan.get(own + "/files/" + czjFile));

        // then each answers 404 as for an unknown id, and 区财政局's item is untouched
        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).as(r.uri().toString()).isEqualTo(404));
        RectificationItem item = rectification.items(id, "czj").get(0);
        assertThat(item.reportKind()).isNull();
        assertThat(rectification.files(List.of(item)).get(czjItem)).hasSize(1);

        // and 区财政局's 落实整改 task cannot be completed, claimed or written on either engine API
        String task = RectificationProcess.tasks(taskService, id, "czj").singleResult().getId();
        String confirm = "{\"variables\": {\"confirmRectified\": {\"value\": true}}}";
        List<HttpResponse<String>> engine = new ArrayList<>();
        for (String base : List.of("/engine-rest", "/camunda/api/engine/engine/default")) {
            engine.add(engine(waitan, base, "POST", "/task/" + task + "/complete", confirm));
            engine.add(engine(waitan, base, "POST", "/task/" + task + "/submit-form", confirm));
            engine.add(engine(waitan, base, "POST", "/task/" + task + "/claim", "{\"userId\": \"waitan01\"}"));
            engine.add(engine(waitan, base, "PUT", "/task/" + task + "/variables/confirmRectified", "{\"value\": true}"));
        }
        assertThat(engine).allSatisfy(r -> assertThat(r.statusCode()).as(r.uri() + " " + r.body()).isBetween(401, 499));
        assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
    }

    @Test
    void theOwnTaskTakesOnlyATickedBoxAndAnswersEveryOtherTypeWith400InChinese() throws Exception {
        // given 外滩街道's own 落实整改 task with nothing reported
        WebSession waitan = WebSession.login(port, "waitan01");
        String task = RectificationProcess.tasks(taskService, id, "waitan").singleResult().getId();
        String bytes = Base64.getEncoder().encodeToString("true".getBytes(StandardCharsets.UTF_8));

        // when they complete it with the box as text, a number, bytes, a file, a serialized object, unticked, or ticked
        List<String> values = List.of("{\"value\": \"true\"}", "{\"value\": 1, \"type\": \"Integer\"}",
                "{\"value\": \"NaN\", \"type\": \"Double\"}",
                "{\"value\": \"" + bytes + "\", \"type\": \"Bytes\"}",
                "{\"value\": \"" + bytes + "\", \"type\": \"File\", \"valueInfo\": {\"filename\": \"../../x.pdf\"}}",
                "{\"value\": \"rO0ABXNyABFqYXZhLmxhbmcuQm9vbGVhbs0gcoDVnPruAgABWgAFdmFsdWV4cAE=\", \"type\": \"Object\","
                        + " \"valueInfo\": {\"objectTypeName\": \"java.lang.Boolean\", \"serializationDataFormat\":"
                        + " \"application/x-java-serialized-object\"}}",
                "{\"value\": \"true\", \"type\": \"Json\"}",
                "{\"value\": false}", "{\"value\": true}");
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (String value : values) {
            answers.add(engine(waitan, "/engine-rest", "POST", "/task/" + task + "/complete",
                    "{\"variables\": {\"confirmRectified\": " + value + "}}"));
        }

        // then each is refused with 400 and a reason in Chinese (the last because nothing is reported yet)
        assertThat(answers).allSatisfy(r -> {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            assertThat(r.body()).containsPattern("[\\u4e00-\\u9fa5]");
        });
        assertThat(answers.get(answers.size() - 1).body()).contains("尚未报告整改情况");
        assertThat(taskService.createTaskQuery().taskId(task).count()).isOne();
    }

    @Test
    void badReportFieldsAreRefusedNamingTheFieldAndSaveNothing() throws Exception {
        // given 外滩街道's open item on 1.1
        WebSession waitan = WebSession.login(port, "waitan01");
        String path = "/app/rectification/" + id + "/waitan/items/" + waitanItem + "/report";
        RectificationItem before = rectification.items(id, "waitan").get(0);

        // when they report with an unreadable version, an overlong note, a script link, and an unknown kind
        HttpResponse<String> version = waitan.post(path, Map.of("kind", "FIXED", "note", "已修复", "version", "1e400"));
        HttpResponse<String> note = waitan.post(path, Map.of("kind", "FIXED", "note", "改".repeat(2001)));
        HttpResponse<String> link = waitan.post(path, Map.of("kind", "FIXED", "note", "已修复", "link", "javascript:alert(1)"));
        HttpResponse<String> kind = waitan.post(path, Map.of("kind", "DONE", "note", "已修复"));

        // then each is a 400 naming the field, and nothing is reported
        assertThat(version.statusCode()).isEqualTo(400);
        assertThat(version.body()).contains("version");
        assertThat(note.statusCode()).isEqualTo(400);
        assertThat(note.body()).contains("整改说明").contains("不能超过2000个字");
        assertThat(link.statusCode()).isEqualTo(400);
        assertThat(link.body()).contains("证明链接").contains("http://");
        assertThat(kind.statusCode()).isEqualTo(400);
        assertThat(kind.body()).contains("整改情况");
        assertThat(rectification.items(id, "waitan").get(0)).isEqualTo(before);
    }

    @Test
    void anIndicatorCodeOfAHundredThousandCharactersIsRefusedQuotedCutAndAddsNothing() throws Exception {
        // given the coordinator, and 外滩街道's items so far
        WebSession office = WebSession.login(port, "office01");
        int before = rectification.items(id, "waitan").size();
        String typed = "政务公开".repeat(25_000);

        // when she adds an item whose indicator (a select on the page) is 100,000 characters
        HttpResponse<String> refused = office.post("/app/rectification/" + id + "/waitan/items",
                Map.of("indicatorCode", typed, "text", "栏目未按要求更新"));

        // then it is a 400 naming the field in Chinese and quoting what was typed cut, and nothing is added
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.body()).text()).contains("指标目录中没有指标 政务公开")
                .doesNotContain(typed.substring(0, 1_000));
        assertThat(rectification.items(id, "waitan")).hasSize(before);
    }

    @Test
    void aRemovalReasonIsHeldToWhatTheAuditTrailKeepsAndOneAsLongIsKeptWhole() throws Exception {
        // given an item the office added to 外滩街道's list, and the audit trail's reason column of 1,000 characters (V3)
        RectificationItem added = rectification.add(id, "waitan", "1.1", "栏目未按要求更新", null, null, "office01");
        WebSession office = WebSession.login(port, "office01");
        String path = "/app/rectification/" + id + "/waitan/items/" + added.id() + "/remove";
        String longest = "该问题已在其他整改项中通报重复".repeat(70).substring(0, 1000);

        // when she removes it with a reason one character longer, then it is a 400 naming the field, and it stays
        HttpResponse<String> refused = office.post(path, Map.of("reason", longest + "复"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.body()).text()).contains("删除理由");
        assertThat(rectification.items(id, "waitan")).filteredOn(i -> i.id().equals(added.id()))
                .singleElement().extracting(RectificationItem::status).isNotEqualTo(ItemStatus.REMOVED);

        // and with a reason as long as the trail holds, it is removed and the reason kept whole in the trail
        assertThat(office.post(path, Map.of("reason", longest)).statusCode()).isEqualTo(302);
        assertThat(jdbc.queryForObject("select reason from audit_entry where campaign_id = ? and action = 'REMOVE'"
                + " and subject = ?", String.class, id, "rectification waitan 1.1 " + added.id())).isEqualTo(longest);
    }

    @Test
    void textsHoldingAControlCharacterAreRefusedNamingTheFieldAndSaveNothing() throws Exception {
        // given 外滩街道's open item on 1.1, and the office
        WebSession waitan = WebSession.login(port, "waitan01");
        WebSession office = WebSession.login(port, "office01");
        RectificationItem before = rectification.items(id, "waitan").get(0);
        int items = rectification.items(id, "waitan").size();
        String base = "/app/rectification/" + id + "/waitan/items";

        // when the unit reports with U+0001 in its note, and the office adds an item and removes one with it
        HttpResponse<String> report = waitan.post(base + "/" + waitanItem + "/report", Map.of("kind", "FIXED",
                "note", "已\u0001修复", "version", String.valueOf(before.version())));
        HttpResponse<String> add = office.post(base, Map.of("indicatorCode", "1.1", "text", "栏目\u0001未更新"));
        HttpResponse<String> remove = office.post(base + "/" + waitanItem + "/remove", Map.of("reason", "重复\u0001通报"));

        // then each is a 400 naming the field, and nothing changed
        assertThat(report.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(report.body()).text()).contains("整改说明", "控制字符");
        assertThat(add.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(add.body()).text()).contains("问题", "控制字符");
        assertThat(remove.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(remove.body()).text()).contains("删除理由", "控制字符");
        assertThat(rectification.items(id, "waitan")).hasSize(items);
        assertThat(rectification.items(id, "waitan").get(0)).isEqualTo(before);
    }

    @Test
    void anUploadDeclaringAnOverlongTypeIsSavedAsAnOctetStream() throws Exception {
        // given 外滩街道's open item on 1.1
        WebSession waitan = WebSession.login(port, "waitan01");

        // when they upload a file whose part declares a type longer than the column that keeps it
        HttpResponse<String> uploaded = upload(waitan, "/app/rectification/" + id + "/waitan/items/" + waitanItem
                + "/files", "../../工作方案.pdf", "application/" + "x".repeat(300));

        // then it is saved (not a 500), as an octet stream
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
        assertThat(jdbc.queryForList("select content_type from rectification_file where item_id = ? and file_name = ?",
                String.class, waitanItem, "../../工作方案.pdf")).containsExactly("application/octet-stream");
    }

    @Test
    void anItemTakesTenFilesAndTheEleventhIsRefusedWithTheReason() throws Exception {
        // given 外滩街道's open item on 1.5, filled up to ten files
        WebSession waitan = WebSession.login(port, "waitan01");
        String path = "/app/rectification/" + id + "/waitan/items/" + waitanPlanItem + "/files";
        while (files(waitanPlanItem) < RectificationService.MAX_FILES_PER_ITEM) {
            assertThat(waitan.upload(path, Map.of(), "方案.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII))
                    .statusCode()).isEqualTo(302);
        }

        // when they upload an eleventh
        HttpResponse<String> eleventh = waitan.upload(path, Map.of(), "方案.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII));

        // then it is a 400 naming the field and the limit, and the item keeps ten
        assertThat(eleventh.statusCode()).isEqualTo(400);
        assertThat(eleventh.body()).contains("附件").contains("每个整改项最多10个附件");
        assertThat(files(waitanPlanItem)).isEqualTo(10);
    }

    private long files(Long item) {
        return jdbc.queryForObject("select count(*) from rectification_file where item_id = ?", Long.class, item);
    }

    @Test
    void theSameReportSentAtOnceIsSavedOnceAndTheOthersAreEditConflicts() throws Exception {
        // given 外滩街道's item on 1.1 at the version its page shows
        WebSession waitan = WebSession.login(port, "waitan01");
        long version = rectification.items(id, "waitan").get(0).version();
        String path = "/app/rectification/" + id + "/waitan/items/" + waitanItem + "/report";

        // when they save a report of that version six times at the same instant
        List<HttpResponse<String>> answers = AtOnce.run(6, () -> waitan.post(path, Map.of("kind", "FIXED",
                "note", "已修复机构职能页面", "link", "https://www.shhuangpu.gov.cn/zw/waitan/jgzn",
                "version", String.valueOf(version))));

        // then one is saved, the others are refused with 409 and the reason; none is a 500
        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(302, 409).containsOnlyOnce(302);
        assertThat(answers).filteredOn(r -> r.statusCode() == 409)
                .allSatisfy(r -> assertThat(r.body()).contains("已被他人修改"));
        assertThat(rectification.items(id, "waitan").get(0).version()).isEqualTo(version + 1);
    }

    // ---- helpers

    private HttpResponse<String> engine(WebSession session, String base, String method, String path, String json)
            throws Exception {
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofString(json);
        if (base.startsWith("/engine-rest")) {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + base + path))
                    .header("Content-Type", "application/json").header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString("waitan01:demo".getBytes(StandardCharsets.UTF_8)))
                    .method(method, body).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        return session.send(session.engineApi(base + path).header("Content-Type", "application/json")
                .method(method, body).build());
    }

    private static HttpResponse<String> upload(WebSession session, String path, String fileName, String contentType)
            throws Exception {
        String boundary = "----" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n%PDF-1.4\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        var matcher = java.util.regex.Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"")
                .matcher(session.get("/app").body());
        if (!matcher.find()) {
            throw new IllegalStateException("no CSRF token");
        }
        return session.send(session.request(path + "?_csrf=" + URLEncoder.encode(matcher.group(1), StandardCharsets.UTF_8))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }
}
