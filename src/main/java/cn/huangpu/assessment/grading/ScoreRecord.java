package cn.huangpu.assessment.grading;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A unit's result in one scoring round: the totals, the grade, and the facts they were priced from.
 * The full sheet with explanations is recomputed from the facts on demand (the calculator is
 * deterministic), which keeps the database small.
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

    protected ScoreRecord() {
    }

    ScoreRecord(Long campaignId, String unitCode, int round, BigDecimal total, BigDecimal basePoints, BigDecimal bonus,
                String grade, String factsJson, Instant createdAt) {
        this.campaignId = campaignId;
        this.unitCode = unitCode;
        this.round = round;
        this.total = total;
        this.basePoints = basePoints;
        this.bonus = bonus;
        this.grade = grade;
        this.factsJson = factsJson;
        this.createdAt = createdAt;
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
}
