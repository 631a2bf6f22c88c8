package cn.huangpu.assessment.grading.process;

import cn.huangpu.assessment.scoring.GradeScale;
import java.math.BigDecimal;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Grades with the latest deployed version of the {@value #DECISION_KEY} decision table. */
@Component
class DmnGradeScale implements GradeScale {

    static final String DECISION_KEY = "GradeDecision";
    static final String INPUT_TOTAL = "total";
    static final String OUTPUT_GRADE = "grade";

    private final DecisionService decisionService;

    DmnGradeScale(DecisionService decisionService) {
        this.decisionService = decisionService;
    }

    @Override
    public String gradeFor(BigDecimal total) {
        return decisionService.evaluateDecisionTableByKey(DECISION_KEY,
                        Variables.createVariables().putValue(INPUT_TOTAL, total.doubleValue()))
                .getSingleResult()
                .getEntry(OUTPUT_GRADE);
    }
}
