package cn.huangpu.assessment.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A message to every member of a group, recorded once per {@code dedupKey}. */
@Entity
@Table(name = "notification")
public class Notification {

    /** Why the message was sent. */
    public enum Kind {
        REMINDER, OVERDUE, MANUAL, APPROVAL_OVERDUE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "campaign_id", nullable = false)
    private Long campaignId;

    @Column(name = "recipient_group", nullable = false)
    private String recipientGroup;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(nullable = false)
    private String message;

    @Column(name = "dedup_key", nullable = false, unique = true)
    private String dedupKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private boolean mailed;

    protected Notification() {
    }

    Notification(Long campaignId, String recipientGroup, Kind kind, String message, String dedupKey, Instant createdAt) {
        this.campaignId = campaignId;
        this.recipientGroup = recipientGroup;
        this.kind = kind;
        this.message = message;
        this.dedupKey = dedupKey;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public String getRecipientGroup() {
        return recipientGroup;
    }

    public Kind getKind() {
        return kind;
    }

    public String getMessage() {
        return message;
    }

    public String getDedupKey() {
        return dedupKey;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isMailed() {
        return mailed;
    }

    void mailed() {
        this.mailed = true;
    }
}
