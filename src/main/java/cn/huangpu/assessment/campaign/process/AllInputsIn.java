package cn.huangpu.assessment.campaign.process;

import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.workflow.CampaignProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Tells the campaign process that its last input arrived, in the transaction that recorded it. */
@Component
class AllInputsIn {

    private final CampaignService campaigns;
    private final RuntimeService runtimeService;

    AllInputsIn(CampaignService campaigns, RuntimeService runtimeService) {
        this.campaigns = campaigns;
        this.runtimeService = runtimeService;
    }

    void signal(Long campaignId) {
        runtimeService.createMessageCorrelation(CampaignProcess.MESSAGE_ALL_INPUTS_IN)
                .processInstanceId(campaigns.get(campaignId).getProcessInstanceId())
                .correlate();
    }
}
