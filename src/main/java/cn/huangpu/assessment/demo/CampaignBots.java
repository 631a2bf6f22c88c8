package cn.huangpu.assessment.demo;

import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.UnitParticipation;
import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.catalogue.Indicator;
import cn.huangpu.assessment.catalogue.Input;
import cn.huangpu.assessment.catalogue.InputOwners;
import cn.huangpu.assessment.evaluation.EvaluationService;
import cn.huangpu.assessment.evaluation.FactEntry;
import cn.huangpu.assessment.security.Groups;
import cn.huangpu.assessment.selfcheck.SelfCheckService.Draft;
import cn.huangpu.assessment.selfcheck.SelfCheckService;
import cn.huangpu.assessment.verification.FindingKind;
import cn.huangpu.assessment.verification.VerificationService.NewFinding;
import cn.huangpu.assessment.verification.VerificationService;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.DeadlineProcess;
import cn.huangpu.assessment.workflow.SpecialistEvaluationProcess;
import cn.huangpu.assessment.workflow.UnitAssessmentProcess;
import cn.huangpu.assessment.workflow.UnitFeedbackProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * Plays the people of a campaign: fills in and submits self-checks as unit staff, verifies as the
 * office, delivers as the evaluators, evaluates comprehensively and approves. Tasks are found and
 * completed through the engine's task API under the acting user's identity, so the engine's
 * authorization applies as it does in the Tasklist. Values are pseudo-random from the given seed.
 */
@Component
public class CampaignBots {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final TaskService taskService;
    private final IdentityService identityService;
    private final CampaignService campaigns;
    private final SelfCheckService selfChecks;
    private final VerificationService verification;
    private final EvaluationService evaluation;

    CampaignBots(TaskService taskService, IdentityService identityService, CampaignService campaigns,
                 SelfCheckService selfChecks, VerificationService verification, EvaluationService evaluation) {
        this.taskService = taskService;
        this.identityService = identityService;
        this.campaigns = campaigns;
        this.selfChecks = selfChecks;
        this.verification = verification;
        this.evaluation = evaluation;
    }

    public static String unitUser(String unitCode) {
        return unitCode + "01";
    }

    public static String evaluatorUser(String evaluatorCode) {
        return "eval-" + evaluatorCode.toLowerCase(Locale.ROOT);
    }

    public static final String COORDINATOR_USER = "office01";
    public static final String LEADER_USER = "leader01";

    /** Fills in every indicator of a unit's self-check (about one in ten allowed ones as not involved). */
    public void fillSelfCheck(Long campaignId, String unitCode, Random random) {
        Catalogue catalogue = selfChecks.catalogue(campaignId);
        Map<String, Draft> drafts = new LinkedHashMap<>();
        for (Indicator indicator : catalogue.indicators()) {
            boolean notInvolved = indicator.notInvolvedAllowed() && random.nextInt(10) == 0;
            drafts.put(indicator.code(), new Draft(notInvolved ? null : "已按要求完成" + indicator.name() + "相关工作。",
                    notInvolved ? null : "https://www.shhuangpu.gov.cn/zw/" + unitCode + "/" + indicator.code(), notInvolved));
        }
        selfChecks.saveDraft(campaignId, unitCode, drafts, unitUser(unitCode));
    }

    public void submitSelfCheck(Long campaignId, String unitCode) {
        complete(unitUser(unitCode), List.of(Groups.unit(unitCode)), UnitAssessmentProcess.SUBMIT_SELF_CHECK,
                UnitAssessmentProcess.tasks(taskService, campaignId, unitCode), Map.of("confirmSubmit", true));
    }

    /** Records 0 to 2 findings and completes the verification task as the coordinator. */
    public void verify(Long campaignId, String unitCode, Random random) {
        Catalogue catalogue = selfChecks.catalogue(campaignId);
        List<Indicator> withFindings = catalogue.indicators().stream().filter(i -> !i.findingInputs().isEmpty()).toList();
        int count = random.nextInt(3);
        for (int i = 0; i < count; i++) {
            Indicator indicator = withFindings.get(random.nextInt(withFindings.size()));
            Input input = indicator.findingInputs().get(0);
            verification.record(campaignId, unitCode, new NewFinding(indicator.code(), input.name(),
                    FindingKind.values()[random.nextInt(4)], "网上核查发现问题", null), COORDINATOR_USER);
        }
        complete(COORDINATOR_USER, List.of(Groups.COORDINATOR), UnitAssessmentProcess.VERIFY,
                UnitAssessmentProcess.tasks(taskService, campaignId, unitCode), Map.of("confirmVerified", true));
    }

    /** Closes an overdue unit's or evaluator's deadline as the coordinator. */
    public void closeOverdue(Long campaignId, String subjectCode, String reason) {
        chase(campaignId, subjectCode,
                Map.of(DeadlineProcess.CHASE_DECISION, DeadlineProcess.CLOSE, DeadlineProcess.CHASE_REASON, reason));
    }

    /**
     * Completes the chase task of an overdue unit's or evaluator's deadline as the coordinator, found by the
     * campaign and the code its caller passed to the Deadline instance.
     */
    public void chase(Long campaignId, String subjectCode, Map<String, Object> decision) {
        complete(COORDINATOR_USER, List.of(Groups.COORDINATOR), DeadlineProcess.CHASE,
                taskService.createTaskQuery().processDefinitionKey(DeadlineProcess.KEY)
                        .processVariableValueEquals(CampaignProcess.CAMPAIGN_ID, campaignId)
                        .processVariableValueEquals(DeadlineProcess.SUBJECT_CODE, subjectCode), decision);
    }

