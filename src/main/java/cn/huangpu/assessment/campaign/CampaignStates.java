package cn.huangpu.assessment.campaign;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A campaign's state as the pages show it: its status, and for a published campaign the work still under way after
 * publication, 已公布（整改中）. The templates ask {@code @campaignStates.label(campaign)}.
 */
@Component
public class CampaignStates {

    private final ObjectProvider<WorkAfterPublication> after;

    CampaignStates(ObjectProvider<WorkAfterPublication> after) {
        this.after = after;
    }

    public String label(CampaignInfo campaign) {
        String label = campaign.status().label();
        if (campaign.status() != CampaignStatus.PUBLISHED) {
            return label;
        }
        List<String> underway = after.orderedStream().filter(w -> w.underway(campaign.id()))
                .map(WorkAfterPublication::label).toList();
        return underway.isEmpty() ? label : label + "（" + String.join("、", underway) + "）";
    }
}
