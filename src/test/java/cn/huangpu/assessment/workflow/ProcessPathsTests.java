package cn.huangpu.assessment.workflow;

import cn.huangpu.assessment.support.ProcessLookup;
import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.EvaluatorParticipation;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.CampaignStatus;
import cn.huangpu.assessment.campaign.UnitParticipation;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.deadline.DeadlineKind;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.results.CampaignScoring;
import cn.huangpu.assessment.notification.Notification;
import cn.huangpu.assessment.notification.NotificationService;
import cn.huangpu.assessment.security.Groups;
import cn.huangpu.assessment.support.H2IntegrationTest;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.DisplayTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.TerminateEventDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * Every path of the models with the real delegates. The deadline (Deadline.bpmn): reminders before it, due
 * without a chase, due then chased and extended then done, extended and due again, chased and closed; its
 * callers: the unit (on time, overdue and extended, closed) and the evaluator (overdue and closed, overdue and
 * extended then delivered); the campaign: sent back by the leaders, reopened after publication, and the
 * results deadline. Timers fire by moving the engine clock, never by sleeping.
 */
@H2IntegrationTest
class ProcessPathsTests {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired RepositoryService repositoryService;
    @Autowired HistoryService historyService;
    @Autowired TaskService taskService;
    @Autowired CampaignStarter starter;
    @Autowired CampaignService campaigns;
    @Autowired DisplayTime time;
    @Autowired CampaignBots bots;
    @Autowired ProcessDriver driver;
    @Autowired NotificationService notifications;
    @Autowired CampaignScoring scoring;

    final Random random = new Random(11);
    CampaignInfo campaign;
    ProcessInstance campaignProcess;
    ProcessInstance unit;

    @BeforeEach
    void openCampaignOfOneUnitAndOneEvaluator() {
        BpmnAwareTests.init(engine);
        campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER);
        driver.runJobs();
        campaignProcess = runtimeService.createProcessInstanceQuery()
                .processInstanceId(campaigns.get(campaign.id()).processInstanceId()).singleResult();
        unit = ProcessLookup.unitInstance(runtimeService, campaign.id(), "waitan");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void onTime_unitSubmitsIsVerifiedAndTheCampaignIsScored() {
        assertThat(unit).isWaitingAt(UnitAssessmentProcess.SUBMIT_SELF_CHECK, UnitAssessmentProcess.DEADLINE);
        Instant due = campaign.dates().selfCheckDue();
        assertThat(BpmnAwareTests.task(UnitAssessmentProcess.SUBMIT_SELF_CHECK, unit)).hasCandidateGroup(Groups.unit("waitan"))
                .hasDueDate(Date.from(due))
                .hasName("提交自查：外滩街道");
        // the follow-up date is the first reminder of the setting (7 days before)
        assertThat(selfCheckTask().getFollowUpDate()).isEqualTo(Date.from(due.minus(7, ChronoUnit.DAYS)));
        ProcessInstance deadline = deadlineOf(unit);
        assertThat(deadline).isWaitingAt(DeadlineProcess.REMINDER_DUE, DeadlineProcess.DUE_TIMER);
        assertThat(deadline.getBusinessKey()).isEqualTo(unit.getBusinessKey());
        // it is started by its callers only, never offered in the Tasklist's 发起流程
        assertThat(repositoryService.getProcessDefinition(deadline.getProcessDefinitionId()).isStartableInTasklist())
                .isFalse();

        bots.fillSelfCheck(campaign.id(), "waitan", random);
        bots.submitSelfCheck(campaign.id(), "waitan");
        // submitting ends the deadline with its timers
        assertThat(deadline).isEnded().hasNotPassed(DeadlineProcess.SEND_REMINDER, DeadlineProcess.MARK_OVERDUE);
        assertThat(unit).isWaitingAt(UnitAssessmentProcess.CHECK_EVIDENCE_LINKS);
        driver.runJobs();
        assertThat(unit).isWaitingAt(UnitAssessmentProcess.VERIFY);
        bots.verify(campaign.id(), "waitan", random);
        driver.runJobs();
        assertThat(unit).isEnded().hasPassed(UnitAssessmentProcess.RECORD_READY)
                .hasNotPassed(UnitAssessmentProcess.CLOSED);
        assertThat(reminders("waitan")).isEmpty();

        bots.deliver(campaign.id(), "FINANCE", random);
        driver.runJobs();
        assertThat(campaignInstance()).isWaitingAt(CampaignProcess.COMPREHENSIVE_EVALUATION)
                .hasPassed(CampaignProcess.SCORE_UNITS);
        assertThat(scoring.countRound(campaign.id(), 1)).isOne();
    }

