package cn.huangpu.assessment.verification.process;

import cn.huangpu.assessment.verification.VerificationService;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.workflow.Actors;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.UnitAssessmentProcess;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Marks the unit verified when the office completes its verification task. */
@Component
class VerifySelfCheckListener implements TaskListener {

    private final VerificationService verification;

    VerifySelfCheckListener(VerificationService verification) {
        this.verification = verification;
    }

    @Override
    public void notify(DelegateTask task) {
        try {
            verification.complete((Long) task.getVariable(CampaignProcess.CAMPAIGN_ID),
                    (String) task.getVariable(UnitAssessmentProcess.UNIT_CODE), Actors.of(task));
        } catch (BadInputException e) {
            throw new BadUserRequestException(e.getMessage());
        }
    }
}
