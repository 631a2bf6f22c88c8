package cn.huangpu.assessment.campaign;

import java.time.Instant;
import java.util.List;

/**
 * A request to open a campaign. Dates left null take the settings' defaults in the campaign's year;
 * empty unit or evaluator lists mean all of them.
 */
public record OpenCampaign(Integer year, Integer catalogueYear, Instant selfCheckDue, Instant specialistDue,
                           Instant comprehensiveDue, Instant resultsDue, List<String> unitCodes,
                           List<String> evaluatorCodes) {

    public OpenCampaign {
        unitCodes = unitCodes == null ? List.of() : List.copyOf(unitCodes);
        evaluatorCodes = evaluatorCodes == null ? List.of() : List.copyOf(evaluatorCodes);
    }
}
