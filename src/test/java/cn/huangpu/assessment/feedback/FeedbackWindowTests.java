package cn.huangpu.assessment.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.catalogue.Input;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.directory.ReferenceData;
import cn.huangpu.assessment.evaluation.EvaluationService;
import cn.huangpu.assessment.evaluation.FactEntry;
import cn.huangpu.assessment.evaluation.FormValues;
import cn.huangpu.assessment.notification.Notification;
import cn.huangpu.assessment.notification.NotificationService;
import cn.huangpu.assessment.results.CampaignScoring;
import cn.huangpu.assessment.security.Groups;
import cn.huangpu.assessment.selfcheck.SelfCheckService.NewFile;
import cn.huangpu.assessment.support.H2IntegrationTest;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.DeadlineProcess;
import cn.huangpu.assessment.workflow.UnitFeedbackProcess;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The feedback window in the campaign process (processes/AssessmentCampaign.bpmn and UnitFeedback.bpmn) with the
 * engine clock moved: it opens for every unit, objections are accepted (rescoring the unit, audited) or rejected,
 * the deadline deems silent units to have no objection, a length of 0 skips it, and a leaders' send-back reopens it
 * or not as the campaign's rules say.
 */
@H2IntegrationTest
class FeedbackWindowTests {

    /** Monday 3 November 2025, 09:00 in Shanghai: five working days later is Monday 10 November (no holiday between). */
    static final Instant OPENED = OffsetDateTime.parse("2025-11-03T09:00:00+08:00").toInstant();
    static final Instant DUE = OffsetDateTime.parse("2025-11-10T23:59:00+08:00").toInstant();
    static final String OFFICE = CampaignBots.COORDINATOR_USER;

    @Autowired CampaignStarter starter;
    @Autowired CampaignService campaigns;
    @Autowired CampaignBots bots;
    @Autowired ProcessDriver driver;
    @Autowired FeedbackService feedback;
    @Autowired CampaignScoring scoring;
    @Autowired EvaluationService evaluation;
    @Autowired NotificationService notifications;
    @Autowired ReferenceData referenceData;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired JdbcTemplate jdbc;

    final Random random = new Random(18);

