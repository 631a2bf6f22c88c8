package cn.huangpu.assessment.campaign;

import java.time.Instant;

/**
 * A campaign as the other modules see it: its year and catalogue, its dates and where it stands, as read.
 * Only the campaign module changes a campaign (the others report their progress by events).
 *
 * @param pendingInputs units and evaluators whose inputs are not in yet
 */
public record CampaignInfo(Long id, int year, int catalogueYear, CampaignStatus status, CampaignDates dates,
                           String processInstanceId, boolean inputsComplete, int pendingInputs, int scoringRound,
                           String createdBy, Instant createdAt, Instant publishedAt) {

    /** Whether the results are approved or published, so nothing may change them until the office reopens them. */
    public boolean isFrozen() {
        return status.isFrozen();
    }
}
