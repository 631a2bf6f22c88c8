package cn.huangpu.assessment.campaign.process;

import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.UnitAssessmentProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A unit's inputs are in (verified, or closed as not submitted); the last of all inputs moves the campaign on. */
@Component
class RecordUnitReadyDelegate implements JavaDelegate {

    private final CampaignService campaigns;
    private final AllInputsIn allInputsIn;

    RecordUnitReadyDelegate(CampaignService campaigns, AllInputsIn allInputsIn) {
        this.campaigns = campaigns;
        this.allInputsIn = allInputsIn;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long campaignId = (Long) execution.getVariable(CampaignProcess.CAMPAIGN_ID);
        String unitCode = (String) execution.getVariable(UnitAssessmentProcess.UNIT_CODE);
        allInputsIn.recordBeforeCommit(campaignId, () -> campaigns.unitReady(campaignId, unitCode));
    }
}
