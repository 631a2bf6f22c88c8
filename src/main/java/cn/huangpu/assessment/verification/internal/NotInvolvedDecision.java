package cn.huangpu.assessment.verification.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The office's ruling in force on a unit's 不涉及 for one indicator: granted, or the unit's claim withdrawn at its
 * request. The verification module's own: it is read as {@link cn.huangpu.assessment.verification.NotInvolvedRuling}.
 */
@Entity
@Table(name = "not_involved_ruling")
public class NotInvolvedDecision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "campaign_id", nullable = false)
    private Long campaignId;

    @Column(name = "unit_code", nullable = false)
    private String unitCode;

    @Column(name = "indicator_code", nullable = false)
    private String indicatorCode;

    @Column(name = "not_involved", nullable = false)
    private boolean notInvolved;

    @Column(nullable = false)
    private String reason;

    @Column(name = "request_id")
    private Long requestId;

    @Column(name = "decided_by", nullable = false)
    private String decidedBy;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    protected NotInvolvedDecision() {
    }

    public NotInvolvedDecision(Long campaignId, String unitCode, String indicatorCode, boolean notInvolved, String reason,
                               Long requestId, String decidedBy, Instant decidedAt) {
        this.campaignId = campaignId;
        this.unitCode = unitCode;
        this.indicatorCode = indicatorCode;
        this.notInvolved = notInvolved;
        this.reason = reason;
        this.requestId = requestId;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public String getUnitCode() {
        return unitCode;
    }

    public String getIndicatorCode() {
        return indicatorCode;
    }

    public boolean isNotInvolved() {
        return notInvolved;
    }

    public String getReason() {
        return reason;
    }

    public Long getRequestId() {
        return requestId;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
