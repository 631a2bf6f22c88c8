package cn.huangpu.assessment.campaign;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request to open a campaign. Dates left null take the settings' defaults in the campaign's year;
 * empty unit or evaluator lists mean all of them. A date may instead be given in working days after another
 * one ({@code inWorkingDays}, keyed by the date's name: {@code {"comprehensiveDue": {"days": 15, "after":
 * "selfCheckDue"}}}); the campaign stores the date this gives, not the rule.
 */
public record OpenCampaign(Integer year, Integer catalogueYear, Instant selfCheckDue, Instant specialistDue,
                           Instant comprehensiveDue, Instant resultsDue, List<String> unitCodes,
                           List<String> evaluatorCodes, Map<String, WorkingDaysAfter> inWorkingDays) {

    public OpenCampaign {
        unitCodes = unitCodes == null ? List.of() : List.copyOf(unitCodes);
        evaluatorCodes = evaluatorCodes == null ? List.of() : List.copyOf(evaluatorCodes);
        // in the order given (the errors name them so); a date mapped to null is not given in working days
        Map<String, WorkingDaysAfter> rules = new LinkedHashMap<>();
        if (inWorkingDays != null) {
            inWorkingDays.forEach((date, rule) -> {
                if (date != null && rule != null) {
                    rules.put(date, rule);
                }
            });
        }
        inWorkingDays = Collections.unmodifiableMap(rules);
    }

    /** A request with every date given as a date (or left to its default). */
    public OpenCampaign(Integer year, Integer catalogueYear, Instant selfCheckDue, Instant specialistDue,
                        Instant comprehensiveDue, Instant resultsDue, List<String> unitCodes,
                        List<String> evaluatorCodes) {
        this(year, catalogueYear, selfCheckDue, specialistDue, comprehensiveDue, resultsDue, unitCodes, evaluatorCodes,
                Map.of());
    }
}
