package cn.huangpu.assessment.rectification.process;

import cn.huangpu.assessment.rectification.RectificationService;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.InputError;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.CompletionCheck;
import cn.huangpu.assessment.workflow.RectificationProcess;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completes the office's 复核整改: refused (400, on every route) while a reported item has no decision; then sets
 * how many items are open for the unit again, which decides whether the unit's task reopens.
 */
@Component
class ReviewRectificationListener implements TaskListener, CompletionCheck {

    private final RectificationService rectification;

    ReviewRectificationListener(RectificationService rectification) {
        this.rectification = rectification;
    }

    @Override
    public Set<String> taskKeys() {
        return Set.of(RectificationProcess.REVIEW);
    }

    @Override
    public void check(Map<String, Object> variables) {
        if (!Boolean.TRUE.equals(variables.get(RectificationProcess.CONFIRM_REVIEWED))) {
            throw new BadInputException("不能完成复核", InputError.field(RectificationProcess.CONFIRM_REVIEWED, "确认复核",
                    "请勾选确认后再提交"));
        }
        List<InputError> undecided = rectification.undecided((Long) variables.get(CampaignProcess.CAMPAIGN_ID),
                (String) variables.get(RectificationProcess.UNIT_CODE));
        if (!undecided.isEmpty()) {
            throw RectificationService.unreviewed(undecided);
        }
    }

    @Override
    public void notify(DelegateTask task) {
        try {
            task.setVariable(RectificationProcess.REOPENED, rectification.reviewed(
                    (Long) task.getVariable(CampaignProcess.CAMPAIGN_ID),
                    (String) task.getVariable(RectificationProcess.UNIT_CODE)));
        } catch (BadInputException e) {
            throw new BadUserRequestException(e.listed());
        }
    }
}
