package cn.huangpu.assessment.rectification.process;

import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.directory.ReferenceData;
import cn.huangpu.assessment.rectification.UnitRectificationNeeded;
import cn.huangpu.assessment.security.Groups;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.RectificationProcess;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts a unit's processes/UnitRectification.bpmn with its deadline, in the caller's transaction: from a launch
 * batch, or when the office adds an item to a unit whose rectification is not running.
 */
@Component
class UnitRectificationStarter {

    private final RuntimeService runtimeService;
    private final CampaignService campaigns;
    private final ReferenceData referenceData;

    UnitRectificationStarter(RuntimeService runtimeService, CampaignService campaigns, ReferenceData referenceData) {
        this.runtimeService = runtimeService;
        this.campaigns = campaigns;
        this.referenceData = referenceData;
    }

    @EventListener
    void on(UnitRectificationNeeded event) {
        start(event.campaignId(), campaigns.get(event.campaignId()).year(), event.unitCode(), event.due());
    }

    void start(Long campaignId, int year, String unitCode, Instant due) {
        runtimeService.createProcessInstanceByKey(RectificationProcess.KEY)
                .businessKey(RectificationProcess.businessKey(year, referenceData.unitName(unitCode)))
                .setVariables(Variables.createVariables()
                        .putValue(CampaignProcess.CAMPAIGN_ID, campaignId)
                        .putValue(RectificationProcess.UNIT_CODE, unitCode)
                        .putValue(RectificationProcess.UNIT_GROUP, Groups.unit(unitCode))
                        .putValue(RectificationProcess.DUE, Date.from(due)))
                .execute();
    }
}
