package cn.huangpu.assessment.catalogue;

import java.math.BigDecimal;
import java.util.List;

/**
 * A suggested score for a judgement input from a record of the unit in the previous campaign
 * (docs/catalogue-format.md, "Suggested scores"): in 2023, 5.5 工作整改落实情况 from the unit's rectification of the
 * previous campaign's findings. The first rule whose conditions all hold gives the points, else {@code otherwise}.
 * The office still decides; the page shows the record and the suggestion, the sheet cites the record.
 *
 * @param record    which record: {@code rectification}
 */
public record RecordSuggestion(String record, List<Rule> rules, BigDecimal otherwise) {

    public static final String RECTIFICATION = "rectification";

    public RecordSuggestion {
        rules = List.copyOf(rules);
    }

    /**
     * One rule; a null condition is not tested.
     *
     * @param onTimeRateAtLeast   the share of items fixed by the first deadline is at least this (0 to 1)
     * @param closedUnfixedAtMost at most this many items were closed without a fix
     * @param daysOverdueAtMost   the rectification ended at most this many days after its first deadline
     */
    public record Rule(BigDecimal onTimeRateAtLeast, Integer closedUnfixedAtMost, Integer daysOverdueAtMost,
                       BigDecimal points) {

        boolean holds(BigDecimal onTimeRate, int closedUnfixed, long daysOverdue) {
            return (onTimeRateAtLeast == null || onTimeRate.compareTo(onTimeRateAtLeast) >= 0)
                    && (closedUnfixedAtMost == null || closedUnfixed <= closedUnfixedAtMost)
                    && (daysOverdueAtMost == null || daysOverdue <= daysOverdueAtMost);
        }
    }

    /** The points suggested for a record with this on-time rate, items closed unfixed and days overdue. */
    public BigDecimal suggest(BigDecimal onTimeRate, int closedUnfixed, long daysOverdue) {
        return rules.stream().filter(r -> r.holds(onTimeRate, closedUnfixed, daysOverdue)).map(Rule::points)
                .findFirst().orElse(otherwise);
    }
}
