package cn.huangpu.assessment.audit.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One recorded change. Immutable: the trail is append-only. */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "campaign_id")
    private Long campaignId;

    @Column(nullable = false)
    private String subject;

    @Column(nullable = false)
    private String action;

    @Column(name = "before_value")
    private String beforeValue;

    @Column(name = "after_value")
    private String afterValue;

    private String reason;

    @Column(nullable = false)
    private String actor;

    @Column(name = "recorded_at", nullable = false)
    private Instant at;

    protected AuditEntry() {
    }

    /** An entry as read back by a query of the trail. */
    public AuditEntry(Long id, Long campaignId, String subject, String action, String beforeValue, String afterValue,
               String reason, String actor, Instant at) {
        this.id = id;
        this.campaignId = campaignId;
        this.subject = subject;
        this.action = action;
        this.beforeValue = beforeValue;
        this.afterValue = afterValue;
        this.reason = reason;
        this.actor = actor;
        this.at = at;
    }

    public Long getId() {
        return id;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public String getSubject() {
        return subject;
    }

    public String getAction() {
        return action;
    }

    public String getBeforeValue() {
        return beforeValue;
    }

    public String getAfterValue() {
        return afterValue;
    }

    public String getReason() {
        return reason;
    }

    public String getActor() {
        return actor;
    }

    public Instant getAt() {
        return at;
    }
}
