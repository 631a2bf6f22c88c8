package cn.huangpu.assessment.directory.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SpecialistEvaluatorRepository extends JpaRepository<SpecialistEvaluator, String> {

    List<SpecialistEvaluator> findAllByOrderBySortOrder();
}
