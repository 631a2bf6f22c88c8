package cn.huangpu.assessment.selfcheck.process;

import cn.huangpu.assessment.selfcheck.SelfCheckService;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.InputError;
import cn.huangpu.assessment.workflow.Actors;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.CompletionCheck;
import cn.huangpu.assessment.workflow.UnitAssessmentProcess;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Submits the self-check when its task completes; an incomplete one is refused and the task stays open. */
@Component
class SubmitSelfCheckListener implements TaskListener, CompletionCheck {

    private final SelfCheckService selfChecks;

    SubmitSelfCheckListener(SelfCheckService selfChecks) {
        this.selfChecks = selfChecks;
    }

    @Override
    public Set<String> taskKeys() {
        return Set.of(UnitAssessmentProcess.SUBMIT_SELF_CHECK);
    }

    @Override
    public void check(Map<String, Object> variables) {
        List<InputError> missing = selfChecks.missing((Long) variables.get(CampaignProcess.CAMPAIGN_ID),
                (String) variables.get(UnitAssessmentProcess.UNIT_CODE));
        if (!missing.isEmpty()) {
            throw SelfCheckService.incomplete(missing);
        }
    }

    @Override
    public void notify(DelegateTask task) {
        try {
            selfChecks.submit((Long) task.getVariable(CampaignProcess.CAMPAIGN_ID),
                    (String) task.getVariable(UnitAssessmentProcess.UNIT_CODE), Actors.of(task));
        } catch (BadInputException e) {
            throw new BadUserRequestException(e.getMessage());
        }
    }
}
