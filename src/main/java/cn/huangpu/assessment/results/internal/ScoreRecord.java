package cn.huangpu.assessment.results.internal;

import cn.huangpu.assessment.scoring.ScoreSheet;
import cn.huangpu.assessment.scoring.ScoringService.Pricing;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A unit's result in one scoring round: the totals, the grade, the facts they were priced from and what
 * priced them (the catalogue's version, the grade table's version). The sheet with every explanation is
 * stored beside it as priced (StoredSheet); lists read only this row. The results module's own: it is read as
 * {@link cn.huangpu.assessment.results.UnitResult}.
 */
@Entity
@Table(name = "score_record")
public class ScoreRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "campaign_id", nullable = false)
    private Long campaignId;

    @Column(name = "unit_code", nullable = false)
    private String unitCode;

    @Column(name = "scoring_round", nullable = false)
    private int round;

    @Column(nullable = false)
    private BigDecimal total;

    @Column(name = "base_points", nullable = false)
    private BigDecimal basePoints;

    @Column(nullable = false)
    private BigDecimal bonus;

    private String grade;

    @Column(name = "facts_json", nullable = false)
    private String factsJson;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "catalogue_version")
    private String catalogueVersion;

    @Column(name = "grade_table_id")
    private String gradeTableId;

    @Column(name = "grade_table_version")
    private Integer gradeTableVersion;

    protected ScoreRecord() {
    }

    public ScoreRecord(Long campaignId, String unitCode, int round, ScoreSheet sheet, Pricing pricing, String factsJson,
                Instant createdAt) {
        this.campaignId = campaignId;
        this.unitCode = unitCode;
        this.round = round;
        this.total = sheet.total();
        this.basePoints = sheet.basePoints();
        this.bonus = sheet.bonus();
        this.grade = sheet.grade();
        this.factsJson = factsJson;
        this.createdAt = createdAt;
        this.catalogueVersion = pricing.catalogueVersion();
        this.gradeTableId = pricing.gradeTable().id();
        this.gradeTableVersion = pricing.gradeTable().version();
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

    public int getRound() {
        return round;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public BigDecimal getBasePoints() {
        return basePoints;
    }

    public BigDecimal getBonus() {
        return bonus;
    }

    public String getGrade() {
        return grade;
    }

    public String getFactsJson() {
        return factsJson;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** The version of the catalogue that priced this result ({@code sha256:…}); null only before V45. */
    public String getCatalogueVersion() {
        return catalogueVersion;
    }

    /** The grade table's decision definition id that graded this result; null for results recorded before V45. */
    public String getGradeTableId() {
        return gradeTableId;
    }

    /** The grade table's version that graded this result; null for results recorded before V45. */
    public Integer getGradeTableVersion() {
        return gradeTableVersion;
    }
}
