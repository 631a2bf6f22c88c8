package cn.huangpu.assessment.campaign.process;

import cn.huangpu.assessment.campaign.Campaign;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.CampaignSettings;
import cn.huangpu.assessment.campaign.CampaignUnit;
import cn.huangpu.assessment.security.Groups;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.RuntimeStatistics;
import cn.huangpu.assessment.workflow.UnitAssessmentProcess;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Starts one UnitAssessment instance per unit, a batch per transaction (the model loops until every
 * unit is launched), each up to its self-check task and deadline timers. A retried job starts nothing
 * twice: the launched flags roll back with it. The last batch refreshes the planner statistics.
 */
@Component
class LaunchUnitAssessmentsDelegate implements JavaDelegate {

    private final CampaignService campaigns;
    private final RuntimeService runtimeService;
    private final RuntimeStatistics statistics;
    private final CampaignSettings settings;

    LaunchUnitAssessmentsDelegate(CampaignService campaigns, RuntimeService runtimeService, RuntimeStatistics statistics,
                                  CampaignSettings settings) {
        this.campaigns = campaigns;
        this.runtimeService = runtimeService;
        this.statistics = statistics;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long campaignId = (Long) execution.getVariable(CampaignProcess.CAMPAIGN_ID);
        Campaign campaign = campaigns.get(campaignId);
        for (CampaignUnit unit : campaigns.launchNextUnits(campaignId)) {
            runtimeService.createProcessInstanceByKey(UnitAssessmentProcess.KEY)
                    .businessKey(UnitAssessmentProcess.businessKey(campaignId, unit.getUnitCode()))
                    .setVariables(Variables.createVariables()
                            .putValue(CampaignProcess.CAMPAIGN_ID, campaignId)
                            .putValue(UnitAssessmentProcess.UNIT_CODE, unit.getUnitCode())
                            .putValue(UnitAssessmentProcess.UNIT_GROUP, Groups.unit(unit.getUnitCode()))
                            .putValue(CampaignProcess.SELF_CHECK_DUE, Date.from(unit.getDue()))
                            .putValue(CampaignProcess.COMPREHENSIVE_DUE, Date.from(campaign.getDates().comprehensiveDue())))
                    .execute();
        }
        boolean allLaunched = campaigns.allUnitsLaunched(campaignId);
        if (allLaunched && settings.refreshStatisticsAfterLaunch()) {
            statistics.refresh();
        }
        execution.setVariable(CampaignProcess.ALL_UNITS_LAUNCHED, allLaunched);
    }
}