    @Test
    void anIncompleteSelfCheckCannotBeSubmitted() {
        assertThatThrownBy(() -> bots.submitSelfCheck(campaign.id(), "waitan"))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("自查尚未填写完整")
                .hasMessageContaining("指标 1.1");
        assertThat(unitInstance()).isWaitingAt(UnitAssessmentProcess.SUBMIT_SELF_CHECK);
    }

    @Test
    void deadline_remindsSevenAndOneDayBefore_linkingToTheTask() {
        Instant due = campaign.dates().selfCheckDue();
        ProcessInstance deadline = deadlineOf(unit);
        ClockUtil.setCurrentTime(Date.from(due.minus(7, ChronoUnit.DAYS).plusSeconds(60)));
        driver.runJobs();
        assertThat(reminders("waitan")).singleElement().isEqualTo(
                "提醒：外滩街道的自查将于" + time.format(due) + "截止（还有6天），请及时提交。");

        ClockUtil.setCurrentTime(Date.from(due.minus(1, ChronoUnit.DAYS).plusSeconds(60)));
        driver.runJobs();
        // newest first
        assertThat(reminders("waitan")).hasSize(2).first().asString().contains("已不足1天");
        assertThat(notifications.forGroups(List.of(Groups.unit("waitan")), 50))
                .filteredOn(n -> n.getCampaignId().equals(campaign.id()))
                .extracting(Notification::getTaskId).containsOnly(selfCheckTask().getId());
        assertThat(deadline).isWaitingAt(DeadlineProcess.DUE_TIMER).hasPassed(DeadlineProcess.REMINDERS);
        assertThat(unitInstance()).isWaitingAt(UnitAssessmentProcess.SUBMIT_SELF_CHECK);
        assertThat(campaigns.unit(campaign.id(), "waitan").overdue()).isFalse();
    }

    @Test
    void deadline_overdueChasedExtendedThenDone_theSameTaskGetsTheNewDeadline() {
        Instant due = campaign.dates().selfCheckDue();
        String taskId = selfCheckTask().getId();
        ClockUtil.setCurrentTime(Date.from(due.plusSeconds(60)));
        driver.runJobs();
        ProcessInstance deadline = deadlineOf(unit);
        assertThat(unit).isWaitingAt(UnitAssessmentProcess.SUBMIT_SELF_CHECK, UnitAssessmentProcess.DEADLINE);
        assertThat(deadline).isWaitingAt(DeadlineProcess.CHASE).hasPassed(DeadlineProcess.MARK_OVERDUE);
        assertThat(BpmnAwareTests.task(DeadlineProcess.CHASE, deadline)).hasCandidateGroup(Groups.COORDINATOR)
                .hasName("督促逾期自查：外滩街道")
                .hasDescription("外滩街道的自查已超过截止时间（" + time.format(due) + "），请选择处理方式：延长期限，或按未提交关闭。");
        assertThat(overdueNotices("waitan")).containsExactly(
                "外滩街道的自查已超过截止时间（" + time.format(due) + "），请尽快提交；区政府办公室将督促处理。");
        assertThat(campaigns.unit(campaign.id(), "waitan").overdue()).isTrue();
        // the words are the notices' and the task's own: the deadline holds ids, dates and flags only
        assertThat(runtimeService.getVariables(deadline.getId()).values()).filteredOn(String.class::isInstance)
                .isNotEmpty().allSatisfy(value -> assertThat((String) value).matches("[A-Za-z0-9_,]+"));

        Instant newDue = due.plus(5, ChronoUnit.DAYS);
        // an extension into the past is refused and the chase task stays open
        assertThatThrownBy(() -> chase(DeadlineProcess.EXTEND, due.minus(1, ChronoUnit.DAYS), "延期"))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("须晚于现在和原截止时间");
        chase(DeadlineProcess.EXTEND, newDue, "单位申请延期，同意延长5天");
        driver.runJobs();

        assertThat(deadline).hasPassed(DeadlineProcess.EXTEND_DEADLINE).isWaitingAt(DeadlineProcess.DUE_TIMER)
                .isNotWaitingAt(DeadlineProcess.CHASE);
        Task task = selfCheckTask();
        assertThat(task.getId()).isEqualTo(taskId);
        assertThat(task).hasDueDate(Date.from(newDue)).hasName("提交自查：外滩街道");
        assertThat(task.getFollowUpDate()).isEqualTo(Date.from(newDue.minus(7, ChronoUnit.DAYS)));
        assertThat(campaigns.unit(campaign.id(), "waitan").due()).isEqualTo(newDue);
        assertThat(campaigns.unit(campaign.id(), "waitan").overdue()).isFalse();
        // the new reminders: 7 days before the new deadline has passed, so it says what is really left
        assertThat(reminders("waitan")).singleElement().asString()
                .startsWith("提醒：外滩街道的自查将于" + time.format(newDue) + "截止（还有4天）");

        bots.fillSelfCheck(campaign.id(), "waitan", random);
        bots.submitSelfCheck(campaign.id(), "waitan");
        assertThat(deadline).isEnded().hasNotPassed(DeadlineProcess.END_CLOSED, DeadlineProcess.END_LAPSED);
        assertThat(unit).isWaitingAt(UnitAssessmentProcess.CHECK_EVIDENCE_LINKS);
    }

