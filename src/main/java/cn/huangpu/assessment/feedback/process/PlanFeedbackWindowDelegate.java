package cn.huangpu.assessment.feedback.process;

import cn.huangpu.assessment.feedback.FeedbackService;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.UnitFeedbackProcess;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Opens this round's feedback window, or none; the gateway after it reads what it set. */
@Component
class PlanFeedbackWindowDelegate implements JavaDelegate {

    private final FeedbackService feedback;

    PlanFeedbackWindowDelegate(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Optional<FeedbackService.WindowPlan> plan = feedback.open((Long) execution.getVariable(CampaignProcess.CAMPAIGN_ID));
        execution.setVariable(CampaignProcess.FEEDBACK_WINDOW_OPENS, plan.isPresent());
        plan.ifPresent(window -> {
            execution.setVariable(CampaignProcess.FEEDBACK_BATCHES, window.batches());
            execution.setVariable(CampaignProcess.FEEDBACK_DUE, Date.from(window.due()));
            execution.setVariable(UnitFeedbackProcess.WINDOW_NO, window.windowNo());
            execution.setVariable(UnitFeedbackProcess.REMIND_DAYS, window.remindDays());
        });
    }
}
