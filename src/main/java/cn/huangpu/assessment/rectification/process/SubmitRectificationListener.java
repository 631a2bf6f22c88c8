package cn.huangpu.assessment.rectification.process;

import cn.huangpu.assessment.rectification.RectificationService;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.InputError;
import cn.huangpu.assessment.workflow.Actors;
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
 * Hands in the unit's reports when 落实整改 completes. The same check runs before the engine completes the task on
 * every route (the page's link to the Tasklist, the engine REST API): an open item without a complete report refuses
 * the completion with 400, each item named.
 */
@Component
class SubmitRectificationListener implements TaskListener, CompletionCheck {

    private final RectificationService rectification;

    SubmitRectificationListener(RectificationService rectification) {
        this.rectification = rectification;
    }

    @Override
    public Set<String> taskKeys() {
        return Set.of(RectificationProcess.RECTIFY);
    }

    @Override
    public void check(Map<String, Object> variables) {
        if (!Boolean.TRUE.equals(variables.get(RectificationProcess.CONFIRM_REPORTED))) {
            throw new BadInputException("不能报送", InputError.field(RectificationProcess.CONFIRM_REPORTED, "确认报送",
                    "请勾选确认后再报送"));
        }
        List<InputError> missing = rectification.missingReports((Long) variables.get(CampaignProcess.CAMPAIGN_ID),
                (String) variables.get(RectificationProcess.UNIT_CODE));
        if (!missing.isEmpty()) {
            throw RectificationService.incomplete(missing);
        }
    }

    @Override
    public void notify(DelegateTask task) {
        try {
            rectification.handIn((Long) task.getVariable(CampaignProcess.CAMPAIGN_ID),
                    (String) task.getVariable(RectificationProcess.UNIT_CODE), Actors.of(task));
        } catch (BadInputException e) {
            throw new BadUserRequestException(e.listed());
        }
    }
}