    @Test
    void deadline_overdueExtendedAndOverdueAgain_thenClosed() {
        Instant due = campaign.dates().selfCheckDue();
        Instant newDue = due.plus(3, ChronoUnit.DAYS);
        ClockUtil.setCurrentTime(Date.from(due.plusSeconds(60)));
        driver.runJobs();
        chase(DeadlineProcess.EXTEND, newDue, "同意延长3天");
        driver.runJobs();
        ProcessInstance deadline = deadlineOf(unit);

        ClockUtil.setCurrentTime(Date.from(newDue.plusSeconds(60)));
        driver.runJobs();

        assertThat(deadline).isWaitingAt(DeadlineProcess.CHASE);
        assertThat(BpmnAwareTests.task(DeadlineProcess.CHASE, deadline)).hasDescription(
                "外滩街道的自查已超过截止时间（" + time.format(newDue) + "），请选择处理方式：延长期限，或按未提交关闭。");
        assertThat(overdueNotices("waitan")).hasSize(2).first().asString()
                .contains("（" + time.format(newDue) + "）");
        assertThat(campaigns.unit(campaign.id(), "waitan").overdue()).isTrue();

        chase(DeadlineProcess.CLOSE, null, "延期后仍未提交，按已有材料评分");
        driver.runJobs();
        assertThat(deadline).isEnded().hasPassed(DeadlineProcess.CLOSE_DEADLINE, DeadlineProcess.END_CLOSED);
        assertThat(unitInstance()).isEnded().hasPassed(UnitAssessmentProcess.CLOSED, UnitAssessmentProcess.RECORD_READY);
        assertThat(campaigns.unit(campaign.id(), "waitan").status()).isEqualTo(UnitParticipation.Status.CLOSED);
    }

    @Test
    void deadline_overdueThenClosed_theOutcomeGoesBackAndTheUnitIsScoredOnWhatExists() {
        ClockUtil.setCurrentTime(Date.from(campaign.dates().selfCheckDue().plusSeconds(60)));
        driver.runJobs();
        ProcessInstance deadline = deadlineOf(unit);
        chase(DeadlineProcess.CLOSE, null, "逾期未提交，按已有材料评分");
        driver.runJobs();

        assertThat(deadline).isEnded().hasPassed(DeadlineProcess.END_CLOSED).hasNotPassed(DeadlineProcess.EXTEND_DEADLINE);
        assertThat(historicVariable(unit, DeadlineProcess.OUTCOME)).isEqualTo(DeadlineProcess.CLOSED);
        assertThat(unitInstance()).isEnded().hasPassed(UnitAssessmentProcess.CLOSED, UnitAssessmentProcess.RECORD_READY)
                .hasNotPassed(UnitAssessmentProcess.CHECK_EVIDENCE_LINKS);
        assertThat(campaigns.unit(campaign.id(), "waitan").status()).isEqualTo(UnitParticipation.Status.CLOSED);
    }

