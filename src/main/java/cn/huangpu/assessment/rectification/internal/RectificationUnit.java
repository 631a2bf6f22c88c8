package cn.huangpu.assessment.rectification.internal;

import cn.huangpu.assessment.persistence.AssignedKeyEntity;
import cn.huangpu.assessment.rectification.UnitStage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A unit's rectification in a published campaign; the rectification module's own. */
@Entity
@Table(name = "rectification_unit")
@IdClass(RectificationUnit.Key.class)
public class RectificationUnit extends AssignedKeyEntity<RectificationUnit.Key> {

    public record Key(Long campaignId, String unitCode) implements Serializable {
        @SuppressWarnings("unused")
        Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "campaign_id")
    private Long campaignId;

    @Id
    @Column(name = "unit_code")
    private String unitCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private UnitStage.Status status;

    @Column(name = "first_due")
    private Instant firstDue;

    private Instant due;

    @Column(nullable = false)
    private boolean overdue;

    @Column(name = "opened_at")
    private Instant openedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    protected RectificationUnit() {
    }

    public RectificationUnit(Long campaignId, String unitCode) {
        this.campaignId = campaignId;
        this.unitCode = unitCode;
        this.status = UnitStage.Status.PENDING;
    }

    @Override
    public Key getId() {
        return new Key(campaignId, unitCode);
    }

    public String getUnitCode() {
        return unitCode;
    }

    public UnitStage.Status getStatus() {
        return status;
    }

    public Instant getDue() {
        return due;
    }

    public Instant getFirstDue() {
        return firstDue;
    }

    /** The unit's task opens with this deadline (the first one is kept: on time is measured against it). */
    public void open(Instant due, Instant now) {
        this.status = UnitStage.Status.RECTIFYING;
        this.due = due;
        if (firstDue == null) {
            firstDue = due;
        }
        this.overdue = false;
        this.openedAt = openedAt == null ? now : openedAt;
        this.endedAt = null;
    }

    public void nothingToDo() {
        if (status == UnitStage.Status.PENDING) {
            status = UnitStage.Status.NONE;
        }
    }

    public void reviewing() {
        status = UnitStage.Status.REVIEWING;
    }

    public void markOverdue() {
        overdue = true;
    }

    public void extend(Instant newDue) {
        due = newDue;
        overdue = false;
    }

    public void done(Instant now) {
        status = UnitStage.Status.DONE;
        endedAt = now;
    }

    public UnitStage stage() {
        return new UnitStage(campaignId, unitCode, status, firstDue, due, overdue, openedAt, endedAt);
    }
}
