package cn.huangpu.assessment.feedback;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.LaterStage;
import cn.huangpu.assessment.deadline.DeadlineLength;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The feedback window as a stage still ahead: it opens when the office completes the comprehensive evaluation,
 * expected at its due date (or now, once that has passed), and lasts the campaign's window.
 */
@Component
class FeedbackStage implements LaterStage {

    private final FeedbackService feedback;

    FeedbackStage(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @Override
    public String name() {
        return "意见反馈期";
    }

    @Override
    public Optional<Planned> planned(CampaignInfo campaign, Instant now) {
        DeadlineLength window = feedback.rules(campaign.id()).window();
        if (window.days() == 0 || feedback.hasOpened(campaign.id()) || campaign.isFrozen()) {
            return Optional.empty();
        }
        Instant due = campaign.dates().comprehensiveDue();
        return Optional.of(new Planned(due.isAfter(now) ? due : now, window));
    }
}
