package cn.huangpu.assessment.rectification.internal;

import cn.huangpu.assessment.rectification.ItemStatus;
import cn.huangpu.assessment.rectification.RectificationItem;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

/** One rectification item; the rectification module's own (others read {@link RectificationItem}). */
@Entity
@Table(name = "rectification_item")
public class Item {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "campaign_id", nullable = false)
    private Long campaignId;

    @Column(name = "unit_code", nullable = false)
    private String unitCode;

    @Column(name = "indicator_code", nullable = false)
    private String indicatorCode;

    @Column(name = "source_key", nullable = false)
    private String sourceKey;

    @Column(nullable = false)
    private String origin;

    private String criterion;

    @Column(name = "finding_text", nullable = false)
    private String findingText;

    @Column(name = "finding_url")
    private String findingUrl;

    @Column(nullable = false)
    private BigDecimal points;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ItemStatus status;

    @Column(name = "report_kind")
    private String reportKind;

    @Column(name = "report_note")
    private String reportNote;

    @Column(name = "report_link")
    private String reportLink;

    @Column(name = "reported_by")
    private String reportedBy;

    @Column(name = "reported_at")
    private Instant reportedAt;

    @Column(name = "decision_reason")
    private String decisionReason;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "send_backs", nullable = false)
    private int sendBacks;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Item() {
    }

    public Item(Long campaignId, String unitCode, String indicatorCode, String sourceKey, String origin,
                String criterion, String findingText, String findingUrl, BigDecimal points, Instant now) {
        this.campaignId = campaignId;
        this.unitCode = unitCode;
        this.indicatorCode = indicatorCode;
        this.sourceKey = sourceKey;
        this.origin = origin;
        this.criterion = criterion;
        this.findingText = findingText;
        this.findingUrl = findingUrl;
        this.points = points;
        this.status = ItemStatus.OPEN;
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getUnitCode() {
        return unitCode;
    }

    public String getIndicatorCode() {
        return indicatorCode;
    }

    public String getSourceKey() {
        return sourceKey;
    }

    public ItemStatus getStatus() {
        return status;
    }

    public String getReportKind() {
        return reportKind;
    }

    public String getReportNote() {
        return reportNote;
    }

    public String getReportLink() {
        return reportLink;
    }

    public String getFindingText() {
        return findingText;
    }

    public BigDecimal getPoints() {
        return points;
    }

    public Instant getReportedAt() {
        return reportedAt;
    }

    /** The source changed at a new publication: its words and points as priced now. */
    public void restate(String criterion, String findingText, String findingUrl, BigDecimal points) {
        this.criterion = criterion;
        this.findingText = findingText;
        this.findingUrl = findingUrl;
        this.points = points;
    }

    /** A source the system had removed is a deduction again at a new publication: open for the unit once more. */
    public void reopenAfterRegeneration() {
        status = ItemStatus.OPEN;
        decisionReason = null;
        decidedBy = null;
        decidedAt = null;
    }

    /** The unit's report, kept while it is open (a draft until it is handed in). */
    public void report(String kind, String note, String link, String actor) {
        this.reportKind = kind;
        this.reportNote = note;
        this.reportLink = link;
        this.reportedBy = actor;
    }

    public void handIn(Instant now) {
        status = ItemStatus.REPORTED;
        reportedAt = now;
    }

    /** The office accepts the report: fixed, or (无法整改) closed without a fix. */
    public void accept(String actor, Instant now) {
        status = RectificationItem.FIXED.equals(reportKind) ? ItemStatus.FIXED : ItemStatus.CLOSED_UNFIXED;
        decide(null, actor, now);
    }

    public void sendBack(String reason, String actor, Instant now) {
        status = ItemStatus.SENT_BACK;
        sendBacks++;
        decide(reason, actor, now);
    }

    public void closeUnfixed(String reason, String actor, Instant now) {
        status = ItemStatus.CLOSED_UNFIXED;
        decide(reason, actor, now);
    }

    public void remove(String reason, String actor, Instant now) {
        status = ItemStatus.REMOVED;
        decide(reason, actor, now);
    }

    private void decide(String reason, String actor, Instant now) {
        this.decisionReason = reason;
        this.decidedBy = actor;
        this.decidedAt = now;
    }

    public RectificationItem view() {
        return new RectificationItem(id, campaignId, unitCode, indicatorCode, origin, criterion, findingText, findingUrl,
                points, status, reportKind, reportNote, reportLink, reportedBy, reportedAt, decisionReason, decidedBy,
                decidedAt, sendBacks, createdAt, version);
    }
}
