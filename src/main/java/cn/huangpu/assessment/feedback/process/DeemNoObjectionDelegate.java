package cn.huangpu.assessment.feedback.process;

import cn.huangpu.assessment.feedback.FeedbackService;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.UnitAssessmentProcess;
import cn.huangpu.assessment.workflow.UnitFeedbackProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The window closed without the unit's answer: 逾期未反馈，视为无异议. */
@Component
class DeemNoObjectionDelegate implements JavaDelegate {

    private final FeedbackService feedback;

    DeemNoObjectionDelegate(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @Override
    public void execute(DelegateExecution execution) {
        feedback.deem((Long) execution.getVariable(CampaignProcess.CAMPAIGN_ID),
                ((Number) execution.getVariable(UnitFeedbackProcess.WINDOW_NO)).intValue(),
                (String) execution.getVariable(UnitAssessmentProcess.UNIT_CODE));
    }
}
