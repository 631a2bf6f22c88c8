package cn.huangpu.assessment.verification.internal;

import cn.huangpu.assessment.verification.FindingKind;
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
 * One problem the office found for a unit's indicator. It stands for {@code count} items of its kind: the items
 * listed in the note one a line, or stated in a one-line note with their number. The verification module's own:
 * it is read as {@link cn.huangpu.assessment.verification.RecordedFinding}.
 */
@Entity
@Table(name = "verification_finding")
public class Finding {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "campaign_id", nullable = false)
    private Long campaignId;

    @Column(name = "unit_code", nullable = false)
    private String unitCode;

    @Column(name = "indicator_code", nullable = false)
    private String indicatorCode;

    @Column(name = "input_name")
    private String inputName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FindingKind kind;

    @Column(nullable = false)
    private String note;

    @Column(name = "item_count", nullable = false)
    private int count;

    private String url;

    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected Finding() {
    }

    public Finding(Long campaignId, String unitCode, String indicatorCode, String inputName, FindingKind kind, String note, int count,
            String url, String recordedBy, Instant recordedAt) {
        this.campaignId = campaignId;
        this.unitCode = unitCode;
        this.indicatorCode = indicatorCode;
        this.inputName = inputName;
        this.kind = kind;
        this.note = note;
        this.count = count;
        this.url = url;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
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

    public String getInputName() {
        return inputName;
    }

    public FindingKind getKind() {
        return kind;
    }

    public String getNote() {
        return note;
    }

    /** How many items the finding stands for (at least 1); the scored count of its input adds these up. */
    public int getCount() {
        return count;
    }

    public String getUrl() {
        return url;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
