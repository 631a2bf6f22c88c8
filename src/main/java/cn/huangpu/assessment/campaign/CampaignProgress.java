package cn.huangpu.assessment.campaign;

import cn.huangpu.assessment.campaign.progress.EvaluationDelivered;
import cn.huangpu.assessment.campaign.progress.ResultsApproved;
import cn.huangpu.assessment.campaign.progress.ResultsPublished;
import cn.huangpu.assessment.campaign.progress.ScoringRoundRecorded;
import cn.huangpu.assessment.campaign.progress.SelfCheckSubmitted;
import cn.huangpu.assessment.campaign.progress.SelfCheckVerified;
import cn.huangpu.assessment.deadline.Deadline;
import cn.huangpu.assessment.deadline.DeadlineClosed;
import cn.huangpu.assessment.deadline.DeadlineExtended;
import cn.huangpu.assessment.deadline.DeadlinePassed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what the stages report, the only writer of a unit's, evaluator's or campaign's progress. The
 * listeners are synchronous and join the publisher's transaction: a unit's state must be recorded when the
 * process's next step asks whether its inputs are in (the last-input count-down), and a refused change (an
 * extension to a date that is not later) must refuse the publisher's change with it.
 */
@Component
@Transactional
class CampaignProgress {

    private final CampaignService campaigns;

    CampaignProgress(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @EventListener
    void on(SelfCheckSubmitted event) {
        campaigns.unitSubmitted(event.campaignId(), event.unitCode(), event.actor());
    }

    @EventListener
    void on(SelfCheckVerified event) {
        campaigns.unitVerified(event.campaignId(), event.unitCode(), event.actor());
    }

    @EventListener
    void on(EvaluationDelivered event) {
        campaigns.evaluatorDelivered(event.campaignId(), event.evaluatorCode(), event.actor());
    }

    @EventListener
    void on(DeadlinePassed event) {
        Deadline deadline = event.deadline();
        switch (deadline.kind()) {
            case SELF_CHECK -> campaigns.unitOverdue(deadline.campaignId(), deadline.code());
            case SPECIALIST_EVALUATION -> campaigns.evaluatorOverdue(deadline.campaignId(), deadline.code());
            // a unit that let its feedback window pass is deemed to have no objection: the feedback module records it
            case FEEDBACK -> { }
        }
    }

    @EventListener
    void on(DeadlineExtended event) {
        Deadline deadline = event.deadline();
        switch (deadline.kind()) {
            case SELF_CHECK -> campaigns.extendUnit(deadline.campaignId(), deadline.code(), event.newDue(),
                    event.basis(), event.reason(), event.actor());
            case SPECIALIST_EVALUATION -> campaigns.extendEvaluator(deadline.campaignId(), deadline.code(),
                    event.newDue(), event.basis(), event.reason(), event.actor());
        }
    }

    @EventListener
    void on(DeadlineClosed event) {
        Deadline deadline = event.deadline();
        switch (deadline.kind()) {
            case SELF_CHECK -> campaigns.closeUnit(deadline.campaignId(), deadline.code(), event.reason(), event.actor());
            case SPECIALIST_EVALUATION ->
                    campaigns.closeEvaluator(deadline.campaignId(), deadline.code(), event.reason(), event.actor());
        }
    }

    @EventListener
    void on(ScoringRoundRecorded event) {
        campaigns.scoringRoundAtLeast(event.campaignId(), event.round());
    }

    @EventListener
    void on(ResultsApproved event) {
        campaigns.approve(event.campaignId(), event.actor());
    }

    @EventListener
    void on(ResultsPublished event) {
        campaigns.publish(event.campaignId());
    }
}