    @BeforeEach
    void noFixedClock() {
        ClockUtil.reset();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theWindowOpensForEveryUnitWithItsTaskDueAndReminder() {
        // given a campaign of three units with a window of five working days
        List<String> units = List.of("waitan", "yuyuan", "czj");
        Long id = campaignBeforeComprehensiveEvaluation(units, 5, "WORKING_DAYS", true);

        // when the office completes the comprehensive evaluation on Monday 3 November 2025
        evaluateComprehensively(id);

        // then every unit has 确认评估结果：<unit> in its own group's inbox, due on 10 November at 23:59
        for (String unit : units) {
            Task task = confirmTask(id, unit);
            assertThat(task.getName()).isEqualTo("确认评估结果：" + referenceData.unitName(unit));
            assertThat(task.getDueDate()).isEqualTo(Date.from(DUE));
            assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
                    .containsExactly(Groups.unit(unit));
            assertThat(bots.as(CampaignBots.unitUser(unit), List.of(Groups.unit(unit)),
                    () -> taskService.createTaskQuery().taskId(task.getId()).count())).isEqualTo(1);
            assertThat(bots.as("yuyuan01", List.of(Groups.unit("yuyuan")),
                    () -> taskService.createTaskQuery().taskId(task.getId()).count())).isEqualTo(unit.equals("yuyuan") ? 1 : 0);
        }
        // and the campaign waits for the window, with each unit's reminder one day before it closes
        assertThat(runtimeService.createExecutionQuery().activityId(CampaignProcess.WAIT_FEEDBACK_CONCLUDED).count())
                .isEqualTo(1);
        assertThat(campaignTask(id, CampaignProcess.APPROVE_GRADES)).isNull();
        assertThat(jdbc.queryForObject("select count(*) from act_ru_job j join act_ru_execution e on e.id_ = j.execution_id_"
                + " where e.act_id_ = ? and j.duedate_ = ?", Long.class, DeadlineProcess.REMINDER_DUE,
                Date.from(DUE.minusSeconds(86_400)))).isEqualTo(3);
        assertThat(feedback.isOpen(id)).isTrue();
        assertThat(feedback.progress(id)).get().satisfies(p -> {
            assertThat(p.units()).isEqualTo(3);
            assertThat(p.pending()).isEqualTo(3);
        });
    }

    @Test
    void anAcceptedObjectionChangesTheInputRescoresTheUnitAndIsAudited() {
        // given a window open for 外滩街道 and 豫园街道, and 外滩街道's objection on 2.3 with a file
        Long id = campaignBeforeComprehensiveEvaluation(List.of("waitan", "yuyuan"), 5, "WORKING_DAYS", true);
        evaluateComprehensively(id);
        long objection = feedback.saveObjection(id, "waitan", new FeedbackService.ObjectionDraft(null, "2.3",
                        "我单位2023年的政策解读包含图解和问答，评分未考虑", "https://www.shhuangpu.gov.cn/jd/1", null),
                List.of(new NewFile(null, "解读材料.pdf", "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII))),
                "waitan01");
        // (a 申请复核 without any objection is refused on the engine's completion route too)
        assertThatThrownBy(() -> answer(id, "yuyuan", UnitFeedbackProcess.OBJECT))
                .hasMessageContaining("申请复核须先在意见反馈页面填写至少一项复核申请");
        answer(id, "waitan", UnitFeedbackProcess.OBJECT);
        answer(id, "yuyuan", UnitFeedbackProcess.NO_OBJECTION);
        driver.runJobs();
        Task review = reviewTask(id, "waitan");
        assertThat(review.getName()).isEqualTo("复核异议：外滩街道");
        // (复核 cannot be completed while the objection is not ruled)
        assertThatThrownBy(() -> bots.as(OFFICE, List.of(Groups.COORDINATOR), () -> {
            taskService.complete(review.getId(), Map.of(UnitFeedbackProcess.CONFIRM_REVIEW, true));
            return null;
        })).hasMessageContaining("尚有1项异议未复核");
        Objection raised = objection(id, "waitan", objection);
        Input judgement = feedback.catalogue(id).indicator("2.3").orElseThrow().input("interpretationQuality").orElseThrow();
        BigDecimal stored = evaluation.values(id, "waitan").get("2.3/interpretationQuality").value().path("score").decimalValue();
        String newScore = stored.compareTo(new BigDecimal("2")) == 0 ? "0" : "2";

        // when the office accepts it by changing the judgement behind the point
        feedback.accept(id, "waitan", objection, List.of(new FactEntry("waitan", "2.3", "interpretationQuality",
                FormValues.toJson(judgement, newScore, "复核后按图解和问答评分"), null)), "单位补充的图解材料属实，予以采纳", OFFICE);

        // then the indicator is priced on the new judgement, the unit's total moves by as much, and the trail has both
        Objection accepted = objection(id, "waitan", objection);
        assertThat(accepted.status()).isEqualTo(Objection.Status.ACCEPTED);
        assertThat(accepted.pointsAfter()).isEqualByComparingTo(newScore);
        assertThat(accepted.totalAfter().subtract(raised.totalBefore()))
                .isEqualByComparingTo(accepted.pointsAfter().subtract(raised.pointsBefore()));
        assertThat(scoring.currentSheet(id, "waitan").total()).isEqualByComparingTo(accepted.totalAfter());
        assertThat(jdbc.queryForList("select action || ' ' || coalesce(reason, '') from audit_entry where campaign_id = ?"
                + " and subject in (?, ?)", String.class, id, "objection waitan 2.3", "unit_fact waitan 2.3 interpretationQuality"))
                .contains("ACCEPT 单位补充的图解材料属实，予以采纳", "CHANGE 复核采纳：单位补充的图解材料属实，予以采纳");
        assertThat(notifications.forGroups(List.of(Groups.unit("waitan")), 50)).filteredOn(n -> id.equals(n.getCampaignId()))
                .filteredOn(n -> n.getKind() == Notification.Kind.FEEDBACK).extracting(Notification::getMessage)
                .singleElement().asString().contains("已采纳").contains("单位补充的图解材料属实");

        // and once ruled, the campaign regrades and the leaders approve knowing the outcome
        bots.as(OFFICE, List.of(Groups.COORDINATOR), () -> {
            taskService.complete(review.getId(), Map.of(UnitFeedbackProcess.CONFIRM_REVIEW, true));
            return null;
        });
        driver.runJobs();
        Task approval = campaignTask(id, CampaignProcess.APPROVE_GRADES);
        assertThat(approval.getDescription()).contains("申请复核1个").contains("采纳1项").contains("复核后得分变化的单位1个");
        FeedbackService.UnitLine line = feedback.summary(id).orElseThrow().units().get("waitan");
        assertThat(line.before()).isEqualByComparingTo(raised.totalBefore());
        assertThat(line.after()).isEqualByComparingTo(accepted.totalAfter());
        assertThat(feedback.sheetNotes(id, "waitan", true).get("2.3")).singleElement().asString().startsWith("经复核调整");
    }

    @Test
    void aRejectedObjectionKeepsThePointsAndTellsTheUnitWhy() {
        // given 外滩街道's objection on 2.3, raised in an open window
        Long id = campaignBeforeComprehensiveEvaluation(List.of("waitan"), 5, "WORKING_DAYS", true);
        evaluateComprehensively(id);
        long objection = feedback.saveObjection(id, "waitan", new FeedbackService.ObjectionDraft(null, "2.3",
                "解读评分偏低", null, null), List.of(), "waitan01");
        answer(id, "waitan", UnitFeedbackProcess.OBJECT);
        driver.runJobs();
        BigDecimal before = objection(id, "waitan", objection).totalBefore();

        // when the office rejects it with a reason (an empty or non-Chinese reason is refused first)
        assertThatThrownBy(() -> feedback.reject(id, "waitan", objection, "no", OFFICE)).hasMessageContaining("须用中文填写");
        feedback.reject(id, "waitan", objection, "抽选的解读缺少图解，维持原评分", OFFICE);
        bots.as(OFFICE, List.of(Groups.COORDINATOR), () -> {
            taskService.complete(reviewTask(id, "waitan").getId(), Map.of(UnitFeedbackProcess.CONFIRM_REVIEW, true));
            return null;
        });
        driver.runJobs();

        // then the points stay, the unit is told why, and the regraded total is the one before review
        Objection rejected = objection(id, "waitan", objection);
        assertThat(rejected.status()).isEqualTo(Objection.Status.REJECTED);
        assertThat(rejected.rulingReason()).isEqualTo("抽选的解读缺少图解，维持原评分");
        assertThat(notifications.forGroups(List.of(Groups.unit("waitan")), 50)).filteredOn(n -> id.equals(n.getCampaignId()))
                .filteredOn(n -> n.getKind() == Notification.Kind.FEEDBACK).extracting(Notification::getMessage)
                .singleElement().asString().contains("已驳回").contains("维持原评分");
        assertThat(campaignTask(id, CampaignProcess.APPROVE_GRADES)).isNotNull();
        assertThat(feedback.summary(id).orElseThrow().units().get("waitan").after()).isEqualByComparingTo(before);
        // the rulings stay out of the public sheet unless the campaign makes them public
        assertThat(feedback.sheetNotes(id, "waitan", true)).isEmpty();
        assertThat(feedback.sheetNotes(id, "waitan", false).get("2.3")).singleElement().asString().contains("已驳回");
    }

    @Test
    void aRulingReasonIsHeldToWhatTheAuditTrailKeepsAndOneAsLongIsKeptWhole() {
        // given 外滩街道's objection on 2.3, raised in an open window
        Long id = campaignBeforeComprehensiveEvaluation(List.of("waitan"), 5, "WORKING_DAYS", true);
        evaluateComprehensively(id);
        long objection = feedback.saveObjection(id, "waitan", new FeedbackService.ObjectionDraft(null, "2.3",
                "解读评分偏低", null, null), List.of(), "waitan01");
        answer(id, "waitan", UnitFeedbackProcess.OBJECT);
        driver.runJobs();
        // the audit trail's reason column holds 1,000 characters (V3); the page's field took 2,000
        String longest = "抽选的解读缺少图解维持原评分".repeat(80).substring(0, 1000);

        // when the office rejects it with a reason one character longer, then it is refused naming the field
        assertThatThrownBy(() -> feedback.reject(id, "waitan", objection, longest + "分", OFFICE))
                .isInstanceOf(BadInputException.class).hasMessageContaining("驳回理由");
        assertThat(objection(id, "waitan", objection).status()).isEqualTo(Objection.Status.RAISED);

        // and when she rejects it with a reason as long as the trail holds, it is kept whole there and on the objection
        feedback.reject(id, "waitan", objection, longest, OFFICE);
        assertThat(objection(id, "waitan", objection).rulingReason()).isEqualTo(longest);
        assertThat(jdbc.queryForObject("select reason from audit_entry where campaign_id = ? and action = 'REJECT'",
                String.class, id)).isEqualTo(longest);
        // and the unit is told (the notice is cut to what a notice holds, the page shows the whole reason)
        assertThat(notifications.forGroups(List.of(Groups.unit("waitan")), 50)).filteredOn(n -> id.equals(n.getCampaignId()))
                .filteredOn(n -> n.getKind() == Notification.Kind.FEEDBACK).singleElement()
                .satisfies(n -> assertThat(n.getMessage()).contains("已驳回").hasSizeLessThanOrEqualTo(1000));
    }

    @Test
    void aUnitThatDoesNotAnswerByTheDeadlineIsDeemedToHaveNoObjection() {
        // given a window open for two units, of which 豫园街道 answers
        Long id = campaignBeforeComprehensiveEvaluation(List.of("waitan", "yuyuan"), 5, "WORKING_DAYS", true);
        evaluateComprehensively(id);
        answer(id, "yuyuan", UnitFeedbackProcess.NO_OBJECTION);
        driver.runJobs();

        // when the day before the deadline comes, and then the deadline passes
        ClockUtil.setCurrentTime(Date.from(DUE.minusSeconds(86_400).plusSeconds(60)));
        driver.runJobs();
        List<String> reminded = messages(id, "waitan");
        ClockUtil.setCurrentTime(Date.from(DUE.plusSeconds(60)));
        driver.runJobs();

        // then 外滩街道 was reminded, then recorded as 逾期未反馈，视为无异议, and the campaign goes on to approval
        assertThat(reminded).anySatisfy(m -> assertThat(m).startsWith("提醒：").contains("已不足1天"));
        assertThat(feedback.answer(id, "waitan")).get().extracting(UnitAnswer::status).isEqualTo(UnitAnswer.Status.DEEMED);
        assertThat(messages(id, "waitan")).anySatisfy(m -> assertThat(m).contains("逾期未反馈，视为无异议"));
        assertThat(confirmTaskOrNull(id, "waitan")).isNull();
        assertThat(campaignTask(id, CampaignProcess.APPROVE_GRADES).getDescription())
                .contains("逾期未反馈（视为无异议）1个");
        assertThat(runtimeService.createIncidentQuery().count()).isZero();
        assertThat(feedback.isOpen(id)).isFalse();
        assertThat(feedback.hasOpened(id)).isTrue();
    }

    @Test
    void aWindowOfZeroDaysGoesStraightToApproval() {
        // given a campaign whose window is 0 days
        Long id = campaignBeforeComprehensiveEvaluation(List.of("waitan"), 0, "WORKING_DAYS", true);

        // when the comprehensive evaluation is completed
        evaluateComprehensively(id);

        // then no unit is asked, and the leaders have the approval task
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(UnitFeedbackProcess.KEY)
                .variableValueEquals(CampaignProcess.CAMPAIGN_ID, id).count()).isZero();
        assertThat(campaignTask(id, CampaignProcess.APPROVE_GRADES).getDescription()).isEqualTo("本考评未开放意见反馈。");
        assertThat(feedback.hasOpened(id)).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where campaign_id = ? and action = 'FEEDBACK_SKIPPED'",
                Long.class, id)).isEqualTo(1);
    }

