package cn.huangpu.assessment.campaign;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A unit's participation in a campaign: its own self-check deadline and how far it got. */
@Entity
@Table(name = "campaign_unit")
@IdClass(CampaignUnit.Key.class)
public class CampaignUnit extends Participation<CampaignUnit.Key> {

    /** The unit's progress. */
    public enum Status {
        PENDING, SUBMITTED, VERIFIED, CLOSED;

        public String label() {
            return switch (this) {
                case PENDING -> "待提交";
                case SUBMITTED -> "已提交待核查";
                case VERIFIED -> "已核查";
                case CLOSED -> "逾期未提交（已关闭）";
            };
        }
    }

    record Key(Long campaignId, String unitCode) implements Serializable {
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

    CampaignUnit(Long campaignId, String unitCode, Instant due) {
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

    void launch() {
        this.launched = true;
    }

    void submit(Instant now) {
        this.status = Status.SUBMITTED;
        this.submittedAt = now;
    }

    void verified() {
        this.status = Status.VERIFIED;
    }

    void close() {
        this.status = Status.CLOSED;
    }

    @Override
    public Key getId() {
        return new Key(campaignId, unitCode);
    }
}
