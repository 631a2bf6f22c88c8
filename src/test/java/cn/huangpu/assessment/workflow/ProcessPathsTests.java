package cn.huangpu.assessment.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.huangpu.assessment.campaign.Campaign;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.CampaignStatus;
import cn.huangpu.assessment.campaign.CampaignUnit;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.grading.CampaignScoring;
import cn.huangpu.assessment.notification.Notification;
import cn.huangpu.assessment.notification.NotificationService;
import cn.huangpu.assessment.security.Groups;
import cn.huangpu.assessment.support.H2IntegrationTest;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.web.BadInputException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of the three models with the real delegates: on time, reminders, overdue then extended,
 * overdue then closed, sent back by the leaders, reopened after publication, and the results deadline.
 * Timers fire by moving the engine clock, never by sleeping.
 */
@H2IntegrationTest
class ProcessPathsTests {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired CampaignStarter starter;
    @Autowired CampaignService campaigns;
    @Autowired CampaignBots bots;
    @Autowired ProcessDriver driver;
    @Autowired NotificationService notifications;
    @Autowired CampaignScoring scoring;

    final Random random = new Random(11);
    Campaign campaign;
    ProcessInstance campaignProcess;
    ProcessInstance unit;

    @BeforeEach
    void openCampaignOfOneUnitAndOneEvaluator() {
        BpmnAwareTests.init(engine);
        campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER);
        driver.runJobs();
        campaignProcess = runtimeService.createProcessInstanceQuery()
                .processInstanceId(campaigns.get(campaign.getId()).getProcessInstanceId()).singleResult();
        unit = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(UnitAssessmentProcess.businessKey(campaign.getId(), "waitan")).singleResult();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void onTime_unitSubmitsIsVerifiedAndTheCampaignIsScored() {
        assertThat(unit).isWaitingAt(UnitAssessmentProcess.SUBMIT_SELF_CHECK);
        assertThat(BpmnAwareTests.task(unit)).hasCandidateGroup(Groups.unit("waitan"))
                .hasDueDate(Date.from(campaign.getDates().selfCheckDue()))
                .hasName("提交自查：外滩街道");

        bots.fillSelfCheck(campaign.getId(), "waitan", random);
        bots.submitSelfCheck(campaign.getId(), "waitan");
        assertThat(unit).isWaitingAt(UnitAssessmentProcess.CHECK_EVIDENCE_LINKS);
        driver.runJobs();
        assertThat(unit).isWaitingAt(UnitAssessmentProcess.VERIFY);
        bots.verify(campaign.getId(), "waitan", random);
        driver.runJobs();
        assertThat(unit).isEnded().hasPassed(UnitAssessmentProcess.RECORD_READY);

        bots.deliver(campaign.getId(), "FINANCE", random);
        driver.runJobs();
        assertThat(campaignInstance()).isWaitingAt(CampaignProcess.COMPREHENSIVE_EVALUATION)
                .hasPassed(CampaignProcess.SCORE_UNITS);
        assertThat(scoring.countRound(campaign.getId(), 1)).isOne();
    }

    @Test
    void anIncompleteSelfCheckCannotBeSubmitted() {
        assertThatThrownBy(() -> bots.submitSelfCheck(campaign.getId(), "waitan"))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("自查尚未填写完整")
                .hasMessageContaining("指标 1.1");
        assertThat(unitInstance()).isWaitingAt(UnitAssessmentProcess.SUBMIT_SELF_CHECK);
    }

    @Test
    void reminder_sevenAndOneDayBeforeTheDeadline() {
        Instant due = campaign.getDates().selfCheckDue();
        ClockUtil.setCurrentTime(Date.from(due.minus(7, ChronoUnit.DAYS).plusSeconds(60)));
        driver.runJobs();
        assertThat(reminders("waitan")).hasSize(1).first().asString().contains("还有6天");

        ClockUtil.setCurrentTime(Date.from(due.minus(1, ChronoUnit.DAYS).plusSeconds(60)));
        driver.runJobs();
        assertThat(reminders("waitan")).hasSize(2);
        assertThat(unitInstance()).isWaitingAt(UnitAssessmentProcess.SUBMIT_SELF_CHECK);
        assertThat(campaigns.unit(campaign.getId(), "waitan").isOverdue()).isFalse();
    }

