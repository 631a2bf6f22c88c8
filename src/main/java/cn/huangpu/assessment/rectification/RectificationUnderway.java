package cn.huangpu.assessment.rectification;

import cn.huangpu.assessment.campaign.WorkAfterPublication;
import org.springframework.stereotype.Component;

/** Tells the campaign's state that rectification is under way: 已公布（整改中）. */
@Component
class RectificationUnderway implements WorkAfterPublication {

    private final RectificationService rectification;

    RectificationUnderway(RectificationService rectification) {
        this.rectification = rectification;
    }

    @Override
    public boolean underway(Long campaignId) {
        return rectification.underway(campaignId);
    }

    @Override
    public String label() {
        return "整改中";
    }
}
