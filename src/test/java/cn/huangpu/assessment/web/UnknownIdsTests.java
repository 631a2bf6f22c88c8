package cn.huangpu.assessment.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.catalogue.Indicator;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.linkcheck.LinkCheckService;
import cn.huangpu.assessment.selfcheck.SelfCheckService;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.support.WebIntegrationTest;
import cn.huangpu.assessment.support.WebSession;
import cn.huangpu.assessment.verification.FindingKind;
import cn.huangpu.assessment.verification.VerificationService.NewFinding;
import cn.huangpu.assessment.verification.VerificationService;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route of the application with an id in its path, walked from the request mappings (so that a new route
 * is not forgotten): an id that does not exist and a real id the caller may not see (another unit's, another
 * evaluator's, a campaign the caller takes no part in) answer exactly alike, as the same 404 where the caller's
 * role may use the route (403 where it may not use it at all), and never 500.
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnknownIdsTests {

    static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");
    static final String MADE_UP = "987654321";
    /** Path variables that are not ids: the same real value in every request. */
    static final Map<String, String> FIXED = Map.of("action", "recheck");
    /** Values for the required request parameters of the routes, by name. */
    static final Map<String, String> PARAMETERS = Map.of("indicatorCode", "1.1");

    @LocalServerPort int port;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
    @Autowired CampaignStarter starter;
    @Autowired ProcessDriver driver;
    @Autowired CampaignBots bots;
    @Autowired SelfCheckService selfChecks;
    @Autowired VerificationService verification;
    @Autowired LinkCheckService linkChecks;
    @Autowired JdbcTemplate jdbc;

    /** Per path variable: the caller's own (or a visible) real id, a made-up one, another's real one. */
    record Ids(String own, String madeUp, String others) {
    }

    Map<String, Ids> unitIds;
    Map<String, Ids> evaluatorIds;
    Map<String, Ids> coordinatorIds;

    @BeforeAll
    void twoCampaignsWithObjectsOfTwoUnits() {
        // campaign A: 外滩街道 and 豫园街道, each with a file, a finding and link checks; campaign B: 豫园街道 only
        Random random = new Random(13);
        Long a = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan", "yuyuan"), List.of("FINANCE", "MEDIA")), CampaignBots.COORDINATOR_USER).id();
        CampaignInfo b = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("yuyuan"), List.of("MEDIA")), CampaignBots.COORDINATOR_USER);
        driver.runJobs();
        Indicator withFindings = selfChecks.catalogue(a).indicators().stream()
                .filter(i -> !i.findingInputs().isEmpty()).findFirst().orElseThrow();
        Map<String, Long> file = new LinkedHashMap<>();
        Map<String, Long> finding = new LinkedHashMap<>();
        Map<String, Long> check = new LinkedHashMap<>();
        Map<String, Long> registerRow = new LinkedHashMap<>();
        Map<String, Long> voidNumber = new LinkedHashMap<>();
        Map<String, Long> ruling = new LinkedHashMap<>();
        Map<String, Long> request = new LinkedHashMap<>();
        for (String unit : List.of("waitan", "yuyuan")) {
            bots.fillSelfCheck(a, unit, random);
            file.put(unit, selfChecks.upload(a, unit, "1.1", "材料.pdf", "application/pdf",
                    "%PDF-1.4".getBytes(StandardCharsets.US_ASCII), CampaignBots.unitUser(unit)).id());
            finding.put(unit, verification.record(a, unit, new NewFinding(withFindings.code(),
                    withFindings.findingInputs().get(0).name(), FindingKind.BROKEN_LINK, "核查发现问题", null),
                    CampaignBots.COORDINATOR_USER).id());
            linkChecks.schedule(a, unit);
            check.put(unit, linkChecks.results(a, unit).get(0).id());
            // a document register row and a void number (register/), written as its service writes them
            jdbc.update("insert into register_row (campaign_id, unit_code, register_name, row_position, doc_number, title,"
                    + " start_date, disclosure, end_date) values (?, ?, 'documents', 1, '黄府办发〔2023〕1号', '通知',"
                    + " date '2023-03-01', 'PROACTIVE', date '2023-03-02')", a, unit);
            registerRow.put(unit, jdbc.queryForObject("select max(id) from register_row", Long.class));
            jdbc.update("insert into register_void_number (campaign_id, unit_code, register_name, doc_number, reason,"
                    + " entered_by, entered_at) values (?, ?, 'documents', '黄府办发〔2023〕2号', '作废', 'office01',"
                    + " current_timestamp)", a, unit);
            voidNumber.put(unit, jdbc.queryForObject("select max(id) from register_void_number", Long.class));
            // the office's ruling on 不涉及 and the unit's request to change its claim (verification/NotInvolvedService)
            jdbc.update("insert into not_involved_ruling (campaign_id, unit_code, indicator_code, not_involved, reason,"
                    + " decided_by, decided_at) values (?, ?, '4.12', true, '未收到申请', 'office01', current_timestamp)", a, unit);
            ruling.put(unit, jdbc.queryForObject("select max(id) from not_involved_ruling", Long.class));
            jdbc.update("insert into claim_change_request (campaign_id, unit_code, indicator_code, not_involved, reason,"
                    + " requested_by, requested_at, status) values (?, ?, '3.4', true, '未收到转办留言', ?, current_timestamp,"
                    + " 'OPEN')", a, unit, CampaignBots.unitUser(unit));
            request.put(unit, jdbc.queryForObject("select max(id) from claim_change_request", Long.class));
        }
        unitIds = Map.of(
                "campaignId", new Ids(a.toString(), MADE_UP, b.id().toString()),
                "unitCode", new Ids("waitan", "nosuchunit", "yuyuan"),
                "evaluatorCode", new Ids("FINANCE", "NOSUCH", "MEDIA"),
                "fileId", new Ids(file.get("waitan").toString(), MADE_UP, file.get("yuyuan").toString()),
                "findingId", new Ids(finding.get("waitan").toString(), MADE_UP, finding.get("yuyuan").toString()),
                "checkId", new Ids(check.get("waitan").toString(), MADE_UP, check.get("yuyuan").toString()),
                "year", new Ids("2023", "1999", null),
                // the one-click reminder: the kind of party is a fixed word, the code a unit's
                "party", new Ids("units", "nosuchparty", "units"),
                "code", new Ids("waitan", "nosuchunit", "yuyuan"));
        unitIds = new LinkedHashMap<>(unitIds);
        unitIds.put("rowId", new Ids(registerRow.get("waitan").toString(), MADE_UP, registerRow.get("yuyuan").toString()));
        unitIds.put("voidId", new Ids(voidNumber.get("waitan").toString(), MADE_UP, voidNumber.get("yuyuan").toString()));
        // a rectification item of each unit (rectification/), written as its service writes them
        Map<String, Long> item = new LinkedHashMap<>();
        for (String unit : List.of("waitan", "yuyuan")) {
            jdbc.update("insert into rectification_unit (campaign_id, unit_code, status) values (?, ?, 'RECTIFYING')", a, unit);
            jdbc.update("insert into rectification_item (campaign_id, unit_code, indicator_code, source_key, origin,"
                    + " finding_text, points, status, created_at) values (?, ?, '1.1', 'added:1', 'ADDED', '问题', 1,"
                    + " 'OPEN', current_timestamp)", a, unit);
            item.put(unit, jdbc.queryForObject("select max(id) from rectification_item", Long.class));
        }
        unitIds.put("itemId", new Ids(item.get("waitan").toString(), MADE_UP, item.get("yuyuan").toString()));

        // a feedback window of campaign A: each unit's draft objection with a file, and an opinion asked of FINANCE
        // (on 外滩街道's) and of MEDIA (on 豫园街道's), written as the feedback module writes them
        jdbc.update("insert into feedback_window (campaign_id, window_no, round_before, opened_at, due, length_text, pending)"
                + " values (?, 1, 1, current_timestamp, ?, '5天', 2)", a, java.sql.Timestamp.from(java.time.Instant.now()
                .plus(java.time.Duration.ofDays(5))));
        Long window = jdbc.queryForObject("select max(id) from feedback_window", Long.class);
        Map<String, Long> objection = new LinkedHashMap<>();
        Map<String, Long> attachment = new LinkedHashMap<>();
        Map<String, Long> opinion = new LinkedHashMap<>();
        for (String unit : List.of("waitan", "yuyuan")) {
            jdbc.update("insert into feedback_answer (window_id, campaign_id, unit_code, launched, status) values (?, ?, ?,"
                    + " true, 'PENDING')", window, a, unit);
            jdbc.update("insert into feedback_objection (window_id, campaign_id, unit_code, indicator_code, reason, status,"
                    + " created_by, created_at) values (?, ?, ?, '2.3', '评分偏低', 'DRAFT', ?, current_timestamp)", window, a,
                    unit, CampaignBots.unitUser(unit));
            objection.put(unit, jdbc.queryForObject("select max(id) from feedback_objection", Long.class));
            jdbc.update("insert into feedback_objection_file (objection_id, file_name, content_type, size_bytes, content,"
                    + " uploaded_by, uploaded_at) values (?, '说明.pdf', 'application/pdf', 1, ?, ?, current_timestamp)",
                    objection.get(unit), new byte[]{1}, CampaignBots.unitUser(unit));
            attachment.put(unit, jdbc.queryForObject("select max(id) from feedback_objection_file", Long.class));
            jdbc.update("insert into feedback_opinion (objection_id, evaluator_code, question, requested_by, requested_at)"
                    + " values (?, ?, '请提出意见', 'office01', current_timestamp)", objection.get(unit),
                    unit.equals("waitan") ? "FINANCE" : "MEDIA");
            opinion.put(unit, jdbc.queryForObject("select max(id) from feedback_opinion", Long.class));
        }
        unitIds.put("objectionId", new Ids(objection.get("waitan").toString(), MADE_UP, objection.get("yuyuan").toString()));
        unitIds.put("attachmentId", new Ids(attachment.get("waitan").toString(), MADE_UP, attachment.get("yuyuan").toString()));
        unitIds.put("opinionId", new Ids(opinion.get("waitan").toString(), MADE_UP, opinion.get("yuyuan").toString()));
        unitIds.put("rulingId", new Ids(ruling.get("waitan").toString(), MADE_UP, ruling.get("yuyuan").toString()));
        unitIds.put("requestId", new Ids(request.get("waitan").toString(), MADE_UP, request.get("yuyuan").toString()));
        evaluatorIds = new LinkedHashMap<>(unitIds);
        evaluatorIds.put("unitCode", new Ids("waitan", "nosuchunit", null));
        coordinatorIds = new LinkedHashMap<>();
        unitIds.forEach((name, ids) -> coordinatorIds.put(name, new Ids(ids.own(), ids.madeUp(), null)));
    }

    @Test
    void toAUnitAnotherUnitsIdLooksExactlyLikeOneThatDoesNotExist() throws Exception {
        // given 外滩街道's staff, and ids of 豫园街道's objects and of a campaign 外滩街道 takes no part in
        WebSession waitan = WebSession.login(port, "waitan01");

        // when every route is asked with a made-up id and with the other's real id
        Walk walk = walk(waitan, unitIds);

        // then both answer alike, never 500, and 404 wherever the unit may use the route
        assertThat(walk.wrong()).isEmpty();
        assertThat(walk.notFound()).contains(
                "GET /app/self-check/{campaignId}/{unitCode} unitCode",
                "GET /app/self-check/{campaignId}/{unitCode}/files/{fileId} fileId",
                "POST /app/self-check/{campaignId}/{unitCode}/files/{fileId}/delete fileId",
                "GET /app/self-check/{campaignId}/{unitCode}/export.xlsx campaignId",
                "GET /app/claim-changes/{campaignId}/{unitCode} unitCode",
                "POST /app/claim-changes/{campaignId}/{unitCode} unitCode",
                "GET /app/results/{campaignId}/{unitCode} unitCode",
                "GET /app/results/{campaignId}/{unitCode}.pdf unitCode",
                "POST /app/self-check/{campaignId}/{unitCode} campaignId",
                "GET /app/feedback/{campaignId}/{unitCode} unitCode",
                "GET /app/feedback/{campaignId}/{unitCode}/objections/{objectionId}/files/{attachmentId} objectionId",
                "GET /app/feedback/{campaignId}/{unitCode}/objections/{objectionId}/files/{attachmentId} attachmentId",
                "POST /app/feedback/{campaignId}/{unitCode}/objections/{objectionId}/delete objectionId");
        assertThat(walk.probed()).hasSizeGreaterThan(40);
        System.out.println("Unknown ids, as a unit: " + walk.probed().size() + " route × id pairs, "
                + walk.notFound().size() + " answered 404");
    }

    @Test
    void toAnEvaluatorAnotherEvaluatorsIdLooksExactlyLikeOneThatDoesNotExist() throws Exception {
        // given 区财政局's evaluator staff, and 区委网信办's evaluator code and a campaign without 区财政局 (its own grid
        // there answers 404 saying 区财政局 does not take part; every other route answers it as a made-up id)
        WebSession finance = WebSession.login(port, "eval-finance");

        // when every route is asked with a made-up id and with the other's real id
        Walk walk = walk(finance, evaluatorIds);

        // then both answer alike, never 500, and 404 wherever the evaluator may use the route
        assertThat(walk.wrong()).isEmpty();
        assertThat(walk.notFound()).contains(
                "GET /app/evaluation/{campaignId}/{evaluatorCode} evaluatorCode",
                "GET /app/evaluation/{campaignId}/{evaluatorCode}/template.xlsx campaignId",
                "POST /app/evaluation/{campaignId}/{evaluatorCode} evaluatorCode",
                "POST /app/evaluation/{campaignId}/{evaluatorCode}/upload evaluatorCode",
                "GET /app/feedback/{campaignId}/evaluators/{evaluatorCode} evaluatorCode",
                "POST /app/feedback/{campaignId}/evaluators/{evaluatorCode}/opinions/{opinionId} opinionId");
        System.out.println("Unknown ids, as an evaluator: " + walk.probed().size() + " route × id pairs, "
                + walk.notFound().size() + " answered 404");
    }

    @Test
    void toTheCoordinatorAnIdThatDoesNotExistIsNotFoundOnEveryRoute() throws Exception {
        // given the coordinator, who may see every real id
        WebSession office = WebSession.login(port, "office01");

        // when every route is asked with a made-up id
        Walk walk = walk(office, coordinatorIds);

        // then never 500, and 404 wherever the coordinator may use the route
        assertThat(walk.wrong()).isEmpty();
        assertThat(walk.notFound()).contains(
                "GET /app/campaigns/{campaignId}/dashboard campaignId",
                "GET /app/comprehensive/{campaignId}/{unitCode} unitCode",
                "POST /app/verification/{campaignId}/{unitCode}/findings/{findingId}/delete findingId",
                "POST /app/verification/{campaignId}/{unitCode}/not-involved/{rulingId}/revoke rulingId",
                "POST /app/verification/{campaignId}/{unitCode}/claim-changes/{requestId} requestId",
                "POST /app/verification/{campaignId}/{unitCode}/not-involved unitCode",
                "POST /app/link-checks/{campaignId}/{unitCode}/{checkId}/{action} checkId",
                "POST /app/link-checks/{campaignId}/{unitCode}/{checkId}/{action} unitCode",
                "GET /app/registers/{campaignId}/{unitCode} unitCode",
                "POST /app/registers/{campaignId}/{unitCode}/upload unitCode",
                "POST /app/registers/{campaignId}/{unitCode}/rows/{rowId}/delete rowId",
                "POST /app/registers/{campaignId}/{unitCode}/void-numbers/{voidId}/delete voidId",
                "GET /app/feedback/{campaignId}/{unitCode} unitCode",
                "POST /app/feedback/{campaignId}/{unitCode}/objections/{objectionId}/reject objectionId",
                "GET /app/feedback/{campaignId}/evaluators/{evaluatorCode} evaluatorCode",
                "POST /api/campaigns/{campaignId}/reopen campaignId",
                "GET /public/results/{campaignId} campaignId");
        System.out.println("Unknown ids, as the coordinator: " + walk.probed().size() + " route × id pairs, "
                + walk.notFound().size() + " answered 404");
    }

    @Test
    void anIdThatIsNotEvenANumberIsNotFound() throws Exception {
        WebSession waitan = WebSession.login(port, "waitan01");

        HttpResponse<String> page = waitan.get("/app/self-check/abc/waitan");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains(NotFoundException.MESSAGE);
    }

    /** What a walk found: the mismatches, every (route, variable) probed, and those answered 404. */
    record Walk(List<String> wrong, List<String> probed, List<String> notFound) {
    }

    private Walk walk(WebSession session, Map<String, Ids> ids) throws Exception {
        List<String> wrong = new ArrayList<>();
        List<String> probed = new ArrayList<>();
        List<String> notFound = new ArrayList<>();
        for (var mapping : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = mapping.getKey();
            HandlerMethod handler = mapping.getValue();
            if (!handler.getBeanType().getPackageName().startsWith("cn.huangpu.assessment")) {
                continue;
            }
            for (String pattern : info.getPatternValues()) {
                List<String> variables = new ArrayList<>();
                Matcher matcher = VARIABLE.matcher(pattern);
                while (matcher.find()) {
                    variables.add(matcher.group(1));
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    String route = method + " " + pattern;
                    for (String variable : variables) {
                        if (FIXED.containsKey(variable)) {
                            continue;
                        }
                        if (!ids.containsKey(variable)) {
                            wrong.add(route + ": no ids for {" + variable + "}; add them to this test");
                            continue;
                        }
                        Ids tried = ids.get(variable);
                        Answer own = method == RequestMethod.GET
                                ? send(session, method, handler, path(pattern, ids, variable, tried.own())) : null;
                        Answer madeUp = send(session, method, handler, path(pattern, ids, variable, tried.madeUp()));
                        Answer others = tried.others() == null ? null
                                : send(session, method, handler, path(pattern, ids, variable, tried.others()));
                        String what = route + " " + variable;
                        probed.add(what);
                        if (others != null && variable.equals("campaignId") && pattern.startsWith("/app/evaluation/")
                                && ids == evaluatorIds) {
                            // campaigns are no secret (every account lists them): an evaluator's own grid in one
                            // it does not take part in answers 404 too, saying so (issue 20), not as an unknown id
                            if (others.status() != 404 || !others.body().contains("未参加")) {
                                wrong.add(what + ": a campaign without the evaluator answered " + others.status()
                                        + " without saying it does not take part");
                            }
                            others = null;
                        }
                        check(what, own, madeUp, others, variable, wrong);
                        if (madeUp.status() == 404) {
                            notFound.add(what);
                        }
                    }
                }
            }
        }
        return new Walk(wrong, probed, notFound);
    }

    private static void check(String what, Answer own, Answer madeUp, Answer others, String variable,
                              List<String> wrong) {
        if (own != null && own.status() >= 500) {
            wrong.add(what + ": the caller's own id answered " + own.status());
        }
        if (madeUp.status() != 403 && madeUp.status() != 404) {
            wrong.add(what + ": a made-up id answered " + madeUp.status());
        }
        if (others != null && (others.status() != madeUp.status() || !others.body().equals(madeUp.body()))) {
            wrong.add(what + ": a made-up id answered " + madeUp.status() + ", another's real id " + others.status()
                    + (others.status() == madeUp.status() ? " with another body" : ""));
        }
        if (own != null && own.status() < 400 && madeUp.status() != 404) {
            wrong.add(what + ": the route is open to the caller, yet a made-up id answered " + madeUp.status());
        }
        // catalogue years are public, and their answer names the year
        if (madeUp.status() == 404 && !variable.equals("year") && !madeUp.body().contains(NotFoundException.MESSAGE)) {
            wrong.add(what + ": 404 without the message: " + madeUp.body());
        }
    }

    /** The route with {@code value} for one variable and the caller's own ids for the others. */
    private static String path(String pattern, Map<String, Ids> ids, String variable, String value) {
        Matcher matcher = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement = name.equals(variable) ? value
                    : FIXED.containsKey(name) ? FIXED.get(name) : ids.get(name) == null ? MADE_UP : ids.get(name).own();
            matcher.appendReplacement(path, Matcher.quoteReplacement(replacement));
        }
        return matcher.appendTail(path).toString();
    }

    /** An answer's status and body, without what names the request itself (its path, the time). */
    record Answer(int status, String body) {
        static Answer of(HttpResponse<String> response) {
            return new Answer(response.statusCode(), response.body()
                    .replaceAll("\"(timestamp|path|instance)\":\"[^\"]*\",?", ""));
        }
    }

    /** The request a real client of the route sends: its required parameters, its file or JSON body. */
    private static Answer send(WebSession session, RequestMethod method, HandlerMethod handler, String path)
            throws Exception {
        if (method == RequestMethod.GET) {
            return Answer.of(path.startsWith("/api/") ? session.getJson(path) : session.get(path));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        boolean file = false;
        boolean json = false;
        for (MethodParameter parameter : handler.getMethodParameters()) {
            parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (parameter.getParameterType() == MultipartFile.class) {
                file = true;
            } else if (parameter.hasParameterAnnotation(RequestBody.class)) {
                json = true;
            } else if (param != null && param.required() && param.defaultValue().equals(ValueConstants.DEFAULT_NONE)
                    && parameter.getParameterType() != Map.class) {
                String name = param.value().isEmpty() ? parameter.getParameterName() : param.value();
                fields.put(name, PARAMETERS.getOrDefault(name, "x"));
            }
        }
        if (json) {
            return Answer.of(session.postJson(path, "{\"reason\": \"复核\"}"));
        }
        if (file) {
            return Answer.of(session.upload(path, fields, "材料.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII)));
        }
        return Answer.of(session.post(path, fields));
    }
}
