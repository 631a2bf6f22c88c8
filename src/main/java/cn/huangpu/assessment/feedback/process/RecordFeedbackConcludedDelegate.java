package cn.huangpu.assessment.feedback.process;

import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.UnitAssessmentProcess;
import cn.huangpu.assessment.workflow.UnitFeedbackProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The unit's feedback is concluded (answered and ruled, or deemed); the last of the window moves the campaign on. */
@Component
class RecordFeedbackConcludedDelegate implements JavaDelegate {

    private final FeedbackConcluded concluded;

    RecordFeedbackConcludedDelegate(FeedbackConcluded concluded) {
        this.concluded = concluded;
    }

    @Override
    public void execute(DelegateExecution execution) {
        concluded.recordBeforeCommit((Long) execution.getVariable(CampaignProcess.CAMPAIGN_ID),
                ((Number) execution.getVariable(UnitFeedbackProcess.WINDOW_NO)).intValue(),
                (String) execution.getVariable(UnitAssessmentProcess.UNIT_CODE));
    }
}
