package cn.huangpu.assessment.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.EvaluatorParticipation;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.catalogue.Indicator;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.notification.Notification;
import cn.huangpu.assessment.notification.NotificationService;
import cn.huangpu.assessment.results.CampaignScoring;
import cn.huangpu.assessment.scoring.ScoreSheet;
import cn.huangpu.assessment.security.Groups;
import cn.huangpu.assessment.selfcheck.SelfCheckService;
import cn.huangpu.assessment.selfcheck.SelfCheckService.Draft;
import cn.huangpu.assessment.support.H2IntegrationTest;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.verification.FindingKind;
import cn.huangpu.assessment.verification.VerificationService;
import cn.huangpu.assessment.verification.VerificationService.NewFinding;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.workflow.SpecialistEvaluationProcess;
import cn.huangpu.assessment.workflow.UnitAssessmentProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 20, case 1: 淮海中路街道 claims 不涉及 on 3.4 (区热线办) and 1.3 (区发展改革委, 区市场监管局), and the office records
 * “不涉及”不成立 on both. The claim then no longer prices the indicators, so their inputs are needed from their owners:
 * an evaluator that has not delivered is refused delivery without them, and one that already delivered gets a notice
 * and its grid reopens exactly those cells for a late entry (补录), which the sheet names.
 */
@H2IntegrationTest
@AutoConfigureMockMvc
class RejectedClaimTests {

    static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final String UNIT = "huaihaizhonglu";
    static final String OTHER = "waitan";

    @Autowired CampaignStarter starter;
    @Autowired CampaignService campaigns;
    @Autowired SelfCheckService selfChecks;
    @Autowired VerificationService verification;
    @Autowired cn.huangpu.assessment.verification.NotInvolvedService claims;
    @Autowired EvaluationService evaluation;
    @Autowired CampaignScoring scoring;
    @Autowired NotificationService notifications;
    @Autowired CampaignBots bots;
    @Autowired ProcessDriver driver;
    @Autowired TaskService taskService;
    @Autowired MockMvc mvc;
    Long campaign;

