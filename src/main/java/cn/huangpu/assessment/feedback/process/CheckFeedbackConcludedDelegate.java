package cn.huangpu.assessment.feedback.process;

import cn.huangpu.assessment.feedback.FeedbackService;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.UnitFeedbackProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Once every batch is launched: whether all units' feedback is concluded already, decided under the window's row
 * lock in the transaction that then waits for the message, so that the last unit's message is never sent to no one.
 */
@Component
class CheckFeedbackConcludedDelegate implements JavaDelegate {

    private final FeedbackService feedback;

    CheckFeedbackConcludedDelegate(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(CampaignProcess.FEEDBACK_CONCLUDED, feedback.concluded(
                (Long) execution.getVariable(CampaignProcess.CAMPAIGN_ID),
                ((Number) execution.getVariable(UnitFeedbackProcess.WINDOW_NO)).intValue()));
    }
}
