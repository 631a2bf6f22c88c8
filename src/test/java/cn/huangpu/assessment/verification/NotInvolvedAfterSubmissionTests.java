package cn.huangpu.assessment.verification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.audit.AuditLog;
import cn.huangpu.assessment.audit.internal.AuditEntry;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.catalogue.Indicator;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.results.CampaignScoring;
import cn.huangpu.assessment.scoring.ScoreSheet;
import cn.huangpu.assessment.security.Groups;
import cn.huangpu.assessment.selfcheck.SelfCheckService;
import cn.huangpu.assessment.selfcheck.SelfCheckService.Draft;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.support.WebIntegrationTest;
import cn.huangpu.assessment.support.WebSession;
import cn.huangpu.assessment.workflow.UnitAssessmentProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 不涉及 after submission (issue 20, part 5), over real HTTP as the people do it: the office grants 不涉及 on the
 * verification page with a reason where the catalogue allows it, and the stored sheet prices it so, as the preview
 * prices {@code notInvolved}; a unit asks from its self-check page for its claim to be changed, the office answers,
 * the unit is told; every step is audited; only the unit files, for itself, and only the coordinator rules.
 */
@WebIntegrationTest
class NotInvolvedAfterSubmissionTests {

    /** 依申请办理流程: the catalogue allows 不涉及 (本年度未收到申请的单位按80%计分), and the office prices it otherwise. */
    static final String REQUESTS = "4.12";

    @LocalServerPort int port;
    @Autowired CampaignStarter starter;
    @Autowired ProcessDriver driver;
    @Autowired CampaignBots bots;
    @Autowired SelfCheckService selfChecks;
    @Autowired NotInvolvedService notInvolved;
    @Autowired CampaignScoring scoring;
    @Autowired AuditLog audit;
    @Autowired TaskService taskService;
    @Autowired ObjectMapper json;

    @Test
    void theOfficeGrantsNotInvolvedWithAReasonAndTheStoredSheetPricesItAsThePreviewDoes() throws Exception {
        // given two units that submitted without claiming 不涉及 anywhere, and the coordinator on the verification page
        Long id = submitted(List.of("waitan", "yuyuan"), Set.of());
        WebSession office = WebSession.login(port, "office01");
        Element row = row(Jsoup.parse(office.get(verification(id, "waitan")).body()), REQUESTS);
        assertThat(row.select("form.grant-form")).as("the 4.12 row offers the grant").hasSize(1);

        // when she grants 外滩街道 不涉及 on 4.12, with the reason
        HttpResponse<String> granted = office.post(verification(id, "waitan") + "/not-involved",
                Map.of("indicatorCode", REQUESTS, "reason", "本年度未收到政府信息公开申请"));

        // then it is saved and audited with the reason, and the row says so
        assertThat(granted.statusCode()).isEqualTo(302);
        assertThat(entries(id, "not_involved waitan " + REQUESTS)).singleElement().satisfies(e -> {
            assertThat(e.getAction()).isEqualTo("GRANT");
            assertThat(e.getReason()).isEqualTo("本年度未收到政府信息公开申请");
            assertThat(e.getActor()).isEqualTo("office01");
        });
        assertThat(row(Jsoup.parse(office.get(verification(id, "waitan")).body()), REQUESTS).text())
                .contains("区政府办公室认定不涉及此项工作", "本年度未收到政府信息公开申请");

        // and once verification and the evaluators are done, the round stored prices 4.12 as not involved for
        // 外滩街道 only, citing the office's reason under the line
        for (String unit : List.of("waitan", "yuyuan")) {
            bots.complete("office01", List.of(Groups.COORDINATOR), UnitAssessmentProcess.VERIFY,
                    UnitAssessmentProcess.tasks(taskService, id, unit), Map.of("confirmVerified", true));
        }
        bots.deliver(id, "FINANCE", new Random(7));
        driver.runJobs();
        ScoreSheet.IndicatorScore stored = indicator(scoring.sheet(scoring.latest(id, "waitan").orElseThrow()), REQUESTS);
        assertThat(stored.notInvolved()).isTrue();
        assertThat(stored.explanation()).singleElement().satisfies(line ->
                assertThat(line.details()).containsExactly("区政府办公室认定不涉及此项工作，理由：本年度未收到政府信息公开申请"));
        assertThat(indicator(scoring.sheet(scoring.latest(id, "yuyuan").orElseThrow()), REQUESTS).notInvolved()).isFalse();

        // and the preview's notInvolved, posted by the same coordinator, prices exactly what the campaign stored
        Catalogue catalogue = selfChecks.catalogue(id);
        Indicator requests = catalogue.indicator(REQUESTS).orElseThrow();
        JsonNode preview = json.readTree(office.postJson("/api/scoring/preview",
                "{\"year\": 2023, \"facts\": {\"" + REQUESTS + "\": {\"notInvolved\": true}}}").body());
        JsonNode previewed = indicator(preview, REQUESTS);
        assertThat(previewed.path("notInvolved").asBoolean()).isTrue();
        assertThat(new BigDecimal(previewed.path("points").asText())).isEqualByComparingTo(stored.points())
                .isEqualByComparingTo(requests.points().multiply(catalogue.notInvolvedRate()));
    }

