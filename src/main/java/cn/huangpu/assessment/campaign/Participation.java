package cn.huangpu.assessment.campaign;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import java.time.Instant;

/**
 * What a unit's and an evaluator's part in a campaign have in common: an own deadline, whether it passed
 * unmet, and whether the inputs are in.
 */
@MappedSuperclass
public abstract class Participation {

    @Column(nullable = false)
    private Instant due;

    @Column(nullable = false)
    private boolean overdue;

    @Column(nullable = false)
    private boolean ready;

    /** New until loaded or saved, so that opening a campaign of 6,000 units inserts them without reading each first. */
    @Transient
    private boolean isNew = true;

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

    void markOverdue() {
        this.overdue = true;
    }

    void extend(Instant newDue) {
        this.due = newDue;
        this.overdue = false;
    }

    public boolean isNew() {
        return isNew;
    }

    @PostLoad
    @PostPersist
    void stored() {
        isNew = false;
    }

    /** Marks the inputs in; answers whether they were not in before. */
    boolean ready() {
        boolean arrived = !ready;
        ready = true;
        return arrived;
    }
}
