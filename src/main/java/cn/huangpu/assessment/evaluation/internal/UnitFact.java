package cn.huangpu.assessment.evaluation.internal;

import cn.huangpu.assessment.persistence.AssignedKeyEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;

/**
 * One delivered input value for a unit, as JSON in the facts format (docs/facts-format.md). The evaluation
 * module's own: other modules read it as {@link cn.huangpu.assessment.evaluation.StoredFact}.
 */
@Entity
@Table(name = "unit_fact")
@IdClass(UnitFact.Key.class)
public class UnitFact extends AssignedKeyEntity<UnitFact.Key> {

    public record Key(Long campaignId, String unitCode, String indicatorCode, String inputName) implements Serializable {
        @SuppressWarnings("unused")
        Key() {
            this(null, null, null, null);
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

    @Id
    @Column(name = "input_name")
    private String inputName;

    @Column(name = "value_json", nullable = false)
    private String valueJson;

    private String reason;

    @Column(nullable = false)
    private String source;

    @Column(name = "entered_by", nullable = false)
    private String enteredBy;

    @Column(name = "entered_at", nullable = false)
    private Instant enteredAt;

    /**
     * Counts the saves of the value; a save names the version its page or template showed (0: no value) and is
     * refused when another save came first. Clearing a value deletes its row, so a value entered again later
     * must not start where a page loaded before the clearing may still stand: a new row starts at the
     * millisecond it is entered, later than any version an earlier row of the same key reached by saves one at a
     * time (Hibernate keeps a set initial value).
     */
    @Version
    @Column(nullable = false)
    private long version;

    protected UnitFact() {
    }

    public UnitFact(Long campaignId, String unitCode, String indicatorCode, String inputName, Instant now) {
        this.campaignId = campaignId;
        this.unitCode = unitCode;
        this.indicatorCode = indicatorCode;
        this.inputName = inputName;
        this.version = Math.max(1, now.toEpochMilli());
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

    public String getValueJson() {
        return valueJson;
    }

    public String getReason() {
        return reason;
    }

    public String getSource() {
        return source;
    }

    public String getEnteredBy() {
        return enteredBy;
    }

    public Instant getEnteredAt() {
        return enteredAt;
    }

    public long getVersion() {
        return version;
    }

    public void set(String valueJson, String reason, String source, String actor, Instant now) {
        this.valueJson = valueJson;
        this.reason = reason;
        this.source = source;
        this.enteredBy = actor;
        this.enteredAt = now;
    }

    @Override
    public Key getId() {
        return new Key(campaignId, unitCode, indicatorCode, inputName);
    }
}