    @Test
    void aGrantWithoutAReasonIsRefusedWith400NamingTheFieldAndNothingIsSaved() throws Exception {
        // given a unit that submitted, and the trail so far
        Long id = submitted(List.of("waitan"), Set.of());
        WebSession office = WebSession.login(port, "office01");
        int before = audit.forCampaign(id).size();

        // when the coordinator grants 不涉及 on 4.12 with a blank reason
        HttpResponse<String> refused = office.post(verification(id, "waitan") + "/not-involved",
                Map.of("indicatorCode", REQUESTS, "reason", "  "));

        // then 400, the page again naming the indicator and the field in Chinese, the field marked, nothing saved
        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.select("#finding-errors").text()).contains("“不涉及”认定未保存", "指标 " + REQUESTS, "理由为必填项");
        assertThat(row(page, REQUESTS).select("form.grant-form textarea[name=reason]").attr("aria-invalid")).isEqualTo("true");
        assertThat(notInvolved.rulings(id, "waitan")).isEmpty();
        assertThat(audit.forCampaign(id)).hasSize(before);

        // and on an indicator the catalogue does not let be 不涉及, a reason does not help
        HttpResponse<String> notAllowed = office.post(verification(id, "waitan") + "/not-involved",
                Map.of("indicatorCode", "1.1", "reason", "单位认为不涉及"));
        assertThat(notAllowed.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(notAllowed.body()).select("#finding-errors").text())
                .contains("指标 1.1", "不适用“不涉及此项工作”");
        assertThat(row(Jsoup.parse(office.get(verification(id, "waitan")).body()), "1.1").select("form.grant-form")).isEmpty();
        assertThat(notInvolved.rulings(id, "waitan")).isEmpty();

