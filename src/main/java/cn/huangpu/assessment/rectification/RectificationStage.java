package cn.huangpu.assessment.rectification;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.CampaignStatus;
import cn.huangpu.assessment.campaign.LaterStage;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Rectification as a stage still ahead: its deadline is counted from the publication, expected at the results' due
 * date (or now, once that has passed). After publication it stays ahead until the launch has built the units'
 * rectification, so a launch that failed for a missing year is still named on the dashboard.
 */
@Component
class RectificationStage implements LaterStage {

    private final RectificationService rectification;
    private final RectificationSettings settings;

    RectificationStage(RectificationService rectification, RectificationSettings settings) {
        this.rectification = rectification;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "整改期限";
    }

    @Override
    public Optional<Planned> planned(CampaignInfo campaign, Instant now) {
        if (campaign.status() == CampaignStatus.PUBLISHED) {
            return rectification.launched(campaign.id()) || campaign.publishedAt() == null ? Optional.empty()
                    : Optional.of(new Planned(campaign.publishedAt(), settings.deadline()));
        }
        Instant due = campaign.dates().resultsDue();
        return Optional.of(new Planned(due.isAfter(now) ? due : now, settings.deadline()));
    }
}
