package cn.huangpu.assessment.campaign.process;

import cn.huangpu.assessment.campaign.Campaign;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.workflow.CampaignProcess;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a campaign and starts its process in one transaction, for the API and the demo data. The one type of
 * the campaign's process glue that another module (demo) may use: it lives with the glue because it starts
 * the engine's process, and is exposed on its own rather than the whole {@code process} package.
 */
@Service
@NamedInterface("starter")
public class CampaignStarter {

    private final CampaignService campaigns;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;

    CampaignStarter(CampaignService campaigns, RuntimeService runtimeService, HistoryService historyService) {
        this.campaigns = campaigns;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
    }

    @Transactional
    public Campaign start(OpenCampaign request, String actor) {
        return start(request, actor, false);
    }

    @Transactional
    public Campaign start(OpenCampaign request, String actor, boolean allowPastDates) {
        Campaign campaign = campaigns.open(request, actor, allowPastDates);
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(CampaignProcess.KEY,
                CampaignProcess.businessKey(campaign.getYear()), processVariables(campaign)
                        .putValue(CampaignProcess.UNIT_BATCHES, campaigns.launchBatches(campaign.getId()))
                        .putValue(CampaignProcess.INITIATOR, actor));
        campaigns.attachProcess(campaign.getId(), instance.getId());
        return campaign;
    }

    /** Reopens published results with a reason and starts the comprehensive evaluation again. */
    @Transactional
    public Campaign reopen(Long campaignId, String reason, String actor) {
        String launchedKey = launchedBusinessKey(campaigns.get(campaignId));
        Campaign campaign = campaigns.reopen(campaignId, reason, actor);
        // A start message correlates to no instance: the business key here is the new instance's, kept from
        // the campaign's first instance rather than rebuilt.
        ProcessInstance instance = runtimeService.createMessageCorrelation(CampaignProcess.MESSAGE_REOPENED)
                .processInstanceBusinessKey(launchedKey)
                .setVariables(processVariables(campaign))
                // Grading rounds go on from the last recorded one, so the reopened results are a new round.
                .setVariable(CampaignProcess.GRADING_ROUND, campaign.getScoringRound())
                .correlateStartMessage();
        campaigns.attachProcess(campaignId, instance.getId());
        return campaign;
    }

    /** The business key the campaign's instance got at launch (the instance has ended; history keeps it). */
    private String launchedBusinessKey(Campaign campaign) {
        HistoricProcessInstance launched = campaign.getProcessInstanceId() == null ? null
                : historyService.createHistoricProcessInstanceQuery()
                        .processInstanceId(campaign.getProcessInstanceId()).singleResult();
        return launched == null || launched.getBusinessKey() == null
                ? CampaignProcess.businessKey(campaign.getYear()) : launched.getBusinessKey();
    }

    static VariableMap processVariables(Campaign campaign) {
        var dates = campaign.getDates();
        return Variables.fromMap(Map.of(
                CampaignProcess.CAMPAIGN_ID, campaign.getId(),
                CampaignProcess.SELF_CHECK_DUE, Date.from(dates.selfCheckDue()),
                CampaignProcess.SPECIALIST_DUE, Date.from(dates.specialistDue()),
                CampaignProcess.COMPREHENSIVE_DUE, Date.from(dates.comprehensiveDue()),
                CampaignProcess.RESULTS_DUE, Date.from(dates.resultsDue())));
    }
}
