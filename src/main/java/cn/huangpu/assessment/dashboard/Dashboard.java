package cn.huangpu.assessment.dashboard;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What the dashboard shows, computed from the database in one place so that a test can compare.
 *
 * @param deadlines  each deadline with the days left (negative: days past), in Asia/Shanghai
 * @param stages     progress per stage: done and total
 * @param rows       the unit × stage matrix
 * @param overdue    units whose self-check is overdue and not in
 * @param gradeCounts units per grade, after scoring
 * @param histogram  units per band of 10 points ("90-100" etc.), after scoring
 */
public record Dashboard(List<Deadline> deadlines, List<Stage> stages, List<String> evaluatorCodes, List<UnitRow> rows,
                        List<UnitRow> overdue, Map<String, Long> gradeCounts, Map<String, Long> histogram) {

    public record Deadline(String name, String due, long daysLeft) {
    }

    public record Stage(String name, long done, long total) {
        public int percent() {
            return total == 0 ? 0 : (int) Math.round(done * 100.0 / total);
        }
    }

    /**
     * One unit's row.
     *
     * @param evaluations per evaluator code: true when it entered everything for this unit
     */
    public record UnitRow(String unitCode, String unitName, String selfCheck, boolean overdue, boolean verified,
                          Map<String, Boolean> evaluations, BigDecimal total, String grade, boolean approved,
                          boolean published) {
    }
}
