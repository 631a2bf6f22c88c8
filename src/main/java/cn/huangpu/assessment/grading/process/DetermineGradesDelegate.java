package cn.huangpu.assessment.grading.process;

import cn.huangpu.assessment.results.CampaignScoring;
import cn.huangpu.assessment.workflow.CampaignProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The business rule task: rescores every unit from the facts after comprehensive evaluation and grades
 * it with the GradeDecision table, as a new round. The round number is a process variable, so a job
 * executed twice at once computes the same round and the second records nothing.
 */
@Component
class DetermineGradesDelegate implements JavaDelegate {

    private final CampaignScoring scoring;

    DetermineGradesDelegate(CampaignScoring scoring) {
        this.scoring = scoring;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object previous = execution.getVariable(CampaignProcess.GRADING_ROUND);
        int round = (previous == null ? CampaignScoring.FIRST_ROUND : ((Number) previous).intValue()) + 1;
        scoring.scoreRound((Long) execution.getVariable(CampaignProcess.CAMPAIGN_ID), round);
        execution.setVariable(CampaignProcess.GRADING_ROUND, round);
    }
}
