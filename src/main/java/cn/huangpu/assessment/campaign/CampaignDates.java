package cn.huangpu.assessment.campaign;

import java.time.Instant;

/**
 * A campaign's deadlines (plan 五): self-check and specialist results, comprehensive evaluation, results.
 */
public record CampaignDates(Instant selfCheckDue, Instant specialistDue, Instant comprehensiveDue, Instant resultsDue) {
}
