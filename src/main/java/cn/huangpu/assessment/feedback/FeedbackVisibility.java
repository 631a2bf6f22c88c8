package cn.huangpu.assessment.feedback;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.CampaignStatus;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The feedback window as the campaign's score visibility asks about it. Once a campaign's first window has opened,
 * its units keep seeing their sheets: the preliminary one, the office's rulings on it, and the results the leaders
 * approve. Before that, the window is expected at the end of comprehensive evaluation, unless the campaign's
 * window is 0 days.
 */
@Component
class FeedbackVisibility implements cn.huangpu.assessment.campaign.FeedbackWindow {

    private final FeedbackService feedback;

    FeedbackVisibility(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @Override
    public boolean isOpen(CampaignInfo campaign) {
        return feedback.hasOpened(campaign.id());
    }

    @Override
    public Optional<Instant> opensAt(CampaignInfo campaign) {
        if (feedback.hasOpened(campaign.id()) || feedback.rules(campaign.id()).window().days() == 0
                || campaign.status() == CampaignStatus.PUBLISHED) {
            return Optional.empty();
        }
        return Optional.of(campaign.dates().comprehensiveDue());
    }
}
