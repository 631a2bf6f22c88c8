package cn.huangpu.assessment.workflow;

import cn.huangpu.assessment.support.ProcessLookup;
import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.EvaluatorParticipation;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.UnitParticipation;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.notification.Notification;
import cn.huangpu.assessment.notification.NotificationService;
import cn.huangpu.assessment.security.Groups;
import cn.huangpu.assessment.support.H2IntegrationTest;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.web.DisplayTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * A campaign that started on the first release's models (the deadline block inside UnitAssessment and
 * SpecialistEvaluation: boundary timers on the work task, the chase in the same instance) runs on after the
 * upgrade to processes/Deadline.bpmn: its models call the bean names they always did, now served by
 * {@code deadline.process}. Those models (src/test/resources/first-release/, the files as released) are
 * deployed here as the latest versions, so that the campaign's launch starts them; hence a database of its own.
 */
@H2IntegrationTest
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:first-release-models;DB_CLOSE_DELAY=-1")
class FirstReleaseModelsTests {

    private static final String OLD_CHASE_SELF_CHECK = "UserTask_ChaseSelfCheck";
    private static final String OLD_CHASE_EVALUATION = "UserTask_ChaseEvaluation";

    @Autowired ProcessEngine engine;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired CampaignStarter starter;
    @Autowired CampaignService campaigns;
    @Autowired DisplayTime time;
    @Autowired CampaignBots bots;
    @Autowired ProcessDriver driver;
    @Autowired NotificationService notifications;

    CampaignInfo campaign;
    ProcessInstance unit;

