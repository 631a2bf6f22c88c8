package cn.huangpu.assessment.campaign.process;

import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.workflow.DeadlineVariables;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Gives one unit or evaluator a new deadline; the model then reopens its task with the new due date and timers. */
@Component
class ExtendDeadlineDelegate implements JavaDelegate {

    private final CampaignService campaigns;

    ExtendDeadlineDelegate(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DeadlineSubject subject = DeadlineSubject.of(execution);
        Date newDue = (Date) execution.getVariable(DeadlineVariables.NEW_DUE_DATE);
        String reason = (String) execution.getVariable(DeadlineVariables.CHASE_REASON);
        String actor = (String) execution.getVariable(ChaseOverdueListener.CHASED_BY);
        if (subject.isUnit()) {
            campaigns.extendUnit(subject.campaignId(), subject.unitCode(), newDue.toInstant(), reason, actor);
        } else {
            campaigns.extendEvaluator(subject.campaignId(), subject.evaluatorCode(), newDue.toInstant(), reason, actor);
        }
        execution.setVariable(subject.dueVariable(), newDue);
    }
}