    @Test
    void deadline_dueWithoutChase_lapsesAndTellsTheCaller() {
        // given a stage that uses the deadline without a chase (the feedback window will), due two days before
        // the unit's self-check deadline
        Instant due = campaign.dates().selfCheckDue().minus(2, ChronoUnit.DAYS);
        repositoryService.createDeployment().name("deadline-without-chase")
                .addModelInstance("DeadlineWithoutChase.bpmn", callerWithoutChase()).deploy();
        ProcessInstance caller = runtimeService.startProcessInstanceByKey("DeadlineWithoutChase", Map.of(
                DeadlineProcess.KIND, DeadlineKind.SELF_CHECK.name(), CampaignProcess.CAMPAIGN_ID, campaign.id(),
                DeadlineProcess.SUBJECT_CODE, "waitan", DeadlineProcess.DUE, Date.from(due),
                DeadlineProcess.WITH_CHASE, false, DeadlineProcess.REMIND_DAYS_BEFORE, "",
                DeadlineProcess.WORK_TASK, "UserTask_Work"));
        ProcessInstance deadline = deadlineOf(caller);

        // when its deadline passes
        ClockUtil.setCurrentTime(Date.from(due.plusSeconds(60)));
        driver.runJobs();

        // then it lapses without a chase task, says so to the unit, and the caller goes on with the outcome
        assertThat(deadline).isEnded().hasPassed(DeadlineProcess.MARK_OVERDUE, DeadlineProcess.END_LAPSED)
                .hasNotPassed(DeadlineProcess.CHASE, DeadlineProcess.SEND_REMINDER);
        assertThat(caller).isEnded().hasPassed("EndEvent_Lapsed").hasNotPassed("EndEvent_WorkDone");
        assertThat(historicVariable(caller, DeadlineProcess.OUTCOME)).isEqualTo(DeadlineProcess.LAPSED);
        assertThat(overdueNotices("waitan")).containsExactly(
                "外滩街道的自查已超过截止时间（" + time.format(due) + "），未按期提交。");
        assertThat(taskService.createTaskQuery().taskDefinitionKey(DeadlineProcess.CHASE)
                .processVariableValueEquals(CampaignProcess.CAMPAIGN_ID, campaign.id()).count()).isZero();
    }

    @Test
    void specialistOverdueThenClosed_countsAsDelivered() {
        ClockUtil.setCurrentTime(Date.from(campaign.dates().specialistDue().plusSeconds(60)));
        driver.runJobs();
        ProcessInstance evaluation = evaluationInstance();
        ProcessInstance deadline = deadlineOf(evaluation);
        assertThat(evaluation).isWaitingAt(SpecialistEvaluationProcess.DELIVER, SpecialistEvaluationProcess.DEADLINE);
        assertThat(BpmnAwareTests.task(DeadlineProcess.CHASE, deadline)).hasName("督促逾期专项评估：区财政局");
        assertThat(notifications.forGroups(List.of(Groups.evaluator("FINANCE")), 50)).extracting(Notification::getMessage)
                .contains("区财政局的专项评估结果已超过截止时间（" + time.format(campaign.dates().specialistDue())
                        + "），请尽快提交；区政府办公室将督促处理。");
        bots.chase(campaign.id(), "FINANCE", Map.of(DeadlineProcess.CHASE_DECISION, DeadlineProcess.CLOSE, DeadlineProcess.CHASE_REASON, "未报送"));
        driver.runJobs();
        assertThat(deadline).isEnded().hasPassed(DeadlineProcess.END_CLOSED);
        assertThat(evaluation).isEnded().hasPassed(SpecialistEvaluationProcess.CLOSED, SpecialistEvaluationProcess.RECORD_READY);
        assertThat(campaigns.evaluator(campaign.id(), "FINANCE").status()).isEqualTo(EvaluatorParticipation.Status.CLOSED);
    }

    @Test
    void specialistOverdueThenExtended_thenDelivered() {
        Instant due = campaign.dates().specialistDue();
        ClockUtil.setCurrentTime(Date.from(due.plusSeconds(60)));
        driver.runJobs();
        ProcessInstance evaluation = evaluationInstance();
        ProcessInstance deadline = deadlineOf(evaluation);
        Instant newDue = due.plus(2, ChronoUnit.DAYS);
        bots.chase(campaign.id(), "FINANCE", Map.of(DeadlineProcess.CHASE_DECISION, DeadlineProcess.EXTEND, DeadlineProcess.CHASE_REASON, "同意延期",
                        DeadlineProcess.NEW_DUE_DATE, newDue.toString()));
        driver.runJobs();

        assertThat(BpmnAwareTests.task(SpecialistEvaluationProcess.DELIVER, evaluation)).hasDueDate(Date.from(newDue))
                .hasName("提交专项评估结果：区财政局");
        assertThat(campaigns.evaluator(campaign.id(), "FINANCE").due()).isEqualTo(newDue);
        assertThat(deadline).isWaitingAt(DeadlineProcess.DUE_TIMER);

        bots.deliver(campaign.id(), "FINANCE", random);
        driver.runJobs();
        assertThat(deadline).isEnded().hasNotPassed(DeadlineProcess.END_CLOSED);
        assertThat(evaluation).isEnded().hasPassed(SpecialistEvaluationProcess.RECORD_READY)
                .hasNotPassed(SpecialistEvaluationProcess.CLOSED);
        assertThat(campaigns.evaluator(campaign.id(), "FINANCE").status()).isEqualTo(EvaluatorParticipation.Status.DELIVERED);
    }

