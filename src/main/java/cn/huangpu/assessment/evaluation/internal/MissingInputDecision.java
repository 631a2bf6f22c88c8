package cn.huangpu.assessment.evaluation.internal;

import cn.huangpu.assessment.persistence.AssignedKeyEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The office's decision that an input nobody entered for a unit is priced as missing (按缺失计分), with its reason.
 * The evaluation module's own: other modules read it as {@link cn.huangpu.assessment.evaluation.MissingDecision}.
 */
@Entity
@Table(name = "missing_input_decision")
@IdClass(UnitFact.Key.class)
public class MissingInputDecision extends AssignedKeyEntity<UnitFact.Key> {

    @Id
    @Column(name = "campaign_id")
    private Long campaignId;

    @Id
    @Column(name = "unit_code")
    private String unitCode;

    @Id
    @Column(name = "indicator_code")
    private String indicatorCode;

    @Id
    @Column(name = "input_name")
    private String inputName;

    @Column(nullable = false)
    private String reason;

    @Column(name = "decided_by", nullable = false)
    private String decidedBy;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    protected MissingInputDecision() {
    }

    public MissingInputDecision(UnitFact.Key key, String reason, String decidedBy, Instant decidedAt) {
        this.campaignId = key.campaignId();
        this.unitCode = key.unitCode();
        this.indicatorCode = key.indicatorCode();
        this.inputName = key.inputName();
        this.reason = reason;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
    }

    @Override
    public UnitFact.Key getId() {
        return new UnitFact.Key(campaignId, unitCode, indicatorCode, inputName);
    }

    public String getUnitCode() {
        return unitCode;
    }

    public String getIndicatorCode() {
        return indicatorCode;
    }

    public String getInputName() {
        return inputName;
    }

    public String getReason() {
        return reason;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
