package cn.huangpu.assessment.feedback;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An objection (申请复核) on one indicator of a unit's preliminary sheet, with its evidence, the office's ruling and
 * the evaluators' opinions.
 *
 * @param pointsBefore the indicator's points on the preliminary sheet; {@code totalBefore} the unit's total there
 * @param pointsAfter  after an accepted objection, the indicator's points as rescored; {@code totalAfter} the total
 */
public record Objection(long id, long windowId, int windowNo, Long campaignId, String unitCode, String indicatorCode, String reason,
                        String evidenceLinks, Status status, BigDecimal pointsBefore, BigDecimal pointsAfter,
                        BigDecimal totalBefore, BigDecimal totalAfter, String rulingReason, String ruledBy,
                        Instant ruledAt, String createdBy, Instant createdAt, long version, List<File> files,
                        List<Opinion> opinions) {

    public enum Status {
        DRAFT("草稿（未提交）"), RAISED("待复核"), ACCEPTED("复核采纳"), REJECTED("复核驳回");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Objection {
        files = List.copyOf(files);
        opinions = List.copyOf(opinions);
    }

    public boolean ruled() {
        return status == Status.ACCEPTED || status == Status.REJECTED;
    }

    /** The evidence links, one a line. */
    public List<String> links() {
        return evidenceLinks == null ? List.of()
                : evidenceLinks.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** A file attached as evidence, without its content. */
    public record File(long id, String fileName, long sizeBytes, String uploadedBy, Instant uploadedAt) {
    }

    /** The office's request for an evaluator's opinion, and the opinion once given. */
    public record Opinion(long id, long objectionId, String evaluatorCode, String question, String requestedBy,
                          Instant requestedAt, String opinion, String answeredBy, Instant answeredAt) {

        public boolean answered() {
            return answeredAt != null;
        }
    }
}
