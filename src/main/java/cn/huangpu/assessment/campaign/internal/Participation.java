package cn.huangpu.assessment.campaign.internal;

import cn.huangpu.assessment.persistence.AssignedKeyEntity;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * What a unit's and an evaluator's part in a campaign have in common: an own deadline, whether it passed
 * unmet, and whether the inputs are in.
 */
@MappedSuperclass
public abstract class Participation<K> extends AssignedKeyEntity<K> {

    @Column(nullable = false)
    private Instant due;

    @Column(nullable = false)
    private boolean overdue;

    @Column(nullable = false)
    private boolean ready;

    protected Participation() {
    }

    protected Participation(Instant due) {
        this.due = due;
    }

    public Instant getDue() {
        return due;
    }

    public boolean isOverdue() {
        return overdue;
    }

    public boolean isReady() {
        return ready;
    }

    public void markOverdue() {
        this.overdue = true;
    }

    public void extend(Instant newDue) {
        this.due = newDue;
        this.overdue = false;
    }

    /** Marks the inputs in; answers whether they were not in before. */
    public boolean ready() {
        boolean arrived = !ready;
        ready = true;
        return arrived;
    }
}
