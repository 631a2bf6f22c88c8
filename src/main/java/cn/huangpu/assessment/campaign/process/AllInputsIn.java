package cn.huangpu.assessment.campaign.process;

import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.workflow.CampaignProcess;
import org.camunda.bpm.engine.RuntimeService;
import java.util.function.BooleanSupplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells the campaign process that its last input arrived, in the transaction that recorded it. The input
 * is recorded just before that transaction commits, after the engine has written the rest of the job:
 * recording it locks the campaign row, and every unit's last job queues on that lock, so it is held for
 * the commit only, not for the rest of the job (measured: 600 ready units waited 125 ms each on average
 * while the lock was taken in the delegate).
 */
@Component
class AllInputsIn {

    private final CampaignService campaigns;
    private final RuntimeService runtimeService;

    AllInputsIn(CampaignService campaigns, RuntimeService runtimeService) {
        this.campaigns = campaigns;
        this.runtimeService = runtimeService;
    }

    /** Runs {@code record} (true when it recorded the last input) before the caller's transaction commits. */
    void recordBeforeCommit(Long campaignId, BooleanSupplier record) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            signalIf(campaignId, record);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                signalIf(campaignId, record);
            }
        });
    }

    private void signalIf(Long campaignId, BooleanSupplier record) {
        if (record.getAsBoolean()) {
            signal(campaignId);
        }
    }

    private void signal(Long campaignId) {
        runtimeService.createMessageCorrelation(CampaignProcess.MESSAGE_ALL_INPUTS_IN)
                .processInstanceId(campaigns.get(campaignId).processInstanceId())
                .correlate();
    }
}
