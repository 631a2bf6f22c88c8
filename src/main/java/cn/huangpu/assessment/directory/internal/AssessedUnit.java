package cn.huangpu.assessment.directory.internal;

import cn.huangpu.assessment.directory.UnitKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A unit that is assessed (参评单位). Its code is stable and names its Camunda group. */
@Entity
@Table(name = "assessed_unit")
public class AssessedUnit {

    @Id
    private String code;

    @Column(nullable = false, unique = true)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private UnitKind kind;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(nullable = false)
    private boolean active;

    protected AssessedUnit() {
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public UnitKind getKind() {
        return kind;
    }

    public int getSortOrder() {
        return sortOrder;
    }

    public boolean isActive() {
        return active;
    }
}
