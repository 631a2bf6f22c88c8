package cn.huangpu.assessment.rectification.process;

import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.rectification.RectificationService;
import cn.huangpu.assessment.workflow.CampaignProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Builds the items of one batch of units and starts the rectification of each unit that has open items. The model
 * runs one instance of this task per batch ({@code loopCounter} of {@code nrOfInstances}), several at once; a
 * retried job does nothing twice, since the items and the units' states roll back with it.
 */
@Component
class LaunchUnitRectificationsDelegate implements JavaDelegate {

    private final RectificationService rectification;
    private final CampaignService campaigns;
    private final UnitRectificationStarter starter;

    LaunchUnitRectificationsDelegate(RectificationService rectification, CampaignService campaigns,
                                     UnitRectificationStarter starter) {
        this.rectification = rectification;
        this.campaigns = campaigns;
        this.starter = starter;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long campaignId = (Long) execution.getVariable(CampaignProcess.CAMPAIGN_ID);
        int batch = (Integer) execution.getVariable(CampaignProcess.LOOP_COUNTER);
        int batches = (Integer) execution.getVariable(CampaignProcess.NR_OF_INSTANCES);
        int year = campaigns.get(campaignId).year();
        for (RectificationService.Launch launch : rectification.launchBatch(campaignId, batch, batches)) {
            starter.start(campaignId, year, launch.unitCode(), launch.due());
        }
    }
}