    /** Enters every input the evaluator owns for every unit, then delivers. */
    public void deliver(Long campaignId, String evaluatorCode, Random random) {
        enterValues(campaignId, evaluatorCode, random);
        complete(evaluatorUser(evaluatorCode), List.of(Groups.evaluator(evaluatorCode)), SpecialistEvaluationProcess.DELIVER,
                SpecialistEvaluationProcess.tasks(taskService, campaignId, evaluatorCode), Map.of("confirmDelivered", true));
    }

    /**
     * Enters the office's own inputs for every unit (with reasons), those of evaluators that do not take part
     * included, and completes the comprehensive evaluation.
     */
    public void evaluateComprehensively(Long campaignId, Random random) {
        enterValues(campaignId, Catalogue.OFFICE, random, COORDINATOR_USER, true);
        complete(COORDINATOR_USER, List.of(Groups.COORDINATOR), CampaignProcess.COMPREHENSIVE_EVALUATION,
                CampaignProcess.tasks(taskService, campaignId), Map.of("confirmComprehensive", true));
    }

    public void approve(Long campaignId) {
        complete(LEADER_USER, List.of(Groups.LEADER), CampaignProcess.APPROVE_GRADES,
                CampaignProcess.tasks(taskService, campaignId), Map.of(CampaignProcess.APPROVAL_DECISION, CampaignProcess.APPROVE));
    }

    /** The unit confirms its preliminary results without objection (确认评估结果: 无异议). */
    public void confirmResults(Long campaignId, String unitCode) {
        complete(unitUser(unitCode), List.of(Groups.unit(unitCode)), UnitFeedbackProcess.CONFIRM_RESULTS,
                UnitFeedbackProcess.tasks(taskService, campaignId, unitCode),
                Map.of(UnitFeedbackProcess.ANSWER_FIELD, UnitFeedbackProcess.NO_OBJECTION));
    }

    public void sendBack(Long campaignId, String reason) {
        complete(LEADER_USER, List.of(Groups.LEADER), CampaignProcess.APPROVE_GRADES,
                CampaignProcess.tasks(taskService, campaignId), Map.of(CampaignProcess.APPROVAL_DECISION, CampaignProcess.SEND_BACK, CampaignProcess.SEND_BACK_REASON, reason));
    }

    /** Enters the office's inputs for every unit, with reasons, without completing the comprehensive evaluation. */
    public void enterOfficeValues(Long campaignId, Random random) {
        enterValues(campaignId, Catalogue.OFFICE, random, COORDINATOR_USER, true);
    }

    /** Enters every input the evaluator owns for every unit, without delivering. */
    public void enterValues(Long campaignId, String evaluatorCode, Random random) {
        enterValues(campaignId, evaluatorCode, random, evaluatorUser(evaluatorCode), false);
    }

    private void enterValues(Long campaignId, String source, Random random, String actor, boolean withReason) {
        // who enters what in this campaign: the office also enters the inputs of evaluators that do not take part
        InputOwners owners = campaigns.owners(campaignId);
        List<FactEntry> entries = new ArrayList<>();
        for (UnitParticipation unit : campaigns.units(campaignId)) {
            for (Indicator indicator : owners.catalogue().indicators()) {
                for (Input input : owners.enteredAsValues(indicator, source)) {
                    entries.add(new FactEntry(unit.unitCode(), indicator.code(), input.name(), value(input, random),
                            withReason ? "综合评估录入" : null));
                }
            }
        }
        evaluation.record(campaignId, source, entries, withReason, actor);
    }

    static JsonNode value(Input input, Random random) {
        return switch (input.type()) {
            case COUNT -> JSON.numberNode(random.nextInt(random.nextInt(8) == 0 ? 150 : 4));
            case FLAG -> JSON.booleanNode(random.nextInt(5) > 0);
            case RATE -> JSON.numberNode(BigDecimal.valueOf(75 + random.nextInt(26), 2));
            case NUMBER -> JSON.numberNode(BigDecimal.valueOf(random.nextInt(1800), 1));
            case DATE -> JSON.textNode("2023-01-" + (10 + random.nextInt(15)));
            case CHOICE -> JSON.textNode(input.options().get(random.nextInt(input.options().size())).code());
            case JUDGEMENT -> JSON.objectNode()
                    .put("score", BigDecimal.valueOf(random.nextInt(input.max().multiply(BigDecimal.valueOf(2)).intValue() + 1))
                            .multiply(new BigDecimal("0.5")))
                    .put("reason", "按完成情况评分");
        };
    }

    /**
     * Finds the task of an activity among an instance's tasks (a query by its variables, e.g.
     * {@link UnitAssessmentProcess#tasks}), visible to the user, and completes it as that user.
     */
    public void complete(String userId, List<String> groups, String taskKey, TaskQuery instanceTasks,
                         Map<String, Object> variables) {
        as(userId, groups, () -> {
            Task task = instanceTasks.taskDefinitionKey(taskKey).singleResult();
            if (task == null) {
                throw new IllegalStateException("No task " + taskKey + " visible to " + userId);
            }
            taskService.complete(task.getId(), variables);
            return null;
        });
    }

    public <T> T as(String userId, List<String> groups, Supplier<T> work) {
        identityService.setAuthentication(userId, groups);
        try {
            return work.get();
        } finally {
            identityService.clearAuthentication();
        }
    }
}
