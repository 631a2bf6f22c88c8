package cn.huangpu.assessment.grading.process;

import cn.huangpu.assessment.grading.GradeApproval;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.InputError;
import cn.huangpu.assessment.workflow.Actors;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.CompletionCheck;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The leaders' decision: approval freezes the results; sending back needs a reason, recorded in the
 * audit trail, and returns to comprehensive evaluation.
 */
@Component
class ApproveGradesListener implements TaskListener, CompletionCheck {

    private final GradeApproval approval;

    ApproveGradesListener(GradeApproval approval) {
        this.approval = approval;
    }

    @Override
    public Set<String> taskKeys() {
        return Set.of(CampaignProcess.APPROVE_GRADES);
    }

    @Override
    public void check(Map<String, Object> variables) {
        Object decision = variables.get(CampaignProcess.APPROVAL_DECISION);
        if (!CampaignProcess.APPROVE.equals(decision) && !CampaignProcess.SEND_BACK.equals(decision)) {
            throw new BadInputException("审定意见有误", InputError.field(CampaignProcess.APPROVAL_DECISION, "审定意见",
                    "请选择审定意见：审定通过，或退回重新综合评估"));
        }
        Object reason = variables.get(CampaignProcess.SEND_BACK_REASON);
        if (CampaignProcess.SEND_BACK.equals(decision) && (reason == null || reason.toString().isBlank())) {
            throw new BadInputException("审定意见有误", InputError.field(CampaignProcess.SEND_BACK_REASON, "退回理由", "退回须填写退回理由"));
        }
    }

    @Override
    public void notify(DelegateTask task) {
        try {
            check(task.getVariables());
        } catch (BadInputException e) {
            throw new BadUserRequestException(BadInputException.describe(e.errors()));
        }
        Long campaignId = (Long) task.getVariable(CampaignProcess.CAMPAIGN_ID);
        String actor = Actors.of(task);
        if (CampaignProcess.APPROVE.equals(task.getVariable(CampaignProcess.APPROVAL_DECISION))) {
            approval.approve(campaignId, actor);
        } else {
            approval.sendBack(campaignId, task.getVariable(CampaignProcess.SEND_BACK_REASON).toString().strip(), actor);
        }
    }
}
