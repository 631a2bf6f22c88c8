package cn.huangpu.assessment.directory;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to the assessed units and the specialist evaluators. */
@Service
@Transactional(readOnly = true)
public class ReferenceData {

    private final AssessedUnitRepository units;
    private final SpecialistEvaluatorRepository evaluators;

    ReferenceData(AssessedUnitRepository units, SpecialistEvaluatorRepository evaluators) {
        this.units = units;
        this.evaluators = evaluators;
    }

    /** The units that take part by default, in the office's usual order (departments, then streets). */
    public List<AssessedUnit> activeUnits() {
        return units.findByActiveTrueOrderBySortOrder();
    }

    public Optional<AssessedUnit> unit(String code) {
        return units.findById(code);
    }

    public List<SpecialistEvaluator> evaluators() {
        return evaluators.findAllByOrderBySortOrder();
    }

    public Optional<SpecialistEvaluator> evaluator(String code) {
        return evaluators.findById(code);
    }
}
