package cn.huangpu.assessment.feedback.process;

import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.feedback.FeedbackService;
import cn.huangpu.assessment.workflow.CampaignProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts a unit's feedback concluded just before its transaction commits (as the campaign's last-input count-down:
 * the window's row lock is then held for the commit only) and tells the campaign when it was the last. The campaign
 * may not wait yet (its launch still joining): then it finds the window concluded under the same lock and goes on,
 * so the correlation here expects no one.
 */
@Component
class FeedbackConcluded {

    private final FeedbackService feedback;
    private final CampaignService campaigns;
    private final RuntimeService runtimeService;

    FeedbackConcluded(FeedbackService feedback, CampaignService campaigns, RuntimeService runtimeService) {
        this.feedback = feedback;
        this.campaigns = campaigns;
        this.runtimeService = runtimeService;
    }

    void recordBeforeCommit(Long campaignId, int windowNo, String unitCode) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            record(campaignId, windowNo, unitCode);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                record(campaignId, windowNo, unitCode);
            }
        });
    }

    private void record(Long campaignId, int windowNo, String unitCode) {
        if (feedback.conclude(campaignId, windowNo, unitCode)) {
            runtimeService.createMessageCorrelation(CampaignProcess.MESSAGE_FEEDBACK_CONCLUDED)
                    .processInstanceId(campaigns.get(campaignId).processInstanceId())
                    .correlateAllWithResult();
        }
    }
}
