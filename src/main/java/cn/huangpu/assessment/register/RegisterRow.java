package cn.huangpu.assessment.register;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** One row of a unit's register, as entered (read only: rows are written in batches by {@link RegisterService}). */
@Entity
@Table(name = "register_row")
class RegisterRow {

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

    @Enumerated(EnumType.STRING)
    private Disclosure disclosure;

    @Column(name = "withheld_reason")
    private String withheldReason;

    @Column(name = "end_date", nullable = false)
    private LocalDate endDate;

    protected RegisterRow() {
    }

    public Long getId() {
        return id;
    }

    Long getCampaignId() {
        return campaignId;
    }

    String getUnitCode() {
        return unitCode;
    }

    String getRegister() {
        return register;
    }

    public int getPosition() {
        return position;
    }

    /** The row's content, as the checks and the figures read it. */
    public RegisterEntry entry() {
        return new RegisterEntry(number, title, startDate, disclosure, withheldReason, endDate);
    }
}
