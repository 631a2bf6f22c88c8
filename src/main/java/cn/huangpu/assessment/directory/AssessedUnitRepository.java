package cn.huangpu.assessment.directory;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AssessedUnitRepository extends JpaRepository<AssessedUnit, String> {

    List<AssessedUnit> findByActiveTrueOrderBySortOrder();
}
