package cn.huangpu.assessment.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.audit.AuditLog;
import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.UnitParticipation;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.support.EngineRest;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.support.WebIntegrationTest;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.DeadlineProcess;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The chase form's 处理说明 ends in the audit trail, whose reason holds 1,000 characters. The engine's guard of
 * task forms refuses more (the form's {@code maxLength}, which the Tasklist checks too) and control characters,
 * before anything is saved; a reason of 1,001 characters used to be accepted and then fail the job that closes the
 * unit, again on every retry.
 */
@WebIntegrationTest
class ChaseFormTextTests {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired CampaignStarter starter;
    @Autowired CampaignService campaigns;
    @Autowired ProcessDriver driver;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired AuditLog audit;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aReasonAsLongAsTheAuditTrailHoldsClosesTheUnitAndIsKeptWhole() throws Exception {
        // given 外滩街道's overdue self-check and its chase task
        CampaignInfo campaign = overdueCampaign();
        String reason = "单位逾期未提交，经电话督促仍未提交".repeat(100).substring(0, 1000);

        // when the coordinator closes it with a reason of 1,000 characters
        HttpResponse<String> answer = close(chaseTask(campaign), reason);
        driver.runJobs();

        // then the unit is closed as not submitted, and the audit entry holds the whole reason
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
        assertThat(campaigns.unit(campaign.id(), "waitan").status()).isEqualTo(UnitParticipation.Status.CLOSED);
        assertThat(audit.forCampaign(campaign.id())).filteredOn(e -> "CLOSED_NOT_SUBMITTED".equals(e.getAction()))
                .singleElement().satisfies(e -> assertThat(e.getReason()).isEqualTo(reason));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1001", "4001", "100000", "control"})
    void aReasonTooLongOrWithAControlCharacterIsRefusedNamingTheFieldAndNothingChanges(String kind) throws Exception {
        // given 外滩街道's overdue self-check and its chase task
        CampaignInfo campaign = overdueCampaign();
        Task chase = chaseTask(campaign);
        String reason = kind.equals("control") ? "逾期\u0001未提交" : "逾".repeat(Integer.parseInt(kind));

        // when the coordinator closes it with that reason
        HttpResponse<String> answer = close(chase, reason);
        driver.runJobs();

        // then it is refused with 400 naming the field as the form labels it, and the reason
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        String message = JSON.readTree(answer.body()).get("message").asText();
        assertThat(message).startsWith("“处理说明”：").contains(kind.equals("control") ? "控制字符"
                : "最多1000个字，收到" + kind + "个字");
        // and the task is still open, the unit still pending, and no job was left to fail
        assertThat(taskService.createTaskQuery().taskId(chase.getId()).count()).isOne();
        assertThat(campaigns.unit(campaign.id(), "waitan").status()).isEqualTo(UnitParticipation.Status.PENDING);
        assertThat(managementService.createJobQuery().processInstanceId(chase.getProcessInstanceId()).withException()
                .count()).isZero();
    }

    /** A campaign of 外滩街道 whose self-check was due on 2 April 2026 at 23:59, the clock two minutes later. */
    private CampaignInfo overdueCampaign() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-01T02:00:00Z")));
        Instant due = Instant.parse("2026-04-02T15:59:00Z");
        CampaignInfo campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, due,
                due.plusSeconds(30 * 24 * 3600), due.plusSeconds(60 * 24 * 3600), due.plusSeconds(70 * 24 * 3600),
                List.of("waitan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER);
        driver.runJobs();
        ClockUtil.setCurrentTime(Date.from(due.plusSeconds(120)));
        driver.runJobs();
        assertThat(campaigns.unit(campaign.id(), "waitan").overdue()).isTrue();
        return campaign;
    }

    private Task chaseTask(CampaignInfo campaign) {
        return taskService.createTaskQuery().processDefinitionKey(DeadlineProcess.KEY)
                .processVariableValueEquals(CampaignProcess.CAMPAIGN_ID, campaign.id())
                .processVariableValueEquals(DeadlineProcess.SUBJECT_CODE, "waitan")
                .taskDefinitionKey(DeadlineProcess.CHASE).singleResult();
    }

    /** Submits the chase form over the engine's REST API as the coordinator: close as not submitted. */
    private HttpResponse<String> close(Task chase, String reason) throws Exception {
        return EngineRest.as(port, "office01").post("/engine-rest/task/" + chase.getId() + "/submit-form",
                JSON.writeValueAsString(Map.of("variables", Map.of(
                        DeadlineProcess.CHASE_DECISION, Map.of("value", DeadlineProcess.CLOSE),
                        DeadlineProcess.CHASE_REASON, Map.of("value", reason)))));
    }
}
