package cn.huangpu.assessment.results.process;

import cn.huangpu.assessment.results.CampaignScoring;
import cn.huangpu.assessment.workflow.CampaignProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** All inputs are in: scores every unit once (round 1). Re-executed, it records nothing twice. */
@Component
class ScoreUnitsDelegate implements JavaDelegate {

    private final CampaignScoring scoring;

    ScoreUnitsDelegate(CampaignScoring scoring) {
        this.scoring = scoring;
    }

    @Override
    public void execute(DelegateExecution execution) {
        scoring.scoreRound((Long) execution.getVariable(CampaignProcess.CAMPAIGN_ID), CampaignScoring.FIRST_ROUND);
        execution.setVariable(CampaignProcess.GRADING_ROUND, CampaignScoring.FIRST_ROUND);
    }
}
