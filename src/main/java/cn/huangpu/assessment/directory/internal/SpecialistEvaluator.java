package cn.huangpu.assessment.directory.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One of the plan's specialist evaluators (专项评估牵头单位). Its code is the one the indicator
 * catalogue names in each input's {@code by}; the indicators it owns follow from the catalogue.
 */
@Entity
@Table(name = "specialist_evaluator")
public class SpecialistEvaluator {

    @Id
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    /** The assessed unit this evaluator also is (e.g. 区财政局), or null. */
    @Column(name = "unit_code")
    private String unitCode;

    protected SpecialistEvaluator() {
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public int getSortOrder() {
        return sortOrder;
    }

    public String getUnitCode() {
        return unitCode;
    }
}
