package cn.huangpu.assessment.register.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A document number the office knows to be void (作废号): not a gap in its sequence. The register module's own:
 * its service hands void numbers out as records.
 */
@Entity
@Table(name = "register_void_number")
public class VoidNumber {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "campaign_id", nullable = false)
    private Long campaignId;

    @Column(name = "unit_code", nullable = false)
    private String unitCode;

    @Column(name = "register_name", nullable = false)
    private String register;

    @Column(name = "doc_number", nullable = false)
    private String number;

    @Column(nullable = false)
    private String reason;

    @Column(name = "entered_by", nullable = false)
    private String enteredBy;

    @Column(name = "entered_at", nullable = false)
    private Instant enteredAt;

    protected VoidNumber() {
    }

    public VoidNumber(Long campaignId, String unitCode, String register, String number, String reason, String enteredBy,
               Instant enteredAt) {
        this.campaignId = campaignId;
        this.unitCode = unitCode;
        this.register = register;
        this.number = number;
        this.reason = reason;
        this.enteredBy = enteredBy;
        this.enteredAt = enteredAt;
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

    public String getRegister() {
        return register;
    }

    public String getNumber() {
        return number;
    }

    public String getReason() {
        return reason;
    }

    public String getEnteredBy() {
        return enteredBy;
    }

    public Instant getEnteredAt() {
        return enteredAt;
    }
}
