package cn.huangpu.assessment.campaign.process;

import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.workflow.DeadlineVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Closes an overdue self-check as not submitted: the unit is scored on what exists. */
@Component
class CloseSelfCheckDelegate implements JavaDelegate {

    private final CampaignService campaigns;

    CloseSelfCheckDelegate(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DeadlineSubject subject = DeadlineSubject.of(execution);
        campaigns.closeUnit(subject.campaignId(), subject.unitCode(),
                (String) execution.getVariable(DeadlineVariables.CHASE_REASON),
                (String) execution.getVariable(ChaseOverdueListener.CHASED_BY));
    }
}
