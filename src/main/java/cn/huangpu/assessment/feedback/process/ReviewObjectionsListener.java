package cn.huangpu.assessment.feedback.process;

import cn.huangpu.assessment.feedback.FeedbackService;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.CompletionCheck;
import cn.huangpu.assessment.workflow.UnitAssessmentProcess;
import cn.huangpu.assessment.workflow.UnitFeedbackProcess;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** 复核异议 is completed only when every objection of the unit in the window is accepted or rejected. */
@Component
class ReviewObjectionsListener implements TaskListener, CompletionCheck {

    private final FeedbackService feedback;

    ReviewObjectionsListener(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @Override
    public Set<String> taskKeys() {
        return Set.of(UnitFeedbackProcess.REVIEW_OBJECTIONS);
    }

    @Override
    public void check(Map<String, Object> variables) {
        feedback.checkReviewed((Long) variables.get(CampaignProcess.CAMPAIGN_ID),
                ConfirmResultsListener.windowNo(variables.get(UnitFeedbackProcess.WINDOW_NO)),
                (String) variables.get(UnitAssessmentProcess.UNIT_CODE));
    }

    @Override
    public void notify(DelegateTask task) {
        try {
            check(task.getVariables());
        } catch (BadInputException e) {
            throw new BadUserRequestException(BadInputException.describe(e.errors()));
        }
    }
}