    @BeforeEach
    void campaignLaunchedOnTheFirstReleaseModels() {
        BpmnAwareTests.init(engine);
        repositoryService.createDeployment().name("first-release").enableDuplicateFiltering(false)
                .addClasspathResource("first-release/UnitAssessment.bpmn")
                .addClasspathResource("first-release/SpecialistEvaluation.bpmn").deploy();
        campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER);
        driver.runJobs();
        unit = ProcessLookup.unitInstance(runtimeService, campaign.id(), "waitan");
        // the old model: no Deadline is called, the boundary timers sit on the task
        assertThat(repositoryService.getProcessDefinition(unit.getProcessDefinitionId()).getResourceName())
                .isEqualTo("first-release/UnitAssessment.bpmn");
        assertThat(runtimeService.createProcessInstanceQuery().superProcessInstanceId(unit.getId()).count()).isZero();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aUnitOnTheOldModelIsRemindedChasedExtendedAndClosedAsBefore() {
        Instant due = campaign.dates().selfCheckDue();
        ClockUtil.setCurrentTime(Date.from(due.minus(7, ChronoUnit.DAYS).plusSeconds(60)));
        driver.runJobs();
        assertThat(messages("waitan", Notification.Kind.REMINDER)).containsExactly(
                "提醒：外滩街道的自查将于" + time.format(due) + "截止（还有6天），请及时提交。");

        // when the deadline passes: the old chase task, named as before, and the overdue notice
        ClockUtil.setCurrentTime(Date.from(due.plusSeconds(60)));
        driver.runJobs();
        assertThat(unit).isWaitingAt(UnitAssessmentProcess.SUBMIT_SELF_CHECK, OLD_CHASE_SELF_CHECK);
        assertThat(BpmnAwareTests.task(OLD_CHASE_SELF_CHECK, unit)).hasName("督促逾期自查：外滩街道");
        assertThat(messages("waitan", Notification.Kind.OVERDUE)).containsExactly(
                "外滩街道的自查已超过截止时间（" + time.format(due) + "），请尽快提交；区政府办公室将督促处理。");
        assertThat(campaigns.unit(campaign.id(), "waitan").overdue()).isTrue();

        // an extension into the past is refused before completion, as on the new model
        assertThatThrownBy(() -> chase(OLD_CHASE_SELF_CHECK, "waitan", DeadlineProcess.EXTEND, due.minus(1, ChronoUnit.DAYS)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("须晚于现在和原截止时间");
        Instant newDue = due.plus(4, ChronoUnit.DAYS);
        chase(OLD_CHASE_SELF_CHECK, "waitan", DeadlineProcess.EXTEND, newDue);
        driver.runJobs();

        // the old model reopens its task with the new deadline
        assertThat(unit).isWaitingAt(UnitAssessmentProcess.SUBMIT_SELF_CHECK).isNotWaitingAt(OLD_CHASE_SELF_CHECK);
        assertThat(BpmnAwareTests.task(UnitAssessmentProcess.SUBMIT_SELF_CHECK, unit)).hasDueDate(Date.from(newDue));
        assertThat(campaigns.unit(campaign.id(), "waitan").due()).isEqualTo(newDue);
        assertThat(campaigns.unit(campaign.id(), "waitan").overdue()).isFalse();

        // and when that passes too, the office closes it
        ClockUtil.setCurrentTime(Date.from(newDue.plusSeconds(60)));
        driver.runJobs();
        assertThat(messages("waitan", Notification.Kind.OVERDUE)).hasSize(2);
        chase(OLD_CHASE_SELF_CHECK, "waitan", DeadlineProcess.CLOSE, null);
        driver.runJobs();
        assertThat(unit).isEnded().hasPassed(UnitAssessmentProcess.CLOSED, UnitAssessmentProcess.RECORD_READY);
        assertThat(campaigns.unit(campaign.id(), "waitan").status()).isEqualTo(UnitParticipation.Status.CLOSED);
    }

    @Test
    void anEvaluatorOnTheOldModelIsChasedAndClosedAsBefore() {
        ClockUtil.setCurrentTime(Date.from(campaign.dates().specialistDue().plusSeconds(60)));
        driver.runJobs();
        ProcessInstance evaluation = ProcessLookup.evaluatorInstance(runtimeService, campaign.id(), "FINANCE");
        assertThat(evaluation).isWaitingAt(SpecialistEvaluationProcess.DELIVER, OLD_CHASE_EVALUATION);
        assertThat(BpmnAwareTests.task(OLD_CHASE_EVALUATION, evaluation)).hasName("督促逾期专项评估：区财政局");
        assertThat(campaigns.evaluator(campaign.id(), "FINANCE").overdue()).isTrue();

        chase(OLD_CHASE_EVALUATION, "FINANCE", DeadlineProcess.CLOSE, null);
        driver.runJobs();

        assertThat(evaluation).isEnded().hasPassed(SpecialistEvaluationProcess.CLOSED, SpecialistEvaluationProcess.RECORD_READY);
        assertThat(campaigns.evaluator(campaign.id(), "FINANCE").status()).isEqualTo(EvaluatorParticipation.Status.CLOSED);
    }

    private void chase(String taskKey, String code, String decision, Instant newDue) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(DeadlineProcess.CHASE_DECISION, decision);
        variables.put(DeadlineProcess.CHASE_REASON, "按第一版流程处理");
        if (newDue != null) {
            variables.put(DeadlineProcess.NEW_DUE_DATE, newDue.toString());
        }
        // the first release chases inside the unit's or evaluator's own instance, not in a Deadline instance
        bots.complete(CampaignBots.COORDINATOR_USER, List.of(Groups.COORDINATOR), taskKey,
                taskKey.equals(OLD_CHASE_EVALUATION) ? ProcessLookup.evaluatorTasks(taskService, campaign.id(), code)
                        : ProcessLookup.unitTasks(taskService, campaign.id(), code), variables);
    }

    private List<String> messages(String unitCode, Notification.Kind kind) {
        return notifications.forGroups(List.of(Groups.unit(unitCode)), 50).stream()
                .filter(n -> n.getCampaignId().equals(campaign.id()) && n.getKind() == kind)
                .map(Notification::getMessage).toList();
    }
}
