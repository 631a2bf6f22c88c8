package cn.huangpu.assessment.campaign.process;

import cn.huangpu.assessment.campaign.CampaignInfo;
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
    public CampaignInfo start(OpenCampaign request, String actor) {
        return start(request, actor, false);
    }

    @Transactional
    public CampaignInfo start(OpenCampaign request, String actor, boolean allowPastDates) {
        CampaignInfo campaign = campaigns.open(request, actor, allowPastDates);
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(CampaignProcess.KEY,
                CampaignProcess.businessKey(campaign.year()), processVariables(campaign)
                        .putValue(CampaignProcess.UNIT_BATCHES, campaigns.launchBatches(campaign.id()))
                        .putValue(CampaignProcess.INITIATOR, actor));
        campaigns.attachProcess(campaign.id(), instance.getId());
        return campaigns.get(campaign.id());
    }

    /** Reopens published results with a reason and starts the comprehensive evaluation again. */
    @Transactional
    public CampaignInfo reopen(Long campaignId, String reason, String actor) {
        String launchedKey = launchedBusinessKey(campaigns.get(campaignId));
        CampaignInfo campaign = campaigns.reopen(campaignId, reason, actor);
        // A start message correlates to no instance: the business key here is the new instance's, kept from
        // the campaign's first instance rather than rebuilt.
        ProcessInstance instance = runtimeService.createMessageCorrelation(CampaignProcess.MESSAGE_REOPENED)
                .processInstanceBusinessKey(launchedKey)
                .setVariables(processVariables(campaign))
                // Grading rounds go on from the last recorded one, so the reopened results are a new round.
                .setVariable(CampaignProcess.GRADING_ROUND, campaign.scoringRound())
                .correlateStartMessage();
        campaigns.attachProcess(campaignId, instance.getId());
        return campaigns.get(campaignId);
    }

    /** The business key the campaign's instance got at launch (the instance has ended; history keeps it). */
    private String launchedBusinessKey(CampaignInfo campaign) {
        HistoricProcessInstance launched = campaign.processInstanceId() == null ? null
                : historyService.createHistoricProcessInstanceQuery()
                        .processInstanceId(campaign.processInstanceId()).singleResult();
        return launched == null || launched.getBusinessKey() == null
                ? CampaignProcess.businessKey(campaign.year()) : launched.getBusinessKey();
    }

    static VariableMap processVariables(CampaignInfo campaign) {
        var dates = campaign.dates();
        return Variables.fromMap(Map.of(
                CampaignProcess.CAMPAIGN_ID, campaign.id(),
                CampaignProcess.SELF_CHECK_DUE, Date.from(dates.selfCheckDue()),
                CampaignProcess.SPECIALIST_DUE, Date.from(dates.specialistDue()),
                CampaignProcess.COMPREHENSIVE_DUE, Date.from(dates.comprehensiveDue()),
                CampaignProcess.RESULTS_DUE, Date.from(dates.resultsDue())));
    }
}
