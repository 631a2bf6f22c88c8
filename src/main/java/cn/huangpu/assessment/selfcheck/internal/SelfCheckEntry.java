package cn.huangpu.assessment.selfcheck.internal;

import cn.huangpu.assessment.persistence.AssignedKeyEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * What a unit says about one indicator. The self-check module's own: it is read as
 * {@link cn.huangpu.assessment.selfcheck.SelfCheckAnswer}.
 */
@Entity
@Table(name = "self_check_entry")
@IdClass(SelfCheckEntry.Key.class)
public class SelfCheckEntry extends AssignedKeyEntity<SelfCheckEntry.Key> {

    public record Key(Long campaignId, String unitCode, String indicatorCode) implements Serializable {
        @SuppressWarnings("unused")
        Key() {
            this(null, null, null);
        }
    }

    @Id
    @Column(name = "campaign_id")
    private Long campaignId;

    @Id
    @Column(name = "unit_code")
    private String unitCode;

    @Id
    @Column(name = "indicator_code")
    private String indicatorCode;

    private String completion;

    @Column(name = "evidence_links")
    private String evidenceLinks;

    @Column(name = "not_involved", nullable = false)
    private boolean notInvolved;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /**
     * Counts the saves of the entry; a save names the version its page showed and is refused when another save
     * came first (also in the window between reading and writing: the update names the version it read). A page
     * shows 0 for an indicator without an entry, so a new entry starts at 1 (Hibernate keeps a set initial value).
     */
    @Version
    @Column(nullable = false)
    private long version = 1;

    protected SelfCheckEntry() {
    }

    public SelfCheckEntry(Long campaignId, String unitCode, String indicatorCode) {
        this.campaignId = campaignId;
        this.unitCode = unitCode;
        this.indicatorCode = indicatorCode;
    }

    public String getIndicatorCode() {
        return indicatorCode;
    }

    public String getUnitCode() {
        return unitCode;
    }

    public String getCompletion() {
        return completion;
    }

    public String getEvidenceLinks() {
        return evidenceLinks;
    }

    public boolean isNotInvolved() {
        return notInvolved;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }

    /** Whether the entry already says this, so that saving it again changes nothing. */
    public boolean holds(String completion, String evidenceLinks, boolean notInvolved) {
        return Objects.equals(this.completion, completion)
                && Objects.equals(this.evidenceLinks, evidenceLinks) && this.notInvolved == notInvolved;
    }

    public void update(String completion, String evidenceLinks, boolean notInvolved, String actor, Instant now) {
        this.completion = completion;
        this.evidenceLinks = evidenceLinks;
        this.notInvolved = notInvolved;
        this.updatedBy = actor;
        this.updatedAt = now;
    }

    @Override
    public Key getId() {
        return new Key(campaignId, unitCode, indicatorCode);
    }
}
