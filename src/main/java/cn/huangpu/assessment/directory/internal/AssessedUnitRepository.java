package cn.huangpu.assessment.directory.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AssessedUnitRepository extends JpaRepository<AssessedUnit, String> {

    List<AssessedUnit> findByActiveTrueOrderBySortOrder();
}
