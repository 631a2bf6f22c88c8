package cn.huangpu.assessment.feedback.process;

import cn.huangpu.assessment.feedback.FeedbackService;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.workflow.Actors;
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

/**
 * The unit's answer when its 确认评估结果 task completes: 无异议, or 申请复核 with the objections it saved on its page,
 * checked on every completion route before the engine completes the task (REST, Tasklist, Java API) and again here
 * in the engine's transaction. The answer's outcome routes the instance ({@code feedbackObjected}).
 */
@Component
class ConfirmResultsListener implements TaskListener, CompletionCheck {

    private final FeedbackService feedback;

    ConfirmResultsListener(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @Override
    public Set<String> taskKeys() {
        return Set.of(UnitFeedbackProcess.CONFIRM_RESULTS);
    }

    @Override
    public void check(Map<String, Object> variables) {
        feedback.checkAnswer((Long) variables.get(CampaignProcess.CAMPAIGN_ID), windowNo(variables.get(UnitFeedbackProcess.WINDOW_NO)),
                (String) variables.get(UnitAssessmentProcess.UNIT_CODE), variables.get(UnitFeedbackProcess.ANSWER_FIELD));
    }

    @Override
    public void notify(DelegateTask task) {
        try {
            boolean objected = feedback.answer((Long) task.getVariable(CampaignProcess.CAMPAIGN_ID),
                    windowNo(task.getVariable(UnitFeedbackProcess.WINDOW_NO)),
                    (String) task.getVariable(UnitAssessmentProcess.UNIT_CODE),
                    task.getVariable(UnitFeedbackProcess.ANSWER_FIELD), Actors.of(task));
            task.getExecution().getProcessInstance().setVariable(UnitFeedbackProcess.OBJECTED, objected);
        } catch (BadInputException e) {
            throw new BadUserRequestException(BadInputException.describe(e.errors()));
        }
    }

    static int windowNo(Object value) {
        return ((Number) value).intValue();
    }
}
