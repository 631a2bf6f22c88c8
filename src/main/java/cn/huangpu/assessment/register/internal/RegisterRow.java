package cn.huangpu.assessment.register.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * One row of a unit's register, as entered. Read only: the register service writes rows in batches. The register
 * module's own: its service hands rows out as records.
 */
@Entity
@Table(name = "register_row")
public class RegisterRow {

    @Id
    private Long id;

    @Column(name = "campaign_id", nullable = false)
    private Long campaignId;

    @Column(name = "unit_code", nullable = false)
    private String unitCode;

    @Column(name = "register_name", nullable = false)
    private String register;

    @Column(name = "row_position", nullable = false)
    private int position;

    @Column(name = "doc_number")
    private String number;

    @Column(nullable = false)
    private String title;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    /** The disclosure attribute's code (PROACTIVE, ON_REQUEST, WITHHELD), null in a consultations register. */
    private String disclosure;

    @Column(name = "withheld_reason")
    private String withheldReason;

    @Column(name = "end_date", nullable = false)
    private LocalDate endDate;

    protected RegisterRow() {
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

    public int getPosition() {
        return position;
    }

    public String getNumber() {
        return number;
    }

    public String getTitle() {
        return title;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public String getDisclosure() {
        return disclosure;
    }

    public String getWithheldReason() {
        return withheldReason;
    }

    public LocalDate getEndDate() {
        return endDate;
    }
}
