package cn.huangpu.assessment.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.huangpu.assessment.audit.AuditLog;
import cn.huangpu.assessment.audit.internal.AuditEntry;
import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.CampaignStates;
import cn.huangpu.assessment.campaign.LaterStage;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.deadline.DeadlineLength;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.rectification.RectificationScenario.PlannedFinding;
import cn.huangpu.assessment.rectification.RectificationScenario.PlannedValue;
import cn.huangpu.assessment.security.Groups;
import cn.huangpu.assessment.support.H2IntegrationTest;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.verification.FindingKind;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.DeadlineProcess;
import cn.huangpu.assessment.workflow.RectificationProcess;
import com.fasterxml.jackson.databind.node.BooleanNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Rectification after publication on the real models (RectificationLaunch, UnitRectification, Deadline) with the
 * engine clock moved: items from findings and deductions, no task for a unit that lost nothing, reported, sent back
 * and reported again, overdue and extended, closed unfixed.
 */
@H2IntegrationTest
class RectificationProcessTests {

    /** A Monday in a year whose working days are entered, so that 20 working days after it can be counted. */
    static final Instant PUBLICATION = Instant.parse("2026-03-02T01:00:00Z");

    @Autowired RectificationScenario scenario;
    @Autowired RectificationService rectification;
    @Autowired RectificationTracking tracking;
    @Autowired CampaignService campaigns;
    @Autowired CampaignStates states;
    @Autowired CampaignBots bots;
    @Autowired ProcessDriver driver;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired AuditLog audit;
    @Autowired RectificationSettings settings;
    @Autowired PreviousRectification previous;
    @Autowired RectificationStage stage;
    @Autowired cn.huangpu.assessment.campaign.process.CampaignStarter starter;
    @Autowired cn.huangpu.assessment.catalogue.Catalogues catalogues;
    @Autowired cn.huangpu.assessment.results.CampaignScoring scoring;
    @Autowired cn.huangpu.assessment.evaluation.EvaluationService evaluation;

