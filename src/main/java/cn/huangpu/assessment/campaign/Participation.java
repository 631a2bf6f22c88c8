package cn.huangpu.assessment.campaign;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
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

    void ready() {
        this.ready = true;
    }
}
