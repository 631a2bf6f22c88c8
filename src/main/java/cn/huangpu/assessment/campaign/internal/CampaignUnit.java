package cn.huangpu.assessment.campaign.internal;

import cn.huangpu.assessment.campaign.UnitParticipation;
import cn.huangpu.assessment.campaign.UnitParticipation.Status;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/**
 * A unit's participation in a campaign: its own self-check deadline and how far it got. Changed only by the
 * campaign module; the others see {@link UnitParticipation}.
 */
@Entity
@Table(name = "campaign_unit")
@IdClass(CampaignUnit.Key.class)
public class CampaignUnit extends Participation<CampaignUnit.Key> {

    public record Key(Long campaignId, String unitCode) implements Serializable {
        @SuppressWarnings("unused")
        Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "campaign_id")
    private Long campaignId;

    @Id
    @Column(name = "unit_code")
    private String unitCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(nullable = false)
    private boolean launched;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    protected CampaignUnit() {
    }

    public CampaignUnit(Long campaignId, String unitCode, Instant due) {
        super(due);
        this.campaignId = campaignId;
        this.unitCode = unitCode;
        this.status = Status.PENDING;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public String getUnitCode() {
        return unitCode;
    }

    public Status getStatus() {
        return status;
    }

    public boolean isLaunched() {
        return launched;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public void launch() {
        this.launched = true;
    }

    public void submit(Instant now) {
        this.status = Status.SUBMITTED;
        this.submittedAt = now;
    }

    public void verified() {
        this.status = Status.VERIFIED;
    }

    public void close() {
        this.status = Status.CLOSED;
    }

    /** The unit's part as the other modules see it, as it stands now. */
    public UnitParticipation info() {
        return new UnitParticipation(campaignId, unitCode, status, getDue(), isOverdue(), isReady(), launched,
                submittedAt);
    }

    @Override
    public Key getId() {
        return new Key(campaignId, unitCode);
    }
}
