package cn.huangpu.assessment.campaign.process;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.UnitParticipation;
import cn.huangpu.assessment.campaign.internal.CampaignSettings;
import cn.huangpu.assessment.directory.ReferenceData;
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
 * Starts one UnitAssessment instance per unit of one batch, each up to its self-check task and deadline
 * timers. The model runs one instance of this task per batch ({@code loopCounter} of {@code nrOfInstances}),
 * several at once. A retried job starts nothing twice: the launched flags roll back with it.
 */
@Component
class LaunchUnitAssessmentsDelegate implements JavaDelegate {

    private final CampaignService campaigns;
    private final RuntimeService runtimeService;
    private final ReferenceData referenceData;
    private final RuntimeStatistics statistics;
    private final CampaignSettings settings;

    LaunchUnitAssessmentsDelegate(CampaignService campaigns, RuntimeService runtimeService, ReferenceData referenceData,
                                  RuntimeStatistics statistics, CampaignSettings settings) {
        this.campaigns = campaigns;
        this.runtimeService = runtimeService;
        this.referenceData = referenceData;
        this.statistics = statistics;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long campaignId = (Long) execution.getVariable(CampaignProcess.CAMPAIGN_ID);
        CampaignInfo campaign = campaigns.get(campaignId);
        int batch = (Integer) execution.getVariable(CampaignProcess.LOOP_COUNTER);
        int batches = (Integer) execution.getVariable(CampaignProcess.NR_OF_INSTANCES);
        for (UnitParticipation unit : campaigns.launchBatch(campaignId, batch, batches)) {
            runtimeService.createProcessInstanceByKey(UnitAssessmentProcess.KEY)
                    .businessKey(UnitAssessmentProcess.businessKey(campaign.year(),
                            referenceData.unitName(unit.unitCode())))
                    .setVariables(Variables.createVariables()
                            .putValue(CampaignProcess.CAMPAIGN_ID, campaignId)
                            .putValue(UnitAssessmentProcess.UNIT_CODE, unit.unitCode())
                            .putValue(UnitAssessmentProcess.UNIT_GROUP, Groups.unit(unit.unitCode()))
                            .putValue(CampaignProcess.SELF_CHECK_DUE, Date.from(unit.due()))
                            .putValue(CampaignProcess.COMPREHENSIVE_DUE, Date.from(campaign.dates().comprehensiveDue())))
                    .execute();
        }
        // The batches fill the runtime tables from (nearly) empty. Planned on the statistics of empty tables, each
        // unit's start scanned every execution several times (measured on the bare engine at 6,000 units: 25,143
        // sequential scans of act_ru_execution reading 1.1 billion rows): the statistics are refreshed as the tables
        // grow, after the 1st, 2nd, 4th, 8th … batch (five times for 6,000 units).
        if (settings.refreshStatisticsAfterLaunch() && Integer.bitCount(batch + 1) == 1) {
            statistics.refresh();
        }
    }
}
