package cn.huangpu.assessment.campaign.internal;

import cn.huangpu.assessment.campaign.CampaignDates;
import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.CampaignStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One year's assessment campaign: its dates, its catalogue and where it stands. Changed only by the campaign
 * module; the others see {@link CampaignInfo}.
 */
@Entity
@Table(name = "campaign")
public class Campaign {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "campaign_year", nullable = false)
    private int year;

    @Column(name = "catalogue_year", nullable = false)
    private int catalogueYear;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CampaignStatus status;

    @Column(name = "self_check_due", nullable = false)
    private Instant selfCheckDue;

    @Column(name = "specialist_due", nullable = false)
    private Instant specialistDue;

    @Column(name = "comprehensive_due", nullable = false)
    private Instant comprehensiveDue;

    @Column(name = "results_due", nullable = false)
    private Instant resultsDue;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "inputs_complete", nullable = false)
    private boolean inputsComplete;

    /** Units and evaluators whose inputs are not in yet. */
    @Column(name = "pending_inputs", nullable = false)
    private int pendingInputs;

    @Column(name = "scoring_round", nullable = false)
    private int scoringRound;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Version
    private int version;

    protected Campaign() {
    }

    public Campaign(int year, int catalogueYear, CampaignDates dates, String createdBy, Instant now) {
        this.year = year;
        this.catalogueYear = catalogueYear;
        this.status = CampaignStatus.RUNNING;
        this.selfCheckDue = dates.selfCheckDue();
        this.specialistDue = dates.specialistDue();
        this.comprehensiveDue = dates.comprehensiveDue();
        this.resultsDue = dates.resultsDue();
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public int getYear() {
        return year;
    }

    public int getCatalogueYear() {
        return catalogueYear;
    }

    public CampaignStatus getStatus() {
        return status;
    }

    public CampaignDates getDates() {
        return new CampaignDates(selfCheckDue, specialistDue, comprehensiveDue, resultsDue);
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public boolean isInputsComplete() {
        return inputsComplete;
    }

    public int getScoringRound() {
        return scoringRound;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public boolean isFrozen() {
        return status.isFrozen();
    }

    /** The campaign as the other modules see it, as it stands now. */
    public CampaignInfo info() {
        return new CampaignInfo(id, year, catalogueYear, status, getDates(), processInstanceId, inputsComplete,
                pendingInputs, scoringRound, createdBy, createdAt, publishedAt);
    }

    public void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public int getPendingInputs() {
        return pendingInputs;
    }

    public void awaitInputs(int count) {
        pendingInputs = count;
    }

    public void inputArrived() {
        pendingInputs--;
    }

    public void inputsCompleted() {
        this.inputsComplete = true;
        this.status = CampaignStatus.GRADING;
    }

    public void scoringRoundAtLeast(int round) {
        scoringRound = Math.max(scoringRound, round);
    }

    public void approve() {
        this.status = CampaignStatus.APPROVED;
    }

    public void publish(Instant now) {
        this.status = CampaignStatus.PUBLISHED;
        this.publishedAt = now;
    }

    public void reopen() {
        this.status = CampaignStatus.REOPENED;
    }
}
