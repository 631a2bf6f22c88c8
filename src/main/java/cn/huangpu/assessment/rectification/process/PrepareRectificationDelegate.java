package cn.huangpu.assessment.rectification.process;

import cn.huangpu.assessment.rectification.RectificationService;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.RectificationProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Lists the published results' units for their items and sets how many batches build them. */
@Component
class PrepareRectificationDelegate implements JavaDelegate {

    private final RectificationService rectification;

    PrepareRectificationDelegate(RectificationService rectification) {
        this.rectification = rectification;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long campaignId = (Long) execution.getVariable(CampaignProcess.CAMPAIGN_ID);
        execution.setVariable(RectificationProcess.UNIT_BATCHES, rectification.prepare(campaignId));
    }
}
