package cn.huangpu.assessment.campaign;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AssessedUnitRepository extends JpaRepository<AssessedUnit, String> {

    List<AssessedUnit> findByActiveTrueOrderBySortOrder();
}
