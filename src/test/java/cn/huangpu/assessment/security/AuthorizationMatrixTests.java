package cn.huangpu.assessment.security;

import cn.huangpu.assessment.support.ProcessLookup;
import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.rectification.RectificationScenario;
import cn.huangpu.assessment.rectification.RectificationService;
import cn.huangpu.assessment.verification.FindingKind;
import cn.huangpu.assessment.workflow.RectificationProcess;
import cn.huangpu.assessment.feedback.FeedbackService;
import cn.huangpu.assessment.selfcheck.EvidenceFileInfo;
import cn.huangpu.assessment.selfcheck.SelfCheckService;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.support.WebIntegrationTest;
import cn.huangpu.assessment.support.WebSession;
import cn.huangpu.assessment.workflow.UnitFeedbackProcess;
import cn.huangpu.assessment.workflow.UnitAssessmentProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every cell of the authorization matrix of the README: for each role and resource, allowed (2xx) or
 * refused (401/302 without login, 403/404 with one), over real HTTP.
 */
@WebIntegrationTest
class AuthorizationMatrixTests {

    /** The roles, by a demo account; "" is the public (no credentials). */
    static final List<String> ROLES = List.of("", "waitan01", "yuyuan01", "eval-finance", "office01", "leader01", "admin");

    @LocalServerPort int port;
    @Autowired CampaignStarter starter;
    @Autowired CampaignService campaigns;
    @Autowired CampaignBots bots;
    @Autowired ProcessDriver driver;
    @Autowired SelfCheckService selfChecks;
    @Autowired FeedbackService feedback;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired IdentityService identityService;
    @Autowired AuthorizationService authorizationService;
    @Autowired RectificationScenario scenario;
    @Autowired RectificationService rectification;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void everyCellOfTheMatrixHolds() throws Exception {
        // a scored campaign (A) and one with 外滩街道's self-check still open (B)
        Random random = new Random(4);
        CampaignInfo scored = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan", "yuyuan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER);
        Long a = scored.id();
        driver.runJobs();
        EvidenceFileInfo file = selfChecks.upload(a, "waitan", "1.1", "机构职能.pdf", "application/pdf",
                "%PDF-1.4".getBytes(StandardCharsets.US_ASCII), "waitan01");
        for (String unit : List.of("waitan", "yuyuan")) {
            bots.fillSelfCheck(a, unit, random);
            bots.submitSelfCheck(a, unit);
            driver.runJobs();
            bots.verify(a, unit, random);
        }
        bots.deliver(a, "FINANCE", random);
        driver.runJobs();
        CampaignInfo open = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER);
        driver.runJobs();
        String task = ProcessLookup.unitTasks(taskService, open.id(), "waitan").singleResult().getId();
        // a published campaign (C) in which 外滩街道 rectifies a broken link, with a file given as evidence
        // (published on a day whose 20 working days fall in a year with its holidays entered)
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.parse("2026-03-02T01:00:00Z")));
        Long rc;
        try {
            rc = scenario.published(List.of("waitan"), List.of(new RectificationScenario.PlannedFinding("waitan", "1.1",
                    "missingOrStaleItems", FindingKind.BROKEN_LINK, "链接打不开", null)), List.of()).id();
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
        Long item = rectification.items(rc, "waitan").get(0).id();
        Long rectificationFile = rectification.attach(rc, "waitan", item, "整改.pdf", "application/pdf",
                "%PDF-1.4".getBytes(StandardCharsets.US_ASCII), "waitan01").id();
        String rectificationTask = RectificationProcess.tasks(taskService, rc, "waitan").singleResult().getId();
        // a campaign in its feedback window (C): 外滩街道 has an objection on 2.3 with a file
        CampaignInfo inWindow = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan", "yuyuan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER);
        Long c = inWindow.id();
        driver.runJobs();
        for (String unit : List.of("waitan", "yuyuan")) {
            bots.fillSelfCheck(c, unit, random);
            bots.submitSelfCheck(c, unit);
            driver.runJobs();
            bots.verify(c, unit, random);
        }
        bots.deliver(c, "FINANCE", random);
        driver.runJobs();
        feedback.setRules(c, 5, "CALENDAR_DAYS", true, false, CampaignBots.COORDINATOR_USER);
        bots.evaluateComprehensively(c, random);
        driver.runJobs();
        long objection = feedback.saveObjection(c, "waitan", new FeedbackService.ObjectionDraft(null, "2.3", "解读评分偏低",
                null, null), List.of(new SelfCheckService.NewFile(null, "说明.pdf", "application/pdf",
                "%PDF-1.4".getBytes(StandardCharsets.US_ASCII))), "waitan01");
        long objectionFile = feedback.objections(c, "waitan").get(0).files().get(0).id();
        String instance = ProcessLookup.unitInstance(runtimeService, open.id(), "waitan").getId();

        // resource → request → the roles allowed (in the order of ROLES: public, unit, other unit, evaluator,
        // coordinator, leader, admin)
        Map<String, Cell> matrix = new LinkedHashMap<>();
        matrix.put("外滩街道's task", new Cell("/engine-rest/task/" + task, "-Y--Y-Y"));
        matrix.put("its process instance variables", new Cell("/engine-rest/process-instance/" + instance + "/variables", "----YYY"));
        // the variable cells: reading the task's variables; writing is refused to everyone but administrators
        // (security/ProcessVariableAccessTests tries every write route as each role)
        matrix.put("its task variables", new Cell("/engine-rest/task/" + task + "/variables", "----YYY"));
        matrix.put("its task's local variables", new Cell("/engine-rest/task/" + task + "/localVariables", "----YYY"));
        matrix.put("its history", new Cell("/engine-rest/history/process-instance/" + instance, "----YYY"));
        // before publication the unit's sheet page says when it opens; its PDF is not there yet (campaign/ScoreVisibility)
        matrix.put("外滩街道's score sheet", new Cell("/app/results/" + a + "/waitan", "-Y--YY-"));
        matrix.put("its score sheet PDF", new Cell("/app/results/" + a + "/waitan.pdf", "----YY-"));
        // 不涉及 after submission: the unit's own page of requests, read by the office and the leaders
        matrix.put("外滩街道's 不涉及 change requests", new Cell("/app/claim-changes/" + a + "/waitan", "-Y--YY-"));
        matrix.put("its uploaded evidence", new Cell("/app/self-check/" + a + "/waitan/files/" + file.id(), "-Y--YY-"));
        matrix.put("its self-check export", new Cell("/app/self-check/" + a + "/waitan/export.xlsx", "-Y--YY-"));
        matrix.put("the results export", new Cell("/app/results/" + a + "/export.xlsx", "----YY-"));
        matrix.put("the dashboard", new Cell("/app/campaigns/" + a + "/dashboard", "----YY-"));
        matrix.put("the evaluator's grid", new Cell("/app/evaluation/" + a + "/FINANCE", "---YYY-"));
        matrix.put("the audit trail", new Cell("/app/campaigns/" + a + "/audit", "----Y--"));
        // the office keeps the document register; leaders read it; a unit sees its documents on its score sheet only
        matrix.put("外滩街道's document register", new Cell("/app/registers/" + a + "/waitan", "----YY-"));
        matrix.put("its register template", new Cell("/app/registers/" + a + "/waitan/template.xlsx", "----YY-"));
        // rectification after publication: the unit's task and page (the unit reports, the office reviews, leaders
        // read), its evidence files, and the office's overview and circular
        matrix.put("外滩街道's rectification task", new Cell("/engine-rest/task/" + rectificationTask, "-Y--Y-Y"));
        matrix.put("its rectification page", new Cell("/app/rectification/" + rc + "/waitan", "-Y--YY-"));
        matrix.put("its rectification evidence", new Cell("/app/rectification/" + rc + "/waitan/files/" + rectificationFile, "-Y--YY-"));
        matrix.put("the rectification overview", new Cell("/app/campaigns/" + rc + "/rectification", "----YY-"));
        matrix.put("the dashboard's rectification stage", new Cell("/app/campaigns/" + rc + "/rectification/stage", "----YY-"));
        matrix.put("the rectification export", new Cell("/app/campaigns/" + rc + "/rectification/export.xlsx", "----YY-"));
        // the feedback window: a unit sees only its own; evaluators see objections on their own indicators; leaders read
        matrix.put("外滩街道's feedback page", new Cell("/app/feedback/" + c + "/waitan", "-Y--YY-"));
        matrix.put("its objection's file", new Cell("/app/feedback/" + c + "/waitan/objections/" + objection + "/files/"
                + objectionFile, "-Y--YY-"));
        matrix.put("the feedback summary", new Cell("/app/feedback/" + c, "----YY-"));
        matrix.put("the objections on an evaluator's indicators", new Cell("/app/feedback/" + c + "/evaluators/FINANCE", "---YYY-"));
        matrix.put("the feedback rules", new Cell("/api/campaigns/" + c + "/feedback-rules", "----YY-"));

        List<String> wrong = new ArrayList<>();
        for (var entry : matrix.entrySet()) {
            for (int r = 0; r < ROLES.size(); r++) {
                boolean allowed = entry.getValue().allowed().charAt(r) == 'Y';
                int status = get(ROLES.get(r), entry.getValue().path()).statusCode();
                boolean ok = allowed ? status == 200
                        : ROLES.get(r).isEmpty() ? status == 401 || status == 302 : status == 403 || status == 404;
                if (!ok) {
                    wrong.add(entry.getKey() + " as " + (ROLES.get(r).isEmpty() ? "public" : ROLES.get(r)) + ": " + status);
                }
            }
        }
        // the webapps: which applications each role may open (the engine's application authorizations)
        Map<String, String> apps = Map.of("tasklist", "-YYYYYY", "cockpit", "----YYY", "admin", "------Y");
        for (int r = 1; r < ROLES.size(); r++) {
            String user = ROLES.get(r);
            List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream()
                    .map(Group::getId).toList();
            for (var app : apps.entrySet()) {
                boolean allowed = app.getValue().charAt(r) == 'Y';
                if (authorizationService.isUserAuthorized(user, groups, Permissions.ACCESS, Resources.APPLICATION,
                        app.getKey()) != allowed) {
                    wrong.add(app.getKey() + " app as " + user);
                }
            }
        }
        // the feedback window's writes, as each signed-in role: only 外滩街道 objects for itself (another unit gets 404,
        // as for a unit that does not exist), and only the office rules (an evaluator, a unit or a leader may not)
        Map<String, String> writes = new LinkedHashMap<>();
        writes.put("objecting for 外滩街道", "Y-----");
        writes.put("ruling on 外滩街道's objection", "---Y--");
        for (int r = 1; r < ROLES.size(); r++) {
            WebSession session = WebSession.login(port, ROLES.get(r));
            int objected = session.upload("/app/feedback/" + c + "/waitan/objections", Map.of("indicatorCode", "1.1",
                    "reason", "公开目录链接当时可以打开"), "截图.png", new byte[]{(byte) 0x89, 'P', 'N', 'G'}).statusCode();
            check(wrong, "objecting for 外滩街道", ROLES.get(r), writes.get("objecting for 外滩街道").charAt(r - 1) == 'Y', objected);
        }
        bots.complete("waitan01", List.of(Groups.unit("waitan")), UnitFeedbackProcess.CONFIRM_RESULTS,
                UnitFeedbackProcess.tasks(taskService, c, "waitan"),
                Map.of(UnitFeedbackProcess.ANSWER_FIELD, UnitFeedbackProcess.OBJECT));
        // the office last: its ruling is the one that is recorded
        for (int r : new int[]{1, 2, 3, 5, 6, 4}) {
            int ruled = WebSession.login(port, ROLES.get(r)).post("/app/feedback/" + c + "/waitan/objections/" + objection
                    + "/reject", Map.of("rulingReason", "维持原评分")).statusCode();
            check(wrong, "ruling on 外滩街道's objection", ROLES.get(r),
                    writes.get("ruling on 外滩街道's objection").charAt(r - 1) == 'Y', ruled);
        }
        assertThat(wrong).isEmpty();
        assertThat(feedback.objections(c, "waitan")).extracting(o -> o.indicatorCode() + " " + o.status())
                .containsExactlyInAnyOrder("2.3 REJECTED", "1.1 RAISED");
        assertThat(campaigns.get(a).status().name()).isEqualTo("GRADING");
    }

    /** A page's write: allowed answers its redirect (302), refused 403 or 404. */
    private static void check(List<String> wrong, String what, String user, boolean allowed, int status) {
        if (allowed ? status != 302 : status != 403 && status != 404) {
            wrong.add(what + " as " + user + ": " + status);
        }
    }

    /** A resource's request and, per role in the order of {@link #ROLES}, Y (allowed) or - (refused). */
    record Cell(String path, String allowed) {
    }

    private HttpResponse<String> get(String user, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (!user.isEmpty()) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