    @Test
    void overdueThenExtended_theTaskStaysOpenThenReopensWithTheNewDeadline() {
        Instant due = campaign.getDates().selfCheckDue();
        ClockUtil.setCurrentTime(Date.from(due.plusSeconds(60)));
        driver.runJobs();
        assertThat(unit).isWaitingAt(UnitAssessmentProcess.SUBMIT_SELF_CHECK, UnitAssessmentProcess.CHASE);
        assertThat(campaigns.unit(campaign.getId(), "waitan").isOverdue()).isTrue();

        Instant newDue = due.plus(5, ChronoUnit.DAYS);
        // an extension into the past is refused and the chase task stays open
        assertThatThrownBy(() -> chase(DeadlineVariables.EXTEND, due.minus(1, ChronoUnit.DAYS), "延期"))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("须晚于现在和原截止时间");
        chase(DeadlineVariables.EXTEND, newDue, "单位申请延期，同意延长5天");
        driver.runJobs();

        assertThat(unit).isWaitingAt(UnitAssessmentProcess.SUBMIT_SELF_CHECK).isNotWaitingAt(UnitAssessmentProcess.CHASE);
        assertThat(BpmnAwareTests.task(UnitAssessmentProcess.SUBMIT_SELF_CHECK, unit)).hasDueDate(Date.from(newDue));
        assertThat(campaigns.unit(campaign.getId(), "waitan").getDue()).isEqualTo(newDue);
        assertThat(campaigns.unit(campaign.getId(), "waitan").isOverdue()).isFalse();
    }

    @Test
    void overdueThenClosed_theUnitIsScoredOnWhatExists() {
        ClockUtil.setCurrentTime(Date.from(campaign.getDates().selfCheckDue().plusSeconds(60)));
        driver.runJobs();
        chase(DeadlineVariables.CLOSE, null, "逾期未提交，按已有材料评分");
        driver.runJobs();

        assertThat(unitInstance()).isEnded().hasPassed(UnitAssessmentProcess.RECORD_READY);
        assertThat(campaigns.unit(campaign.getId(), "waitan").getStatus()).isEqualTo(CampaignUnit.Status.CLOSED);
    }

    @Test
    void specialistOverdueThenClosed_countsAsDelivered() {
        ClockUtil.setCurrentTime(Date.from(campaign.getDates().specialistDue().plusSeconds(60)));
        driver.runJobs();
        ProcessInstance evaluation = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(SpecialistEvaluationProcess.businessKey(campaign.getId(), "FINANCE")).singleResult();
        assertThat(evaluation).isWaitingAt(SpecialistEvaluationProcess.DELIVER, SpecialistEvaluationProcess.CHASE);
        bots.complete(CampaignBots.COORDINATOR_USER, List.of(Groups.COORDINATOR), SpecialistEvaluationProcess.CHASE,
                SpecialistEvaluationProcess.businessKey(campaign.getId(), "FINANCE"),
                Map.of(DeadlineVariables.CHASE_DECISION, DeadlineVariables.CLOSE, DeadlineVariables.CHASE_REASON, "未报送"));
        driver.runJobs();
        assertThat(evaluation).isEnded().hasPassed(SpecialistEvaluationProcess.RECORD_READY);
    }