    @Test
    void sentBackByTheLeaders_thenApprovedAndPublished_thenReopened() {
        completeInputs();
        bots.evaluateComprehensively(campaign.id(), random);
        driver.runJobs();
        ProcessInstance instance = campaignInstance();
        assertThat(instance).isWaitingAt(CampaignProcess.APPROVE_GRADES);

        // a send-back without reason is refused
        assertThatThrownBy(() -> bots.sendBack(campaign.id(), " ")).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("退回理由");
        // and so is one longer than the audit trail's reason holds (the form's maxLength)
        assertThatThrownBy(() -> bots.sendBack(campaign.id(), "核".repeat(1001)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("“退回理由”：最多1000个字，收到1001个字");
        bots.sendBack(campaign.id(), "请核实外滩街道4.13的数据");
        assertThat(instance).isWaitingAt(CampaignProcess.COMPREHENSIVE_EVALUATION);

        bots.evaluateComprehensively(campaign.id(), random);
        driver.runJobs();
        bots.approve(campaign.id());
        driver.runJobs();
        assertThat(instance).isEnded().hasPassed(CampaignProcess.PUBLISH_RESULTS);
        assertThat(campaigns.get(campaign.id()).status()).isEqualTo(CampaignStatus.PUBLISHED);
        assertThat(scoring.latest(campaign.id())).singleElement().extracting(r -> r.round()).isEqualTo(3);

        // frozen: no change without reopening
        assertThatThrownBy(() -> bots.evaluateComprehensively(campaign.id(), random))
                .isInstanceOf(BadInputException.class).hasMessageContaining("已公布");

        // reopening needs a reason, is recorded, and goes through approval again
        assertThatThrownBy(() -> starter.reopen(campaign.id(), "", CampaignBots.COORDINATOR_USER))
                .isInstanceOf(BadInputException.class);
        // a reason longer than the audit trail's column (1,000 characters, V3) is refused, not failed on saving
        assertThatThrownBy(() -> starter.reopen(campaign.id(), "复议决定纠正".repeat(167), CampaignBots.COORDINATOR_USER))
                .isInstanceOf(BadInputException.class).hasMessageContaining("理由");
        starter.reopen(campaign.id(), "复议决定纠正，需重新计分", CampaignBots.COORDINATOR_USER);
        ProcessInstance reopened = ProcessLookup.campaignInstances(runtimeService, campaign.id()).active().singleResult();
        assertThat(reopened).isWaitingAt(CampaignProcess.COMPREHENSIVE_EVALUATION).hasPassed(CampaignProcess.START_REOPENED);
        bots.evaluateComprehensively(campaign.id(), random);
        driver.runJobs();
        bots.approve(campaign.id());
        driver.runJobs();
        assertThat(reopened).isEnded();
        assertThat(scoring.latest(campaign.id())).singleElement().extracting(r -> r.round()).isEqualTo(4);
        assertThat(campaigns.get(campaign.id()).status()).isEqualTo(CampaignStatus.PUBLISHED);
    }

    @Test
    void resultsDeadlinePassedWithoutApproval_coordinatorAndLeadersAreTold() {
        completeInputs();
        bots.evaluateComprehensively(campaign.id(), random);
        driver.runJobs();
        ClockUtil.setCurrentTime(Date.from(campaign.dates().resultsDue().plusSeconds(60)));
        driver.runJobs();

        assertThat(campaignInstance()).isWaitingAt(CampaignProcess.APPROVE_GRADES).hasPassed(CampaignProcess.NOTIFY_APPROVAL_OVERDUE);
        assertThat(notifications.forCampaign(campaign.id())).filteredOn(n -> n.getKind() == Notification.Kind.APPROVAL_OVERDUE)
                .extracting(Notification::getRecipientGroup).containsExactlyInAnyOrder(Groups.COORDINATOR, Groups.LEADER);
    }

    private void completeInputs() {
        bots.fillSelfCheck(campaign.id(), "waitan", random);
        bots.submitSelfCheck(campaign.id(), "waitan");
        driver.runJobs();
        bots.verify(campaign.id(), "waitan", random);
        bots.deliver(campaign.id(), "FINANCE", random);
        driver.runJobs();
    }

    private void chase(String decision, Instant newDue, String reason) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(DeadlineProcess.CHASE_DECISION, decision);
        variables.put(DeadlineProcess.CHASE_REASON, reason);
        if (newDue != null) {
            variables.put(DeadlineProcess.NEW_DUE_DATE, newDue.toString());
        }
        bots.chase(campaign.id(), "waitan", variables);
    }

    private List<String> reminders(String unitCode) {
        return notifications.forGroups(List.of(Groups.unit(unitCode)), 50).stream()
                .filter(n -> n.getCampaignId().equals(campaign.id()) && n.getKind() == Notification.Kind.REMINDER)
                .map(Notification::getMessage).toList();
    }

    private List<String> overdueNotices(String unitCode) {
        return notifications.forGroups(List.of(Groups.unit(unitCode)), 50).stream()
                .filter(n -> n.getCampaignId().equals(campaign.id()) && n.getKind() == Notification.Kind.OVERDUE)
                .map(Notification::getMessage).toList();
    }

    /** The Deadline instance the caller runs now. */
    private ProcessInstance deadlineOf(ProcessInstance caller) {
        ProcessInstance deadline = runtimeService.createProcessInstanceQuery().superProcessInstanceId(caller.getId())
                .processDefinitionKey(DeadlineProcess.KEY).singleResult();
        assertThat(deadline).as("the deadline called by " + caller.getBusinessKey()).isNotNull();
        return deadline;
    }

    private Task selfCheckTask() {
        return BpmnAwareTests.task(UnitAssessmentProcess.SUBMIT_SELF_CHECK, unit);
    }

    private Object historicVariable(ProcessInstance instance, String name) {
        return historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(name).singleResult().getValue();
    }

    /**
     * A stage that runs the deadline beside its task without a chase: the task ends it when done; a lapsed
     * deadline ends the stage.
     */
    private static BpmnModelInstance callerWithoutChase() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("DeadlineWithoutChase").camundaHistoryTimeToLive(1)
                .startEvent().parallelGateway("Gateway_Fork")
                .userTask("UserTask_Work").endEvent("EndEvent_WorkDone")
                .moveToNode("Gateway_Fork")
                .callActivity("CallActivity_Deadline").calledElement(DeadlineProcess.KEY)
                .camundaIn(DeadlineProcess.KIND, DeadlineProcess.KIND)
                .camundaIn(CampaignProcess.CAMPAIGN_ID, CampaignProcess.CAMPAIGN_ID)
                .camundaIn(DeadlineProcess.SUBJECT_CODE, DeadlineProcess.SUBJECT_CODE)
                .camundaIn(DeadlineProcess.DUE, DeadlineProcess.DUE)
                .camundaIn(DeadlineProcess.WITH_CHASE, DeadlineProcess.WITH_CHASE)
                .camundaIn(DeadlineProcess.REMIND_DAYS_BEFORE, DeadlineProcess.REMIND_DAYS_BEFORE)
                .camundaIn(DeadlineProcess.WORK_TASK, DeadlineProcess.WORK_TASK)
                .camundaOut(DeadlineProcess.OUTCOME, DeadlineProcess.OUTCOME)
                .endEvent("EndEvent_Lapsed")
                .done();
        // either end ends the other branch too: the work cancels the deadline, a lapsed deadline the work
        for (String end : List.of("EndEvent_WorkDone", "EndEvent_Lapsed")) {
            EndEvent event = model.getModelElementById(end);
            event.getEventDefinitions().add(model.newInstance(TerminateEventDefinition.class));
        }
        return model;
    }

    private ProcessInstance evaluationInstance() {
        return ProcessLookup.evaluatorInstance(runtimeService, campaign.id(), "FINANCE");
    }

    private ProcessInstance unitInstance() {
        return unit;
    }

    private ProcessInstance campaignInstance() {
        return campaignProcess;
    }
}
