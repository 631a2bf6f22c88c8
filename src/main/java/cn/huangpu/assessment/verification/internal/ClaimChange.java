package cn.huangpu.assessment.verification.internal;

import cn.huangpu.assessment.verification.ClaimChangeRequest.Status;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A unit's request, after submission, to change its 不涉及 claim on one indicator, and the office's answer. The
 * verification module's own: it is read as {@link cn.huangpu.assessment.verification.ClaimChangeRequest}.
 */
@Entity
@Table(name = "claim_change_request")
public class ClaimChange {

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

    @Column(name = "requested_by", nullable = false)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "ruling_reason")
    private String rulingReason;

    @Column(name = "ruled_by")
    private String ruledBy;

    @Column(name = "ruled_at")
    private Instant ruledAt;

    protected ClaimChange() {
    }

    public ClaimChange(Long campaignId, String unitCode, String indicatorCode, boolean notInvolved, String reason,
                       String requestedBy, Instant requestedAt) {
        this.campaignId = campaignId;
        this.unitCode = unitCode;
        this.indicatorCode = indicatorCode;
        this.notInvolved = notInvolved;
        this.reason = reason;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.status = Status.OPEN;
    }

    /** The office's answer: granted or refused, with its reason; an answered request stays as answered. */
    public void rule(boolean granted, String reason, String actor, Instant now) {
        if (status != Status.OPEN) {
            throw new IllegalStateException("request " + id + " is " + status);
        }
        this.status = granted ? Status.GRANTED : Status.REFUSED;
        this.rulingReason = reason;
        this.ruledBy = actor;
        this.ruledAt = now;
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

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Status getStatus() {
        return status;
    }

    public String getRulingReason() {
        return rulingReason;
    }

    public String getRuledBy() {
        return ruledBy;
    }

    public Instant getRuledAt() {
        return ruledAt;
    }
}