    @Test
    void sentBackByTheLeaders_thenApprovedAndPublished_thenReopened() {
        completeInputs();
        bots.evaluateComprehensively(campaign.getId(), random);
        driver.runJobs();
        ProcessInstance instance = campaignInstance();
        assertThat(instance).isWaitingAt(CampaignProcess.APPROVE_GRADES);

        // a send-back without reason is refused
        assertThatThrownBy(() -> bots.sendBack(campaign.getId(), " ")).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("退回理由");
        bots.sendBack(campaign.getId(), "请核实外滩街道4.13的数据");
        assertThat(instance).isWaitingAt(CampaignProcess.COMPREHENSIVE_EVALUATION);

        bots.evaluateComprehensively(campaign.getId(), random);
        driver.runJobs();
        bots.approve(campaign.getId());
        driver.runJobs();
        assertThat(instance).isEnded().hasPassed(CampaignProcess.PUBLISH_RESULTS);
        assertThat(campaigns.get(campaign.getId()).getStatus()).isEqualTo(CampaignStatus.PUBLISHED);
        assertThat(scoring.latest(campaign.getId())).singleElement().extracting(r -> r.getRound()).isEqualTo(3);

        // frozen: no change without reopening
        assertThatThrownBy(() -> bots.evaluateComprehensively(campaign.getId(), random))
                .isInstanceOf(BadInputException.class).hasMessageContaining("已公布");

        // reopening needs a reason, is recorded, and goes through approval again
        assertThatThrownBy(() -> starter.reopen(campaign.getId(), "", CampaignBots.COORDINATOR_USER))
                .isInstanceOf(BadInputException.class);
        starter.reopen(campaign.getId(), "复议决定纠正，需重新计分", CampaignBots.COORDINATOR_USER);
        ProcessInstance reopened = runtimeService.createProcessInstanceQuery().processDefinitionKey(CampaignProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(campaign.getId())).active().singleResult();
        assertThat(reopened).isWaitingAt(CampaignProcess.COMPREHENSIVE_EVALUATION).hasPassed(CampaignProcess.START_REOPENED);
        bots.evaluateComprehensively(campaign.getId(), random);
        driver.runJobs();
        bots.approve(campaign.getId());
        driver.runJobs();
        assertThat(reopened).isEnded();
        assertThat(scoring.latest(campaign.getId())).singleElement().extracting(r -> r.getRound()).isEqualTo(4);
        assertThat(campaigns.get(campaign.getId()).getStatus()).isEqualTo(CampaignStatus.PUBLISHED);
    }

    @Test
    void resultsDeadlinePassedWithoutApproval_coordinatorAndLeadersAreTold() {
        completeInputs();
        bots.evaluateComprehensively(campaign.getId(), random);
        driver.runJobs();
        ClockUtil.setCurrentTime(Date.from(campaign.getDates().resultsDue().plusSeconds(60)));
        driver.runJobs();

        assertThat(campaignInstance()).isWaitingAt(CampaignProcess.APPROVE_GRADES).hasPassed(CampaignProcess.NOTIFY_APPROVAL_OVERDUE);
        assertThat(notifications.forCampaign(campaign.getId())).filteredOn(n -> n.getKind() == Notification.Kind.APPROVAL_OVERDUE)
                .extracting(Notification::getRecipientGroup).containsExactlyInAnyOrder(Groups.COORDINATOR, Groups.LEADER);
    }

    private void completeInputs() {
        bots.fillSelfCheck(campaign.getId(), "waitan", random);
        bots.submitSelfCheck(campaign.getId(), "waitan");
        driver.runJobs();
        bots.verify(campaign.getId(), "waitan", random);
        bots.deliver(campaign.getId(), "FINANCE", random);
        driver.runJobs();
    }

    private void chase(String decision, Instant newDue, String reason) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(DeadlineVariables.CHASE_DECISION, decision);
        variables.put(DeadlineVariables.CHASE_REASON, reason);
        if (newDue != null) {
            variables.put(DeadlineVariables.NEW_DUE_DATE, newDue.toString());
        }
        bots.complete(CampaignBots.COORDINATOR_USER, List.of(Groups.COORDINATOR), UnitAssessmentProcess.CHASE,
                UnitAssessmentProcess.businessKey(campaign.getId(), "waitan"), variables);
    }

    private List<String> reminders(String unitCode) {
        return notifications.forGroups(List.of(Groups.unit(unitCode)), 50).stream()
                .filter(n -> n.getCampaignId().equals(campaign.getId()) && n.getKind() == Notification.Kind.REMINDER)
                .map(Notification::getMessage).toList();
    }

    private ProcessInstance unitInstance() {
        return unit;
    }

    private ProcessInstance campaignInstance() {
        return campaignProcess;
    }
}