    @BeforeEach
    void openCampaignAndSubmitTheClaims() {
        campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of(UNIT, OTHER), List.of("HOTLINE", "DRC", "MARKET")), CampaignBots.COORDINATOR_USER).id();
        driver.runJobs();
        // 淮海中路街道 claims 不涉及 on 3.4 and 1.3 and answers everything else; 外滩街道 answers everything
        fillSelfCheck(UNIT, Set.of("3.4", "1.3"));
        fillSelfCheck(OTHER, Set.of());
        bots.submitSelfCheck(campaign, UNIT);
        bots.submitSelfCheck(campaign, OTHER);
        driver.runJobs();
    }

    @Test
    void aRejectedClaimIsNeededFromEachEvaluatorBeforeItDelivers() {
        // given the office rejects both claims and completes the verification of 淮海中路街道
        reject("3.4");
        reject("1.3");
        completeVerification(UNIT);
        completeVerification(OTHER);

        // when each evaluator enters every value its grid asked for before the rejection (the unit's claimed
        // indicators left out, as they were not needed then) and completes its task
        for (String evaluator : List.of("HOTLINE", "DRC", "MARKET")) {
            enterAllBut(evaluator, Set.of("3.4", "1.3"));
            Throwable refused = catchThrowable(() -> deliver(evaluator));

            // then each delivery is refused, naming the unit, the indicator and the input it still owes
            assertThat(refused).as(evaluator).isNotNull().hasMessageContaining("评估结果尚未录入完整")
                    .hasMessageContaining("淮海中路街道").hasMessageContaining("“不涉及”不成立");
            assertThat(evaluation.missing(campaign, evaluator)).as(evaluator).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.reason()).startsWith("淮海中路街道："));
        }
        assertThat(evaluation.missing(campaign, "HOTLINE")).singleElement()
                .satisfies(e -> assertThat(e.indicator()).isEqualTo("3.4"));
        assertThat(evaluation.missing(campaign, "DRC")).singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("doublePublicityPublished"));
        assertThat(evaluation.missing(campaign, "MARKET")).singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("randomInspectionPublished"));
        assertThat(campaigns.evaluator(campaign, "HOTLINE").status()).isEqualTo(EvaluatorParticipation.Status.PENDING);

        // and once the hotline enters its judgement of 淮海中路街道, it delivers
        evaluation.record(campaign, "HOTLINE", List.of(new FactEntry(UNIT, "3.4", "messageHandling",
                judgement(1.5, "转办留言按时办结，个别答复不够规范"), null)), false, "eval-hotline");
        deliver("HOTLINE");
        assertThat(campaigns.evaluator(campaign, "HOTLINE").status()).isEqualTo(EvaluatorParticipation.Status.DELIVERED);
    }

    @Test
    void aClaimRejectedAfterDeliveryReopensExactlyItsCellsForALateEntry() throws Exception {
        // given the hotline delivered with 淮海中路街道's 3.4 left out, as the unit's claim allowed
        enterAllBut("HOTLINE", Set.of("3.4"));
        deliver("HOTLINE");
        assertThat(campaigns.evaluator(campaign, "HOTLINE").status()).isEqualTo(EvaluatorParticipation.Status.DELIVERED);
        assertThat(gridControls()).isEmpty();

        // when the office then records “不涉及”不成立 on 3.4
        reject("3.4");

        // then the hotline is told to enter it late, with a link to its grid
        assertThat(notifications.forCampaign(campaign)).filteredOn(n -> n.getKind() == Notification.Kind.LATE_ENTRY)
                .singleElement().satisfies(n -> {
                    assertThat(n.getRecipientGroup()).isEqualTo(Groups.evaluator("HOTLINE"));
                    assertThat(n.getMessage()).contains("请补录", "淮海中路街道", "3.4");
                });
        // and its grid has a control for that one cell, every other value still as text
        assertThat(gridControls()).containsExactly("v[" + UNIT + "|3.4/messageHandling]");
        // and until it is entered, 3.4 of 淮海中路街道 is outstanding for the hotline's late entry
        assertThat(scoring.outstanding(campaign, UNIT)).filteredOn(o -> o.indicatorCode().equals("3.4")).singleElement()
                .satisfies(o -> assertThat(o.ownerText()).isEqualTo("区热线办（专项评估补录）"));

        // and another of its values cannot be changed
        BadInputException closed = catchThrowableOfType(BadInputException.class, () -> evaluation.record(campaign,
                "HOTLINE", List.of(new FactEntry(OTHER, "3.4", "messageHandling", judgement(0.5, "改"), null)), false,
                "eval-hotline"));
        assertThat(closed.errors()).singleElement().satisfies(e -> assertThat(e.reason()).contains("不能再修改"));

        // when the hotline enters the late value
        evaluation.record(campaign, "HOTLINE", List.of(new FactEntry(UNIT, "3.4", "messageHandling",
                judgement(1.5, "转办留言按时办结，个别答复不够规范"), null)), false, "eval-hotline");

        // then the sheet prices it, says the claim was rejected and that the hotline entered the value after delivering
        ScoreSheet.IndicatorScore priced = scoring.currentSheet(campaign, UNIT).indicator("3.4");
        assertThat(priced.notInvolved()).isFalse();
        assertThat(priced.missingInputs()).isEmpty();
        assertThat(priced.explanation()).anySatisfy(line -> {
            assertThat(line.input()).contains("1.5分");
            assertThat(line.details()).anySatisfy(d -> assertThat(d)
                    .contains("单位申报“不涉及”，经网上核查不成立", "本项由区热线办在提交专项评估结果后补录"));
        });
        assertThat(scoring.outstanding(campaign, UNIT)).noneMatch(o -> o.indicatorCode().equals("3.4"));
    }

    @Test
    void aWithdrawalTheOfficeGrantsAfterDeliveryReopensItsCellsAsARejectionDoes() throws Exception {
        // given the hotline delivered with 淮海中路街道's 3.4 left out, as the unit's claim allowed
        enterAllBut("HOTLINE", Set.of("3.4"));
        deliver("HOTLINE");
        assertThat(gridControls()).isEmpty();

        // when the unit asks to withdraw its 不涉及 on 3.4 and the office grants it
        var request = claims.file(campaign, UNIT, "3.4", "本单位有热线办转办留言，申报有误", CampaignBots.unitUser(UNIT));
        claims.answer(campaign, UNIT, request.id(), true, "同意撤回", CampaignBots.COORDINATOR_USER);

        // then the hotline is told to enter it late, saying the claim was withdrawn, and its grid reopens that cell
        assertThat(notifications.forCampaign(campaign)).filteredOn(n -> n.getKind() == Notification.Kind.LATE_ENTRY)
                .singleElement().satisfies(n -> assertThat(n.getMessage()).contains("请补录", "撤回", "3.4"));
        assertThat(gridControls()).containsExactly("v[" + UNIT + "|3.4/messageHandling]");
        // and the sheet prices 3.4 as involved with its input still missing, not as not involved
        ScoreSheet.IndicatorScore priced = scoring.currentSheet(campaign, UNIT).indicator("3.4");
        assertThat(priced.notInvolved()).isFalse();
        assertThat(priced.missingInputs()).isNotEmpty();
    }

    private List<String> gridControls() throws Exception {
        String html = mvc.perform(get("/app/evaluation/" + campaign + "/HOTLINE").with(httpBasic("eval-hotline", "demo")))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(200))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Document page = Jsoup.parse(html);
        return page.select("main table#grid select[name^='v['], main table#grid input[name^='v[']").eachAttr("name");
    }

    private void fillSelfCheck(String unitCode, Set<String> notInvolved) {
        Map<String, Draft> drafts = new LinkedHashMap<>();
        for (Indicator indicator : selfChecks.catalogue(campaign).indicators()) {
            boolean claimed = notInvolved.contains(indicator.code());
            drafts.put(indicator.code(), new Draft(claimed ? null : "已按要求完成" + indicator.name() + "相关工作。",
                    claimed ? null : "https://www.shhuangpu.gov.cn/zw/" + unitCode + "/" + indicator.code(), claimed));
        }
        selfChecks.saveDraft(campaign, unitCode, drafts, CampaignBots.unitUser(unitCode));
    }

    private void reject(String indicatorCode) {
        verification.record(campaign, UNIT, new NewFinding(indicatorCode, null, FindingKind.NOT_INVOLVED_REJECTED,
                "该单位有此项工作，“不涉及”不成立", null), CampaignBots.COORDINATOR_USER);
    }

    private void completeVerification(String unitCode) {
        bots.complete(CampaignBots.COORDINATOR_USER, List.of(Groups.COORDINATOR), UnitAssessmentProcess.VERIFY,
                UnitAssessmentProcess.tasks(taskService, campaign, unitCode), Map.of("confirmVerified", true));
        driver.runJobs();
    }

    /** Enters every value the evaluator owns for both units, except 淮海中路街道's on the given indicators. */
    private void enterAllBut(String evaluator, Set<String> leftOut) {
        Catalogue catalogue = selfChecks.catalogue(campaign);
        List<FactEntry> entries = new ArrayList<>();
        for (String unit : List.of(UNIT, OTHER)) {
            for (Indicator indicator : catalogue.indicators()) {
                if (unit.equals(UNIT) && leftOut.contains(indicator.code())) {
                    continue;
                }
                indicator.inputs().stream().filter(in -> in.by().equals(evaluator)).forEach(in -> entries.add(
                        new FactEntry(unit, indicator.code(), in.name(), switch (in.type()) {
                            case JUDGEMENT -> judgement(1, "按完成情况评分");
                            case FLAG -> JSON.booleanNode(true);
                            default -> JSON.numberNode(0);
                        }, null)));
            }
        }
        evaluation.record(campaign, evaluator, entries, false, CampaignBots.evaluatorUser(evaluator));
    }

    private void deliver(String evaluator) {
        bots.complete(CampaignBots.evaluatorUser(evaluator), List.of(Groups.evaluator(evaluator)),
                SpecialistEvaluationProcess.DELIVER, SpecialistEvaluationProcess.tasks(taskService, campaign, evaluator),
                Map.of("confirmDelivered", true));
        driver.runJobs();
    }

    private static JsonNode judgement(double score, String reason) {
        return JSON.objectNode().put("score", score).put("reason", reason);
    }
}
