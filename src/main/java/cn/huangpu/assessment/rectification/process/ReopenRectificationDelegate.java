package cn.huangpu.assessment.rectification.process;

import cn.huangpu.assessment.rectification.RectificationService;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.RectificationProcess;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The unit's task opens again for what was sent back, with the deadline of the next round. */
@Component
class ReopenRectificationDelegate implements JavaDelegate {

    private final RectificationService rectification;

    ReopenRectificationDelegate(RectificationService rectification) {
        this.rectification = rectification;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(RectificationProcess.DUE, Date.from(rectification.reopen(
                (Long) execution.getVariable(CampaignProcess.CAMPAIGN_ID),
                (String) execution.getVariable(RectificationProcess.UNIT_CODE))));
    }
}