    @Test
    void aSendBackReopensTheWindowWhenTheRulesSaySo() {
        // given a campaign whose rules reopen the window, past its first window
        Long id = campaignBeforeComprehensiveEvaluation(List.of("waitan"), 3, "CALENDAR_DAYS", true);
        evaluateComprehensively(id);
        bots.confirmResults(id, "waitan");
        driver.runJobs();

        // when the leaders send the results back and the office completes the comprehensive evaluation again
        bots.sendBack(id, "请核实外滩街道的政策解读评分");
        driver.runJobs();
        evaluateComprehensively(id);

        // then a second window opens for the unit
        assertThat(feedback.current(id)).get().extracting(FeedbackWindow::windowNo).isEqualTo(2);
        assertThat(confirmTask(id, "waitan")).isNotNull();
        assertThat(campaignTask(id, CampaignProcess.APPROVE_GRADES)).isNull();
    }

    @Test
    void aSendBackGoesStraightToApprovalWhenTheRulesDoNotReopen() {
        // given a campaign whose rules do not reopen the window, past its first window
        Long id = campaignBeforeComprehensiveEvaluation(List.of("waitan"), 3, "CALENDAR_DAYS", false);
        evaluateComprehensively(id);
        bots.confirmResults(id, "waitan");
        driver.runJobs();

        // when the leaders send the results back and the office completes the comprehensive evaluation again
        bots.sendBack(id, "请核实外滩街道的政策解读评分");
        driver.runJobs();
        evaluateComprehensively(id);

        // then there is no second window: the leaders have the approval task again
        assertThat(feedback.current(id)).get().extracting(FeedbackWindow::windowNo).isEqualTo(1);
        assertThat(confirmTaskOrNull(id, "waitan")).isNull();
        assertThat(campaignTask(id, CampaignProcess.APPROVE_GRADES)).isNotNull();
    }

