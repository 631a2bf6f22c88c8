package cn.huangpu.assessment.results;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the review of units' objections (the feedback window, module {@code feedback}) adds to results: notes under
 * the indicators of a unit's sheet (经复核调整, the rulings), and per unit and in total on the results page the
 * objections raised, accepted and rejected, the score before and after review and the units without an answer.
 * Implemented by that module, which reads results, so that results does not depend on it; without an
 * implementation there is nothing to add.
 */
public interface ReviewNotes {

    /**
     * Notes under the indicators of a unit's sheet, by indicator code.
     *
     * @param forPublic the public sheet: the mark 经复核调整 always, the rulings only where the campaign makes them public
     */
    Map<String, List<String>> indicatorNotes(Long campaignId, String unitCode, boolean forPublic);

    /** The review's outcome for the results page and the leaders; empty when no window was ever opened. */
    Optional<Overview> overview(Long campaignId);

    /** One unit's line; {@code before} and {@code after} are its totals before and after review (null: none). */
    record UnitLine(String answer, int raised, int accepted, int rejected, int pendingRulings, BigDecimal before,
                    BigDecimal after) {
    }

    /** The window's heading and its totals in words, and each unit's line by unit code. */
    record Overview(String heading, List<String> totals, Map<String, UnitLine> units) {

        public Overview {
            totals = List.copyOf(totals);
            units = Map.copyOf(units);
        }
    }
}
