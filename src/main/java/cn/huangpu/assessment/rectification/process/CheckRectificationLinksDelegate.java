package cn.huangpu.assessment.rectification.process;

import cn.huangpu.assessment.rectification.RectificationService;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.RectificationProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Queues the checks of the reported fixes' links; sets what waits for the office and what is open again. */
@Component
class CheckRectificationLinksDelegate implements JavaDelegate {

    private final RectificationService rectification;

    CheckRectificationLinksDelegate(RectificationService rectification) {
        this.rectification = rectification;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RectificationService.Review review = rectification.queueChecks(
                (Long) execution.getVariable(CampaignProcess.CAMPAIGN_ID),
                (String) execution.getVariable(RectificationProcess.UNIT_CODE));
        execution.setVariable(RectificationProcess.TO_REVIEW, review.toReview());
        execution.setVariable(RectificationProcess.REOPENED, review.open());
    }
}
