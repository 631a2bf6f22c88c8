package cn.huangpu.assessment.rectification;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.EvaluatorParticipation;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.catalogue.Criterion;
import cn.huangpu.assessment.catalogue.Indicator;
import cn.huangpu.assessment.catalogue.Input;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.evaluation.EvaluationService;
import cn.huangpu.assessment.evaluation.FactEntry;
import cn.huangpu.assessment.security.Groups;
import cn.huangpu.assessment.selfcheck.SelfCheckService;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.verification.FindingKind;
import cn.huangpu.assessment.verification.VerificationService;
import cn.huangpu.assessment.verification.VerificationService.NewFinding;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.SpecialistEvaluationProcess;
import cn.huangpu.assessment.workflow.UnitAssessmentProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * A published campaign whose deductions the test chose: every input takes the value that loses nothing, except the
 * findings and values a test adds per unit. So 外滩街道 can lose points on 1.1 (a broken link) and 1.5 (a missing work
 * plan) while 豫园街道 loses none.
 */
@Component
public class RectificationScenario {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final CampaignStarter starter;
    private final CampaignService campaigns;
    private final CampaignBots bots;
    private final ProcessDriver driver;
    private final SelfCheckService selfChecks;
    private final VerificationService verification;
    private final EvaluationService evaluation;
    private final TaskService taskService;

    RectificationScenario(CampaignStarter starter, CampaignService campaigns, CampaignBots bots, ProcessDriver driver,
                          SelfCheckService selfChecks, VerificationService verification, EvaluationService evaluation,
                          TaskService taskService) {
        this.starter = starter;
        this.campaigns = campaigns;
        this.bots = bots;
        this.driver = driver;
        this.selfChecks = selfChecks;
        this.verification = verification;
        this.evaluation = evaluation;
        this.taskService = taskService;
    }

    /** A finding a test records for a unit before its verification completes. */
    public record PlannedFinding(String unitCode, String indicatorCode, String inputName, FindingKind kind, String note, String url) {
    }

    /** An office value that differs from the lossless one, for a unit. */
    public record PlannedValue(String unitCode, String indicatorCode, String inputName, JsonNode value) {
    }

    /** Opens a campaign of these units with every evaluator, and takes it to publication with only the planned losses. */
    public CampaignInfo published(List<String> units, List<PlannedFinding> findings, List<PlannedValue> values) {
        CampaignInfo campaign = opened(units, findings, values);
        bots.approve(campaign.id());
        driver.runJobs();
        return campaigns.get(campaign.id());
    }

    /** As {@link #published}, stopped before approval (comprehensive evaluation completed). */
    public CampaignInfo opened(List<String> units, List<PlannedFinding> findings, List<PlannedValue> values) {
        Long id = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null, units, List.of()),
                CampaignBots.COORDINATOR_USER).id();
        driver.runJobs();
        Random random = new Random(19);
        Catalogue catalogue = selfChecks.catalogue(id);
        for (String unit : units) {
            bots.fillSelfCheck(id, unit, random);
            bots.submitSelfCheck(id, unit);
            driver.runJobs();
            for (PlannedFinding f : findings) {
                if (f.unitCode().equals(unit)) {
                    verification.record(id, unit, new NewFinding(f.indicatorCode(), f.inputName(), f.kind(), f.note(), f.url()),
                            CampaignBots.COORDINATOR_USER);
                }
            }
            bots.complete(CampaignBots.COORDINATOR_USER, List.of(Groups.COORDINATOR), UnitAssessmentProcess.VERIFY,
                    UnitAssessmentProcess.tasks(taskService, id, unit), Map.of("confirmVerified", true));
            driver.runJobs();
        }
        for (EvaluatorParticipation evaluator : campaigns.evaluators(id)) {
            String code = evaluator.evaluatorCode();
            evaluation.record(id, code, entries(catalogue, units, code, values), false, CampaignBots.evaluatorUser(code));
            bots.complete(CampaignBots.evaluatorUser(code), List.of(Groups.evaluator(code)), SpecialistEvaluationProcess.DELIVER,
                    SpecialistEvaluationProcess.tasks(taskService, id, code), Map.of("confirmDelivered", true));
            driver.runJobs();
        }
        evaluation.record(id, Catalogue.OFFICE, entries(catalogue, units, Catalogue.OFFICE, values), true,
                CampaignBots.COORDINATOR_USER);
        bots.complete(CampaignBots.COORDINATOR_USER, List.of(Groups.COORDINATOR), CampaignProcess.COMPREHENSIVE_EVALUATION,
                CampaignProcess.tasks(taskService, id), Map.of("confirmComprehensive", true));
        driver.runJobs();
        return campaigns.get(id);
    }

    private static List<FactEntry> entries(Catalogue catalogue, List<String> units, String source, List<PlannedValue> values) {
        List<FactEntry> entries = new ArrayList<>();
        for (String unit : units) {
            for (Indicator indicator : catalogue.indicators()) {
                for (Input input : indicator.directInputs(source)) {
                    // a register's figure (4.1) is entered as the office's override: without a register, it is missing
                    JsonNode value = values.stream().filter(v -> v.unitCode().equals(unit)
                                    && v.indicatorCode().equals(indicator.code()) && v.inputName().equals(input.name()))
                            .map(PlannedValue::value).findFirst().orElseGet(() -> lossless(indicator, input));
                    entries.add(new FactEntry(unit, indicator.code(), input.name(), value, "按完成情况评分"));
                }
            }
        }
        return entries;
    }

    /** The value with which an input costs no points: no deduction fires, every judgement at its best. */
    static JsonNode lossless(Indicator indicator, Input input) {
        BiFunction<Criterion.Kind, Criterion.Condition.Test, Boolean> uses = (kind, test) -> indicator.criteria().stream()
                .anyMatch(c -> c.kind() == kind && c.when() != null && c.when().input().equals(input.name())
                        && (test == null || c.when().test() == test));
        boolean deducts = uses.apply(Criterion.Kind.DEDUCT_IF, null) || uses.apply(Criterion.Kind.ZERO_IF, null);
        return switch (input.type()) {
            case FLAG -> JSON.booleanNode(!deducts);
            // a count that a deduction tests "at least N" costs nothing at 0 (4.1's late filings); one that it tests
            // "below N", or that earns points, at its highest threshold
            case COUNT -> JSON.numberNode(uses.apply(Criterion.Kind.DEDUCT_IF, Criterion.Condition.Test.AT_LEAST)
                    || uses.apply(Criterion.Kind.ZERO_IF, Criterion.Condition.Test.AT_LEAST) ? 0
                    : indicator.criteria().stream()
                    .filter(c -> c.when() != null && c.when().input().equals(input.name()) && c.when().threshold() != null)
                    .map(c -> c.when().threshold()).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO).intValue());
            case RATE -> JSON.numberNode(BigDecimal.ONE);
            case NUMBER -> JSON.numberNode(BigDecimal.ZERO);
            case DATE -> JSON.textNode("2000-01-10");
            case CHOICE -> JSON.textNode(input.options().get(input.options().size() - 1).code());
            case JUDGEMENT -> JSON.objectNode().put("score", indicator.criteria().stream()
                            .anyMatch(c -> c.kind() == Criterion.Kind.JUDGEMENT_DEDUCT && input.name().equals(c.input()))
                            ? BigDecimal.ZERO : input.max())
                    .put("reason", "按完成情况评分");
        };
    }
}
