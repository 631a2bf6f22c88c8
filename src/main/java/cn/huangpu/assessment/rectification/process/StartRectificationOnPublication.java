package cn.huangpu.assessment.rectification.process;

import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.progress.ResultsPublished;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.RectificationProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Each publication (the first, and each after a reopening) starts processes/RectificationLaunch.bpmn for the
 * campaign. It starts in the publication's transaction, so that it commits with it, but only as far as its first
 * step, which is asynchronous: the items of thousands of units are built afterwards, in batches of their own.
 */
@Component
class StartRectificationOnPublication {

    private final RuntimeService runtimeService;
    private final CampaignService campaigns;

    StartRectificationOnPublication(RuntimeService runtimeService, CampaignService campaigns) {
        this.runtimeService = runtimeService;
        this.campaigns = campaigns;
    }

    @EventListener
    void on(ResultsPublished event) {
        int year = campaigns.get(event.campaignId()).year();
        runtimeService.createProcessInstanceByKey(RectificationProcess.LAUNCH_KEY)
                .businessKey(CampaignProcess.businessKey(year) + "/整改")
                .setVariables(Variables.createVariables().putValue(CampaignProcess.CAMPAIGN_ID, event.campaignId()))
                .execute();
    }
}
