package cn.huangpu.assessment.grading.process;

import cn.huangpu.assessment.audit.AuditLog;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.workflow.Actors;
import cn.huangpu.assessment.workflow.CampaignProcess;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The leaders' decision: approval freezes the results; sending back needs a reason, recorded in the
 * audit trail, and returns to comprehensive evaluation.
 */
@Component
class ApproveGradesListener implements TaskListener {

    private final CampaignService campaigns;
    private final AuditLog audit;

    ApproveGradesListener(CampaignService campaigns, AuditLog audit) {
        this.campaigns = campaigns;
        this.audit = audit;
    }

    @Override
    public void notify(DelegateTask task) {
        Long campaignId = (Long) task.getVariable(CampaignProcess.CAMPAIGN_ID);
        Object decision = task.getVariable(CampaignProcess.APPROVAL_DECISION);
        String actor = Actors.of(task);
        if (CampaignProcess.APPROVE.equals(decision)) {
            campaigns.approve(campaignId, actor);
        } else if (CampaignProcess.SEND_BACK.equals(decision)) {
            Object reason = task.getVariable(CampaignProcess.SEND_BACK_REASON);
            if (reason == null || reason.toString().isBlank()) {
                throw new BadUserRequestException("退回须填写退回理由");
            }
            audit.record(campaignId, "campaign " + campaignId, "SEND_BACK", null, null, reason.toString().strip(), actor);
        } else {
            throw new BadUserRequestException("请选择审定意见：审定通过，或退回重新综合评估");
        }
    }
}
