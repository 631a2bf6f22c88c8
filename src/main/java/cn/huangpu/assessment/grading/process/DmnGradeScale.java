package cn.huangpu.assessment.grading.process;

import cn.huangpu.assessment.scoring.GradeScale;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Grades with a deployed version of the {@value #DECISION_KEY} decision table. The total goes in as the
 * {@code BigDecimal} it is: the table's input expression is JUEL ({@code ${total}}) without a type, which
 * hands the value to the FEEL unary tests unchanged, so a cut-off is compared exactly. (A FEEL input
 * expression would turn any number into a double on the way, and {@code typeRef="double"} too.)
 *
 * <p>A round's grades are decisions: the engine evaluates them and keeps each in its history. A view that
 * prices again (the preview, the comprehensive evaluation's current scores) evaluates the same deployed
 * version with a DMN engine of its own, which writes nothing: otherwise every page view would add a
 * history entry per unit.
 *
 * <p>A grader evaluates the table once per distinct total and hands the same grade to every unit with that total:
 * one version of the table gives one total one grade, and most of an evaluation is the FEEL engine's set-up
 * (measured: 44% of a round of 300 units went into 300 evaluations). A round's history so holds one decision per
 * distinct total, with the table version and the total that decided it, which is what explains each unit's
 * grade beside its result (which records the same table id and version).
 */
@Component
class DmnGradeScale implements GradeScale {

    static final String DECISION_KEY = "GradeDecision";
    static final String INPUT_TOTAL = "total";
    static final String OUTPUT_GRADE = "grade";

    private final DecisionService decisionService;
    private final RepositoryService repositoryService;
    private final DmnEngine viewEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    /** Deployed versions never change, so a version parsed once stays right; there are a handful. */
    private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();
    /**
     * What views decided, by version: a version gives a total the same grade every time, so a view reuses the
     * grades of the views before it (at most one entry per distinct total, a few thousand on a 110-point scale).
     */
    private final Map<String, Map<BigDecimal, String>> viewed = new ConcurrentHashMap<>();

    DmnGradeScale(DecisionService decisionService, RepositoryService repositoryService) {
        this.decisionService = decisionService;
        this.repositoryService = repositoryService;
    }

    @Override
    public Grader forRound() {
        GradeTable table = current();
        return new TableGrader(table, total -> decisionService.evaluateDecisionTableById(table.id(), input(total))
                .getSingleResult().getEntry(OUTPUT_GRADE));
    }

    @Override
    public Grader forView() {
        GradeTable table = current();
        DmnDecision decision = parsed.computeIfAbsent(table.id(), this::parse);
        return new TableGrader(table, total -> viewEngine.evaluateDecisionTable(decision, input(total))
                .getSingleResult().getEntry(OUTPUT_GRADE), viewed.computeIfAbsent(table.id(), id -> new ConcurrentHashMap<>()));
    }

    private GradeTable current() {
        DecisionDefinition latest = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION_KEY)
                .latestVersion().singleResult();
        if (latest == null) {
            throw new IllegalStateException("No " + DECISION_KEY + " deployed");
        }
        return new GradeTable(latest.getId(), latest.getKey(), latest.getVersion());
    }

    private DmnDecision parse(String decisionDefinitionId) {
        try (InputStream model = repositoryService.getDecisionModel(decisionDefinitionId)) {
            return viewEngine.parseDecision(DECISION_KEY, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static VariableMap input(BigDecimal total) {
        return Variables.createVariables().putValue(INPUT_TOTAL, total);
    }

    /** Grades with one version, evaluating it once per distinct total (an equal value of another scale is another key). */
    private record TableGrader(GradeTable table, Function<BigDecimal, String> grade, Map<BigDecimal, String> decided)
            implements Grader {

        TableGrader(GradeTable table, Function<BigDecimal, String> grade) {
            this(table, grade, new ConcurrentHashMap<>());
        }

        @Override
        public String gradeFor(BigDecimal total) {
            String known = decided.get(total);
            if (known != null) {
                return known;
            }
            String graded = grade.apply(total);
            if (graded != null) {
                decided.putIfAbsent(total, graded);
            }
            return graded;
        }
    }
}
