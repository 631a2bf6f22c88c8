package cn.huangpu.assessment.dashboard;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the dashboard shows, computed from the database in one place so that a test can compare.
 *
 * @param deadlines  each deadline with the days left (negative: days past), in Asia/Shanghai
 * @param stages     progress per stage: done and total
 * @param rows       the unit × stage matrix, in the order of the lists of units ({@code UnitOrder})
 * @param overdue    units whose self-check and evaluators whose results are overdue and not in, units first,
 *                   each with when the coordinator last reminded it
 * @param gradeCounts units per grade, after scoring
 * @param histogram  units per band of 10 points ("90-100" etc.), after scoring
 */
public record Dashboard(List<Deadline> deadlines, List<Stage> stages, List<String> evaluatorCodes, List<UnitRow> rows,
                        List<Overdue> overdue, Map<String, Long> gradeCounts, Map<String, Long> histogram) {

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

    /** Whom a one-click reminder goes to: a unit (its self-check) or a specialist evaluator (its results). */
    public enum Party {
        UNIT("units", "自查"), EVALUATOR("evaluators", "专项评估");

        private final String segment;
        private final String stage;

        Party(String segment, String stage) {
            this.segment = segment;
            this.stage = stage;
        }

        /** The reminder address's segment: {@code /app/campaigns/{c}/remind/{segment}/{code}}. */
        public String segment() {
            return segment;
        }

        public String stage() {
            return stage;
        }

        static Optional<Party> ofSegment(String segment) {
            return Arrays.stream(values()).filter(p -> p.segment.equals(segment)).findFirst();
        }
    }

    /**
     * An overdue unit or evaluator in the dashboard's list.
     *
     * @param due      its deadline as shown
     * @param status   its progress ("待提交")
     * @param reminded when the coordinator last reminded it ("已提醒 15:46", with the date when not today), or null
     */
    public record Overdue(Party party, String code, String name, String due, String status, String reminded) {
    }
}