    // ---- helpers

    /** A campaign of the units with FINANCE, every unit submitted and verified, at 开展综合评估, with these rules. */
    private Long campaignBeforeComprehensiveEvaluation(List<String> units, int days, String counted, boolean reopen) {
        CampaignInfo campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null, units,
                List.of("FINANCE")), OFFICE);
        Long id = campaign.id();
        driver.runJobs();
        for (String unit : units) {
            bots.fillSelfCheck(id, unit, random);
            bots.submitSelfCheck(id, unit);
            driver.runJobs();
            bots.verify(id, unit, random);
            driver.runJobs();
        }
        bots.deliver(id, "FINANCE", random);
        driver.runJobs();
        feedback.setRules(id, days, counted, reopen, false, OFFICE);
        return id;
    }

    /** The office completes 开展综合评估 on the window's opening day; the jobs run. */
    private void evaluateComprehensively(Long id) {
        ClockUtil.setCurrentTime(Date.from(OPENED));
        bots.evaluateComprehensively(id, random);
        driver.runJobs();
    }

    private void answer(Long id, String unit, String answer) {
        bots.complete(CampaignBots.unitUser(unit), List.of(Groups.unit(unit)), UnitFeedbackProcess.CONFIRM_RESULTS,
                UnitFeedbackProcess.tasks(taskService, id, unit), Map.of(UnitFeedbackProcess.ANSWER_FIELD, answer));
    }

    private Task confirmTask(Long id, String unit) {
        Task task = confirmTaskOrNull(id, unit);
        assertThat(task).as("确认评估结果 of " + unit).isNotNull();
        return task;
    }

    private Task confirmTaskOrNull(Long id, String unit) {
        return UnitFeedbackProcess.tasks(taskService, id, unit).taskDefinitionKey(UnitFeedbackProcess.CONFIRM_RESULTS)
                .singleResult();
    }

    private Task reviewTask(Long id, String unit) {
        return UnitFeedbackProcess.tasks(taskService, id, unit).taskDefinitionKey(UnitFeedbackProcess.REVIEW_OBJECTIONS)
                .singleResult();
    }

    private Task campaignTask(Long id, String key) {
        return CampaignProcess.tasks(taskService, id).taskDefinitionKey(key).singleResult();
    }

    private Objection objection(Long id, String unit, long objectionId) {
        return feedback.objections(id, unit).stream().filter(o -> o.id() == objectionId).findFirst().orElseThrow();
    }

    private List<String> messages(Long id, String unit) {
        return notifications.forGroups(List.of(Groups.unit(unit)), 100).stream().filter(n -> id.equals(n.getCampaignId()))
                .map(Notification::getMessage).toList();
    }
}
