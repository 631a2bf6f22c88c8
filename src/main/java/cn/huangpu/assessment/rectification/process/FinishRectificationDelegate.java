package cn.huangpu.assessment.rectification.process;

import cn.huangpu.assessment.rectification.RectificationService;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.RectificationProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Every item of the unit is accepted or closed: its rectification is done. */
@Component
class FinishRectificationDelegate implements JavaDelegate {

    private final RectificationService rectification;

    FinishRectificationDelegate(RectificationService rectification) {
        this.rectification = rectification;
    }

    @Override
    public void execute(DelegateExecution execution) {
        rectification.finish((Long) execution.getVariable(CampaignProcess.CAMPAIGN_ID),
                (String) execution.getVariable(RectificationProcess.UNIT_CODE));
    }
}
