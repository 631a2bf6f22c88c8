package cn.huangpu.assessment.directory;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface SpecialistEvaluatorRepository extends JpaRepository<SpecialistEvaluator, String> {

    List<SpecialistEvaluator> findAllByOrderBySortOrder();
}
