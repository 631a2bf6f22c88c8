package cn.huangpu.assessment.campaign.process;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.CampaignStatus;
import cn.huangpu.assessment.workflow.CampaignProcess;
import java.util.Optional;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * A reopened campaign's new instance is {@link CampaignStarter#reopen}'s: the office reopened the published results
 * (status REOPENED, its reason in the audit trail) and the campaign's earlier instance has ended. A start message
 * correlated any other way (the REST API's message endpoint naming a campaign that is published, still running or
 * already reopened) is refused, since it would run the comprehensive evaluation of a campaign a second time.
 */
@Component
class ReopenedCampaignListener implements ExecutionListener {

    private final CampaignService campaigns;

    ReopenedCampaignListener(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Object campaignId = execution.getVariable(CampaignProcess.CAMPAIGN_ID);
        Optional<CampaignInfo> campaign = campaignId instanceof Long id ? campaigns.find(id) : Optional.empty();
        boolean reopened = campaign.filter(c -> c.status() == CampaignStatus.REOPENED)
                .filter(c -> c.processInstanceId() == null || execution.getProcessEngineServices().getRuntimeService()
                        .createProcessInstanceQuery().processInstanceId(c.processInstanceId()).count() == 0)
                .isPresent();
        if (!reopened) {
            throw new BadUserRequestException("只能在考评页面重新打开已公布的考核结果，并说明理由");
        }
    }
}
