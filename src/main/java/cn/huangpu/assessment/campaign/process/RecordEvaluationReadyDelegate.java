package cn.huangpu.assessment.campaign.process;

import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.SpecialistEvaluationProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A specialist evaluator's results are in (delivered, or closed); the last of all inputs moves the campaign on. */
@Component
class RecordEvaluationReadyDelegate implements JavaDelegate {

    private final CampaignService campaigns;
    private final AllInputsIn allInputsIn;

    RecordEvaluationReadyDelegate(CampaignService campaigns, AllInputsIn allInputsIn) {
        this.campaigns = campaigns;
        this.allInputsIn = allInputsIn;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long campaignId = (Long) execution.getVariable(CampaignProcess.CAMPAIGN_ID);
        String evaluatorCode = (String) execution.getVariable(SpecialistEvaluationProcess.EVALUATOR_CODE);
        allInputsIn.recordBeforeCommit(campaignId, () -> campaigns.evaluatorReady(campaignId, evaluatorCode));
    }
}