        // and only the coordinator grants: the unit and the leaders are refused
        for (String other : List.of("waitan01", "leader01")) {
            assertThat(WebSession.login(port, other).post(verification(id, "waitan") + "/not-involved",
                    Map.of("indicatorCode", REQUESTS, "reason", "本年度未收到申请")).statusCode()).as(other).isEqualTo(403);
        }
        assertThat(notInvolved.rulings(id, "waitan")).isEmpty();
    }

    @Test
    void aUnitsChangeRequestReachesTheOfficeIsAuditedAndTheAnswerReachesTheUnit() throws Exception {
        // given 外滩街道, which submitted without claiming 4.12, on its self-check page
        Long id = submitted(List.of("waitan"), Set.of());
        WebSession unit = WebSession.login(port, "waitan01");
        Document selfCheck = Jsoup.parse(unit.get("/app/self-check/" + id + "/waitan").body());
        assertThat(selfCheck.select("a[href^=/app/claim-changes/" + id + "/waitan]")).isNotEmpty();

        // when it asks, with its reason, for 4.12 to be priced as not involved
        HttpResponse<String> filed = unit.post(claimChanges(id, "waitan"),
                Map.of("indicatorCode", REQUESTS, "reason", "本年度未收到依申请公开件"));

        // then the request is saved and audited as the unit's, and the office is told
        assertThat(filed.statusCode()).isEqualTo(302);
        ClaimChangeRequest request = notInvolved.requests(id, "waitan").get(0);
        assertThat(request.isOpen()).isTrue();
        assertThat(request.notInvolved()).isTrue();
        assertThat(entries(id, "not_involved waitan " + REQUESTS)).singleElement().satisfies(e -> {
            assertThat(e.getAction()).isEqualTo("REQUEST");
            assertThat(e.getActor()).isEqualTo("waitan01");
            assertThat(e.getReason()).isEqualTo("本年度未收到依申请公开件");
        });
        WebSession office = WebSession.login(port, "office01");
        assertThat(Jsoup.parse(office.get("/app/notifications").body()).text())
                .contains("外滩街道申请更改指标 " + REQUESTS, "本年度未收到依申请公开件");
        assertThat(Jsoup.parse(office.get("/app/campaigns/" + id + "/audit").body()).text())
                .contains("“不涉及”申报", "单位申请更改", "本年度未收到依申请公开件");
        // and she sees it, open, on the verification page, with the forms to answer it
        Element open = Jsoup.parse(office.get(verification(id, "waitan")).body()).getElementById("request-" + request.id());
        assertThat(open.text()).contains("待办理", REQUESTS, "本年度未收到依申请公开件");
        assertThat(open.select("button[name=decision]").eachAttr("value")).containsExactly("GRANT", "REFUSE");

        // when she answers without a reason, it is refused naming the field; with one, it is granted
        HttpResponse<String> blank = office.post(verification(id, "waitan") + "/claim-changes/" + request.id(),
                Map.of("decision", "GRANT", "reason", ""));
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(blank.body()).select("#finding-errors").text()).contains("理由为必填项");
        assertThat(notInvolved.requests(id, "waitan").get(0).isOpen()).isTrue();
        HttpResponse<String> granted = office.post(verification(id, "waitan") + "/claim-changes/" + request.id(),
                Map.of("decision", "GRANT", "reason", "经核实本年度未收到申请"));
        assertThat(granted.statusCode()).isEqualTo(302);

        // then the unit is told, reads the answer on its page, and 4.12 is priced as not involved
        assertThat(Jsoup.parse(unit.get("/app/notifications").body()).text())
                .contains("区政府办公室同意外滩街道关于指标 " + REQUESTS, "经核实本年度未收到申请");
        Element answered = row(Jsoup.parse(unit.get(claimChanges(id, "waitan")).body()), REQUESTS);
        assertThat(answered.text()).contains("不涉及（区政府办公室认定）", "已同意", "经核实本年度未收到申请");
        assertThat(indicator(scoring.currentSheet(id, "waitan"), REQUESTS).notInvolved()).isTrue();
        assertThat(entries(id, "not_involved waitan " + REQUESTS)).extracting(AuditEntry::getAction)
                .containsExactlyInAnyOrder("REQUEST", "GRANT_REQUEST");
    }

    @Test
    void aRefusedRequestChangesNothingAndAGrantedWithdrawalPricesTheIndicatorAsInvolved() throws Exception {
        // given 外滩街道, which claimed 不涉及 on 4.12 and 3.4 in its submitted self-check
        Long id = submitted(List.of("waitan"), Set.of(REQUESTS, "3.4"));
        WebSession unit = WebSession.login(port, "waitan01");
        WebSession office = WebSession.login(port, "office01");
        assertThat(indicator(scoring.currentSheet(id, "waitan"), "3.4").notInvolved()).isTrue();

        // when it asks to withdraw both claims and the office refuses one and grants the other
        for (String code : List.of(REQUESTS, "3.4")) {
            assertThat(unit.post(claimChanges(id, "waitan"), Map.of("indicatorCode", code, "reason", "误报不涉及"))
                    .statusCode()).isEqualTo(302);
        }
        Map<String, Long> requests = new LinkedHashMap<>();
        notInvolved.requests(id, "waitan").forEach(r -> requests.put(r.indicatorCode(), r.id()));
        assertThat(office.post(verification(id, "waitan") + "/claim-changes/" + requests.get(REQUESTS),
                Map.of("decision", "REFUSE", "reason", "单位确未收到申请，维持不涉及")).statusCode()).isEqualTo(302);
        assertThat(office.post(verification(id, "waitan") + "/claim-changes/" + requests.get("3.4"),
                Map.of("decision", "GRANT", "reason", "同意撤回，按实际情况评分")).statusCode()).isEqualTo(302);

        // then the refused claim stands, the withdrawn one is priced as involved, and both answers are audited
        ScoreSheet current = scoring.currentSheet(id, "waitan");
        assertThat(indicator(current, REQUESTS).notInvolved()).isTrue();
        assertThat(indicator(current, "3.4").notInvolved()).isFalse();
        assertThat(entries(id, "not_involved waitan " + REQUESTS)).extracting(AuditEntry::getAction).contains("REFUSE_REQUEST");
        assertThat(entries(id, "not_involved waitan 3.4")).extracting(AuditEntry::getAction).contains("GRANT_REQUEST");
        assertThat(Jsoup.parse(unit.get("/app/notifications").body()).text())
                .contains("区政府办公室不同意外滩街道关于指标 " + REQUESTS, "单位确未收到申请，维持不涉及");
        // and an answered request cannot be answered again
        HttpResponse<String> again = office.post(verification(id, "waitan") + "/claim-changes/" + requests.get(REQUESTS),
                Map.of("decision", "GRANT", "reason", "改为同意"));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(again.body()).select("#finding-errors").text()).contains("该申请已办理（不同意）");
    }

    @Test
    void anotherUnitCanNeitherFileNorSeeTheRequestAndOnlyTheCoordinatorAnswersIt() throws Exception {
        // given 外滩街道's open request, in a campaign with 豫园街道
        Long id = submitted(List.of("waitan", "yuyuan"), Set.of());
        ClaimChangeRequest request = notInvolved.file(id, "waitan", REQUESTS, "本年度未收到依申请公开件", "waitan01");
        WebSession other = WebSession.login(port, "yuyuan01");

        // when 豫园街道 opens or posts to 外滩街道's page, or opens the office's verification page
        // then the page looks like one that does not exist, and the verification page is the office's
        assertThat(other.get(claimChanges(id, "waitan")).statusCode()).isEqualTo(404);
        assertThat(other.post(claimChanges(id, "waitan"), Map.of("indicatorCode", "3.4", "reason", "代为申请"))
                .statusCode()).isEqualTo(404);
        assertThat(other.get(verification(id, "waitan")).statusCode()).isEqualTo(403);
        // and nothing of the request shows on its own page or among its notifications
        HttpResponse<String> own = other.get(claimChanges(id, "yuyuan"));
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).doesNotContain("本年度未收到依申请公开件");
        assertThat(other.get("/app/notifications").body()).doesNotContain("本年度未收到依申请公开件");
        assertThat(notInvolved.requests(id, "waitan")).hasSize(1);
        assertThat(notInvolved.requests(id, "yuyuan")).isEmpty();

        // and only the coordinator answers: the unit itself, another unit, the leader and an evaluator are refused
        for (String user : List.of("waitan01", "yuyuan01", "leader01", "eval-finance")) {
            assertThat(WebSession.login(port, user).post(verification(id, "waitan") + "/claim-changes/" + request.id(),
                    Map.of("decision", "GRANT", "reason", "同意")).statusCode()).as(user).isEqualTo(403);
        }
        // and only the unit files: the office answers requests but does not file them
        assertThat(WebSession.login(port, "office01").post(claimChanges(id, "waitan"),
                Map.of("indicatorCode", "3.4", "reason", "代为申请")).statusCode()).isEqualTo(403);
        assertThat(notInvolved.requests(id, "waitan")).singleElement().satisfies(r -> assertThat(r.isOpen()).isTrue());
    }

    @Test
    void aRequestWithoutAReasonOrBeforeSubmissionIsRefusedNamingTheField() throws Exception {
        // given a unit that submitted, and one whose self-check is still open
        Long id = submitted(List.of("waitan"), Set.of());
        Long draft = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER).id();
        driver.runJobs();
        WebSession unit = WebSession.login(port, "waitan01");

        // when it files without a reason, then 400 names the field, keeps the page and saves nothing
        HttpResponse<String> blank = unit.post(claimChanges(id, "waitan"), Map.of("indicatorCode", REQUESTS, "reason", " "));
        assertThat(blank.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(blank.body());
        assertThat(page.select("#request-errors").text()).contains("指标 " + REQUESTS, "理由为必填项");
        assertThat(row(page, REQUESTS).select("textarea[name=reason]").attr("aria-invalid")).isEqualTo("true");
        assertThat(notInvolved.requests(id, "waitan")).isEmpty();

        // and before submission the self-check itself is where 不涉及 is claimed
        HttpResponse<String> early = unit.post(claimChanges(draft, "waitan"),
                Map.of("indicatorCode", REQUESTS, "reason", "本年度未收到申请"));
        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(early.body()).select("#request-errors").text()).contains("尚未提交自查");
        assertThat(notInvolved.requests(draft, "waitan")).isEmpty();
    }

    /** A campaign whose units filled in every indicator (不涉及 on {@code claims}) and submitted. */
    private Long submitted(List<String> units, Set<String> claims) {
        Long id = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null, units,
                List.of("FINANCE")), CampaignBots.COORDINATOR_USER).id();
        driver.runJobs();
        for (String unit : units) {
            Map<String, Draft> drafts = new LinkedHashMap<>();
            for (Indicator indicator : selfChecks.catalogue(id).indicators()) {
                drafts.put(indicator.code(), claims.contains(indicator.code()) ? new Draft(null, null, true)
                        : new Draft("已按要求完成" + indicator.name() + "相关工作。",
                        "https://www.shhuangpu.gov.cn/zw/" + unit + "/" + indicator.code(), false));
            }
            selfChecks.saveDraft(id, unit, drafts, CampaignBots.unitUser(unit));
            bots.submitSelfCheck(id, unit);
        }
        driver.runJobs();
        return id;
    }

    private List<AuditEntry> entries(Long id, String subject) {
        return audit.forCampaign(id).stream().filter(e -> e.getSubject().equals(subject)).toList();
    }

    private static String verification(Long id, String unit) {
        return "/app/verification/" + id + "/" + unit;
    }

    private static String claimChanges(Long id, String unit) {
        return "/app/claim-changes/" + id + "/" + unit;
    }

    private static Element row(Document page, String code) {
        return page.getElementById("i-" + code);
    }

    private static ScoreSheet.IndicatorScore indicator(ScoreSheet sheet, String code) {
        return sheet.indicators().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
    }

    private static JsonNode indicator(JsonNode sheet, String code) {
        for (JsonNode indicator : sheet.path("indicators")) {
            if (indicator.path("code").asText().equals(code)) {
                return indicator;
            }
        }
        throw new AssertionError("no indicator " + code + " in " + sheet);
    }
}
