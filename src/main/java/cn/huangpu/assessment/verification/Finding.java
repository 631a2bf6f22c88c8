package cn.huangpu.assessment.verification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * One problem the office found for a unit's indicator. It stands for {@code count} items of its kind: the items
 * listed in the note one a line, or stated in a one-line note with their number.
 */
@Entity
@Table(name = "verification_finding")
public class Finding {

    /** What kind of problem it is. */
    public enum Kind {
        MISSING("应公开未公开"), STALE("更新不及时"), BROKEN_LINK("断链"), WRONG_LINK("错链"), OTHER("其他问题"),
        NOT_INVOLVED_REJECTED("“不涉及”不成立");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

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
    private Kind kind;

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

    Finding(Long campaignId, String unitCode, String indicatorCode, String inputName, Kind kind, String note, int count,
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

    public Kind getKind() {
        return kind;
    }

    public String getNote() {
        return note;
    }

    /** How many items the finding stands for (at least 1); the scored count of its input adds these up. */
    public int getCount() {
        return count;
    }

    /** The note's lines that say something, each one item when the note lists several. */
    public List<String> items() {
        return lines(note);
    }

    /** Whether the note lists its items one a line (more than one line), which the pages show as a list. */
    public boolean isList() {
        return items().size() > 1;
    }

    /** The kind with the count when there is more than one item: 应公开未公开（共3项）. */
    public String heading() {
        return kind.label() + (count > 1 ? "（共" + count + "项）" : "");
    }

    static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
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

    @Override
    public String toString() {
        return heading() + "：" + (isList() ? String.join("；", items()) : note) + (url == null ? "" : "（" + url + "）");
    }
}
