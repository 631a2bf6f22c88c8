package cn.huangpu.assessment.selfcheck.process;

import cn.huangpu.assessment.selfcheck.SelfCheckService;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.workflow.Actors;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.UnitAssessmentProcess;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Submits the self-check when its task completes; an incomplete one is refused (HTTP 400) and the task stays open. */
@Component
class SubmitSelfCheckListener implements TaskListener {

    private final SelfCheckService selfChecks;

    SubmitSelfCheckListener(SelfCheckService selfChecks) {
        this.selfChecks = selfChecks;
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