    @BeforeEach
    void clockAtPublication() {
        ClockUtil.setCurrentTime(Date.from(PUBLICATION));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /** 外滩街道: a broken link on 1.1 and no work plan (1.5); 区财政局: two stale items on 1.6; 豫园街道: nothing. */
    private CampaignInfo published() {
        return scenario.published(List.of("waitan", "czj", "yuyuan"), List.of(
                new PlannedFinding("waitan", "1.1", "missingOrStaleItems", FindingKind.BROKEN_LINK, "机构职能页面打不开",
                        "https://www.shhuangpu.gov.cn/zw/waitan/jgzn"),
                new PlannedFinding("czj", "1.6", "missingStaleOrBrokenItems", FindingKind.STALE, "预算公开未更新\n决算公开未更新", null)),
                List.of(new PlannedValue("waitan", "1.5", "workPlanMissing", BooleanNode.TRUE)));
    }

    @Test
    void itemsComeFromFindingsAndDeductionsAndAUnitThatLostNothingGetsNoTask() {
        // given a campaign whose results are published
        CampaignInfo campaign = published();
        Long id = campaign.id();

        // then 外滩街道 has an item for its finding (with its link and points) and one for the deduction on 1.5
        List<RectificationItem> waitan = rectification.items(id, "waitan");
        assertThat(waitan).extracting(RectificationItem::indicatorCode, RectificationItem::origin, RectificationItem::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1.1", "FINDING", ItemStatus.OPEN),
                        org.assertj.core.groups.Tuple.tuple("1.5", "DEDUCTION", ItemStatus.OPEN));
        assertThat(waitan.get(0).findingUrl()).isEqualTo("https://www.shhuangpu.gov.cn/zw/waitan/jgzn");
        assertThat(waitan.get(0).findingText()).contains("机构职能页面打不开");
        assertThat(waitan.get(0).points()).isEqualByComparingTo("1");
        assertThat(waitan.get(1).criterion()).isNotBlank();
        assertThat(waitan.get(1).points()).isPositive();
        // a finding of two listed items is one item at stake for both
        assertThat(rectification.items(id, "czj")).singleElement().satisfies(item -> {
            assertThat(item.indicatorCode()).isEqualTo("1.6");
            assertThat(item.points()).isEqualByComparingTo("2");
        });
        // and 豫园街道, which lost nothing, has no item and no task
        assertThat(rectification.items(id, "yuyuan")).isEmpty();
        assertThat(rectification.stage(id, "yuyuan").status()).isEqualTo(UnitStage.Status.NONE);
        assertThat(RectificationProcess.tasks(taskService, id, "yuyuan").count()).isZero();

        // and 外滩街道's task is in its inbox, named after it, due the deadline setting after publication (20 days in
        // the test profile; 20 working days by default)
        Task task = RectificationProcess.tasks(taskService, id, "waitan").singleResult();
        assertThat(task.getName()).isEqualTo("落实整改：外滩街道");
        assertThat(taskService.getIdentityLinksForTask(task.getId())).anySatisfy(link ->
                assertThat(link.getGroupId()).isEqualTo(Groups.unit("waitan")));
        Instant due = campaigns.dueAfter(campaigns.get(id).publishedAt(), settings.deadline());
        assertThat(settings.deadline()).isEqualTo(DeadlineLength.calendarDays(20));
        assertThat(due).isEqualTo(Instant.parse("2026-03-22T15:59:00Z"));
        assertThat(task.getDueDate().toInstant()).isEqualTo(due);
        // the campaign shows that rectification is running; generation is audited
        assertThat(states.label(campaigns.get(id))).isEqualTo("已公布（整改中）");
        assertThat(audit.forCampaign(id)).extracting(AuditEntry::getSubject, AuditEntry::getAction)
                .contains(org.assertj.core.groups.Tuple.tuple("rectification waitan", "GENERATE"));
        // and, launched, rectification is no longer a stage ahead for the dashboard's calendar warning
        assertThat(stage.planned(campaigns.get(id), PUBLICATION)).isEmpty();
    }

    @Test
    void beforePublicationRectificationIsAheadFromTheResultsDueDateOrFromNowOnceThatHasPassed() {
        // given a campaign still running, its results due on 15 December 2026
        Instant resultsDue = Instant.parse("2026-12-15T15:59:00Z");
        CampaignInfo campaign = campaigns.open(new OpenCampaign(
                TestUsers.freshYear(), 2023, Instant.parse("2026-11-20T15:59:00Z"),
                Instant.parse("2026-11-20T15:59:00Z"), Instant.parse("2026-12-08T15:59:00Z"), resultsDue,
                List.of("waitan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER, true);

        // then the dashboard is told it starts at that date and lasts the deadline setting
        assertThat(stage.planned(campaign, Instant.parse("2026-12-01T00:00:00Z")))
                .contains(new LaterStage.Planned(resultsDue, settings.deadline()));
        // and, once the date has passed without publication, from now
        Instant late = Instant.parse("2026-12-20T02:00:00Z");
        assertThat(stage.planned(campaign, late))
                .contains(new LaterStage.Planned(late, settings.deadline()));
    }

    @Test
    void aFixSentBackIsReportedAgainAndTheRectificationEndsWhenEveryItemIsAccepted() {
        // given 外滩街道's published items
        Long id = published().id();
        List<RectificationItem> items = rectification.items(id, "waitan");

        // when it completes its task before reporting, through the task API as the Tasklist would
        // then it is refused with the items named, and the task stays
        assertThatThrownBy(() -> completeAsUnit(id)).hasMessageContaining("整改情况尚未报告完整").hasMessageContaining("尚未报告整改情况");
        // a fix without evidence is refused too
        rectification.report(id, "waitan", items.get(0).id(), new RectificationService.Report("FIXED", "已修复链接", null, null), "waitan01");
        rectification.report(id, "waitan", items.get(1).id(), new RectificationService.Report("FIXED", "已公开工作方案",
                "https://www.shhuangpu.gov.cn/zw/waitan/plan", null), "waitan01");
        assertThatThrownBy(() -> completeAsUnit(id)).hasMessageContaining("已整改的须给出证明链接或附件");

        // when it reports both fixed and hands them in
        rectification.report(id, "waitan", items.get(0).id(), new RectificationService.Report("FIXED", "已修复链接",
                "https://www.shhuangpu.gov.cn/zw/waitan/jgzn", null), "waitan01");
        completeAsUnit(id);
        driver.runJobs();

        // then the office reviews: it may not complete before deciding on each
        assertThat(rectification.items(id, "waitan")).extracting(RectificationItem::status)
                .containsOnly(ItemStatus.REPORTED);
        Task review = RectificationProcess.tasks(taskService, id, "waitan").singleResult();
        assertThat(review.getTaskDefinitionKey()).isEqualTo(RectificationProcess.REVIEW);
        assertThat(review.getName()).isEqualTo("复核整改：外滩街道");
        assertThatThrownBy(() -> completeReview(id)).hasMessageContaining("未复核");

        // when it accepts one and sends the other back with a reason
        rectification.accept(id, "waitan", items.get(0).id(), CampaignBots.COORDINATOR_USER);
        assertThatThrownBy(() -> rectification.sendBack(id, "waitan", items.get(1).id(), " ", CampaignBots.COORDINATOR_USER))
                .hasMessageContaining("未保存");
        rectification.sendBack(id, "waitan", items.get(1).id(), "工作方案链接指向旧版", CampaignBots.COORDINATOR_USER);
        completeReview(id);
        driver.runJobs();

        // then only the sent-back item is open for the unit again, in a new 落实整改
        assertThat(RectificationProcess.tasks(taskService, id, "waitan").singleResult().getTaskDefinitionKey())
                .isEqualTo(RectificationProcess.RECTIFY);
        assertThat(rectification.items(id, "waitan")).extracting(RectificationItem::status)
                .containsExactly(ItemStatus.FIXED, ItemStatus.SENT_BACK);

        // when it reports again and the office accepts
        rectification.report(id, "waitan", items.get(1).id(), new RectificationService.Report("FIXED", "已更新为新版",
                "https://www.shhuangpu.gov.cn/zw/waitan/plan2026", null), "waitan01");
        completeAsUnit(id);
        driver.runJobs();
        rectification.accept(id, "waitan", items.get(1).id(), CampaignBots.COORDINATOR_USER);
        completeReview(id);
        driver.runJobs();

        // then its rectification is done: every item fixed, no process left, its record shows both on time
        assertThat(rectification.items(id, "waitan")).extracting(RectificationItem::status)
                .containsOnly(ItemStatus.FIXED);
        assertThat(rectification.items(id, "waitan").get(1).sendBacks()).isEqualTo(1);
        assertThat(rectification.stage(id, "waitan").status()).isEqualTo(UnitStage.Status.DONE);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(RectificationProcess.KEY)
                .variableValueEquals(CampaignProcess.CAMPAIGN_ID, id).variableValueEquals("unitCode", "waitan").count()).isZero();
        assertThat(tracking.record(id, "waitan")).get().satisfies(r -> {
            assertThat(r.fixedOnTime()).isEqualTo(2);
            assertThat(r.daysOverdue()).isZero();
        });
        // and every step is in the audit trail
        assertThat(audit.forCampaign(id)).extracting(AuditEntry::getAction)
                .contains("REPORT", "HAND_IN", "ACCEPT", "SEND_BACK", "FINISH");
    }

    @Test
    void anOverdueRectificationIsChasedAndExtended() {
        // given 外滩街道's open rectification
        Long id = published().id();
        Instant due = rectification.stage(id, "waitan").due();

        // when its deadline passes
        ClockUtil.setCurrentTime(Date.from(due.plus(Duration.ofMinutes(5))));
        driver.runJobs();

        // then it is overdue and the office has the chase
        assertThat(rectification.stage(id, "waitan").overdue()).isTrue();
        Task chase = bots.as(CampaignBots.COORDINATOR_USER, List.of(Groups.COORDINATOR), () ->
                taskService.createTaskQuery().processDefinitionKey(DeadlineProcess.KEY)
                        .processVariableValueEquals(CampaignProcess.CAMPAIGN_ID, id)
                        .processVariableValueEquals(DeadlineProcess.SUBJECT_CODE, "waitan").singleResult());
        assertThat(chase.getName()).isEqualTo("督促逾期整改：外滩街道");
        // (区财政局's deadline passed as well)
        assertThat(tracking.overview(id).overdueUnits()).isEqualTo(2);

        // when the office extends it by ten days
        Instant newDue = due.plus(Duration.ofDays(10));
        bots.chase(id, "waitan", Map.of(DeadlineProcess.CHASE_DECISION, DeadlineProcess.EXTEND,
                DeadlineProcess.NEW_DUE_DATE, Date.from(newDue), DeadlineProcess.CHASE_REASON, "单位申请延期"));
        driver.runJobs();

        // then the unit's task and its rectification carry the new deadline, no longer overdue, and it is audited
        assertThat(RectificationProcess.tasks(taskService, id, "waitan").singleResult().getDueDate().toInstant())
                .isEqualTo(newDue);
        assertThat(rectification.stage(id, "waitan").due()).isEqualTo(newDue);
        assertThat(rectification.stage(id, "waitan").overdue()).isFalse();
        assertThat(audit.forCampaign(id)).anySatisfy(e -> {
            assertThat(e.getSubject()).isEqualTo("rectification_due waitan");
            assertThat(e.getAction()).isEqualTo("EXTEND");
            assertThat(e.getReason()).isEqualTo("单位申请延期");
        });
    }

    @Test
    void anOverdueRectificationClosedByTheOfficeClosesItsOpenItemsUnfixed() {
        // given 外滩街道's open rectification, its deadline passed
        Long id = published().id();
        Instant due = rectification.stage(id, "waitan").due();
        ClockUtil.setCurrentTime(Date.from(due.plus(Duration.ofDays(3))));
        driver.runJobs();

        // when the office closes it
        bots.closeOverdue(id, "waitan", "逾期未报送整改情况");
        driver.runJobs();

        // then its items are closed unfixed with the reason, its process ended, and its record says so
        assertThat(rectification.items(id, "waitan")).allSatisfy(item -> {
            assertThat(item.status()).isEqualTo(ItemStatus.CLOSED_UNFIXED);
            assertThat(item.decisionReason()).contains("逾期未报送整改情况");
        });
        assertThat(RectificationProcess.tasks(taskService, id, "waitan").count()).isZero();
        assertThat(rectification.stage(id, "waitan").status()).isEqualTo(UnitStage.Status.DONE);
        assertThat(tracking.record(id, "waitan")).get().satisfies(r -> {
            assertThat(r.closedUnfixed()).isEqualTo(2);
            assertThat(r.fixedOnTime()).isZero();
            assertThat(r.daysOverdue()).isEqualTo(3);
        });
        // 区财政局 still rectifies, so the campaign is still 已公布（整改中）
        assertThat(states.label(campaigns.get(id))).isEqualTo("已公布（整改中）");
    }

    @Test
    void anItemTheOfficeAddsToAUnitThatLostNothingOpensATaskAndRemovalNeedsAReason() {
        // given 豫园街道, which lost nothing
        Long id = published().id();

        // when the office adds an item (问题通报) to it
        RectificationItem added = rectification.add(id, "yuyuan", "2.2", "政策解读未与政策文件同步发布", null, "0.5",
                CampaignBots.COORDINATOR_USER);
        driver.runJobs();

        // then the unit gets its task with the item
        assertThat(RectificationProcess.tasks(taskService, id, "yuyuan").singleResult().getName()).isEqualTo("落实整改：豫园街道");
        assertThat(rectification.items(id, "yuyuan")).extracting(RectificationItem::id).containsExactly(added.id());

        // and a removal without a reason is refused, one with a reason is audited
        assertThatThrownBy(() -> rectification.remove(id, "yuyuan", added.id(), "", CampaignBots.COORDINATOR_USER))
                .hasMessageContaining("未保存");
        rectification.remove(id, "yuyuan", added.id(), "重复通报", CampaignBots.COORDINATOR_USER);
        assertThat(rectification.items(id, "yuyuan")).singleElement().extracting(RectificationItem::status)
                .isEqualTo(ItemStatus.REMOVED);
        assertThat(audit.forCampaign(id)).extracting(AuditEntry::getAction, AuditEntry::getReason)
                .contains(org.assertj.core.groups.Tuple.tuple("REMOVE", "重复通报"));
        assertThat(audit.forCampaign(id)).extracting(AuditEntry::getAction).contains("ADD");
        assertThat(new BigDecimal("0.50")).isEqualByComparingTo(added.points());
    }

    @Test
    void aLaterCampaignsInputFor55ShowsEachUnitsRecordWithTheCataloguesSuggestionAndTheSheetCitesIt() {
        // given a published campaign: 外滩街道's two items closed unfixed three days late, 豫园街道 with nothing to fix,
        // 区财政局 still rectifying
        Long id = published().id();
        ClockUtil.setCurrentTime(Date.from(rectification.stage(id, "waitan").due().plus(Duration.ofDays(3))));
        driver.runJobs();
        bots.closeOverdue(id, "waitan", "逾期未报送整改情况");
        driver.runJobs();

        // when the next campaign opens
        CampaignInfo next = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan", "czj", "yuyuan"), List.of()), CampaignBots.COORDINATOR_USER);
        driver.runJobs();
        Catalogue catalogue = catalogues.forYear(2023).orElseThrow();
        Map<String, PreviousRectification.Suggested> suggested = previous.suggestions(next, catalogue).get("5.5/rectification");

        // then 5.5's input shows each unit's record and the score the catalogue's rule suggests
        int year = campaigns.get(id).year();
        assertThat(suggested.get("waitan").points()).isEqualByComparingTo("0");
        assertThat(suggested.get("waitan").lines()).containsExactly(
                year + "年度整改情况：整改项2项，按期整改0项（按期整改率0%），未整改关闭2项，逾期3天", "按指标目录规则建议得分：0分");
        assertThat(suggested.get("yuyuan").points()).isEqualByComparingTo("1");
        assertThat(suggested.get("yuyuan").lines()).first().isEqualTo(year + "年度整改情况：无整改项");
        assertThat(suggested.get("czj").lines().get(0)).endsWith("（整改尚未结束）");
        // and when the office decides (here below the suggestion), the unit's sheet cites the record under 5.5's line
        evaluation.record(next.id(), Catalogue.OFFICE, List.of(new cn.huangpu.assessment.evaluation.FactEntry("waitan",
                "5.5", "rectification", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                        .put("score", 0).put("reason", "上一年度整改项均未整改"), "上一年度整改项均未整改")), true,
                CampaignBots.COORDINATOR_USER);
        assertThat(scoring.currentSheet(next.id(), "waitan").indicator("5.5").explanation())
                .anySatisfy(line -> {
                    assertThat(line.text()).contains("0分，理由：上一年度整改项均未整改");
                    assertThat(line.details()).containsExactlyElementsOf(suggested.get("waitan").lines());
                });
    }

    @Test
    void thePublicResultsShowNoRectificationStatusByDefault() {
        // given a published campaign whose units rectify
        Long id = published().id();

        // then the public page's rectification column stays off (a setting, off by default)
        assertThat(settings.showOnPublicPage()).isFalse();
        assertThat(tracking.publicStatus(id)).isEmpty();
    }

    private void completeAsUnit(Long id) {
        bots.complete("waitan01", List.of(Groups.unit("waitan")), RectificationProcess.RECTIFY,
                RectificationProcess.tasks(taskService, id, "waitan"), Map.of(RectificationProcess.CONFIRM_REPORTED, true));
    }

    private void completeReview(Long id) {
        bots.complete(CampaignBots.COORDINATOR_USER, List.of(Groups.COORDINATOR), RectificationProcess.REVIEW,
                RectificationProcess.tasks(taskService, id, "waitan"), Map.of(RectificationProcess.CONFIRM_REVIEWED, true));
    }
}
