package cn.huangpu.assessment.campaign.process;

import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.workflow.DeadlineVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Closes an overdue specialist evaluation as not delivered: the units are scored on what exists. */
@Component
class CloseEvaluationDelegate implements JavaDelegate {

    private final CampaignService campaigns;

    CloseEvaluationDelegate(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DeadlineSubject subject = DeadlineSubject.of(execution);
        campaigns.closeEvaluator(subject.campaignId(), subject.evaluatorCode(),
                (String) execution.getVariable(DeadlineVariables.CHASE_REASON),
                (String) execution.getVariable(ChaseOverdueListener.CHASED_BY));
    }
}
