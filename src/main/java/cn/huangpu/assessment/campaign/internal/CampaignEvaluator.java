package cn.huangpu.assessment.campaign.internal;

import cn.huangpu.assessment.campaign.EvaluatorParticipation;
import cn.huangpu.assessment.campaign.EvaluatorParticipation.Status;
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
 * A specialist evaluator's part in a campaign: its own deadline and whether it delivered. Changed only by the
 * campaign module; the others see {@link EvaluatorParticipation}.
 */
@Entity
@Table(name = "campaign_evaluator")
@IdClass(CampaignEvaluator.Key.class)
public class CampaignEvaluator extends Participation<CampaignEvaluator.Key> {

    public record Key(Long campaignId, String evaluatorCode) implements Serializable {
        @SuppressWarnings("unused")
        Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "campaign_id")
    private Long campaignId;

    @Id
    @Column(name = "evaluator_code")
    private String evaluatorCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    protected CampaignEvaluator() {
    }

    public CampaignEvaluator(Long campaignId, String evaluatorCode, Instant due) {
        super(due);
        this.campaignId = campaignId;
        this.evaluatorCode = evaluatorCode;
        this.status = Status.PENDING;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public String getEvaluatorCode() {
        return evaluatorCode;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }

    public void deliver(Instant now) {
        this.status = Status.DELIVERED;
        this.deliveredAt = now;
    }

    public void close() {
        this.status = Status.CLOSED;
    }

    /** The evaluator's part as the other modules see it, as it stands now. */
    public EvaluatorParticipation info() {
        return new EvaluatorParticipation(campaignId, evaluatorCode, status, getDue(), isOverdue(), isReady(),
                deliveredAt);
    }

    @Override
    public Key getId() {
        return new Key(campaignId, evaluatorCode);
    }
}
