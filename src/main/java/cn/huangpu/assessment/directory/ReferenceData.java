package cn.huangpu.assessment.directory;

import cn.huangpu.assessment.directory.internal.AssessedUnit;
import cn.huangpu.assessment.directory.internal.AssessedUnitRepository;
import cn.huangpu.assessment.directory.internal.SpecialistEvaluator;
import cn.huangpu.assessment.directory.internal.SpecialistEvaluatorRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to the assessed units and the specialist evaluators. */
@Service
@Transactional(readOnly = true)
public class ReferenceData {

    private final AssessedUnitRepository units;
    private final SpecialistEvaluatorRepository evaluators;
    /**
     * Unit names by code, read all at once and again when a code is not among them: every new task is named
     * after its unit, and a launch of 6,000 units would otherwise read them one by one. Units may be added
     * while the application runs; names change only by migrations, at startup.
     */
    private volatile Map<String, String> names = Map.of();

    ReferenceData(AssessedUnitRepository units, SpecialistEvaluatorRepository evaluators) {
        this.units = units;
        this.evaluators = evaluators;
    }

    /** The units that take part by default, in the office's usual order (departments, then streets). */
    public List<Unit> activeUnits() {
        return units.findByActiveTrueOrderBySortOrder().stream().map(ReferenceData::unit).toList();
    }

    public Optional<Unit> unit(String code) {
        return units.findById(code).map(ReferenceData::unit);
    }

    /** A unit's Chinese name, or its code if there is no such unit. */
    public String unitName(String code) {
        String name = names.get(code);
        if (name == null) {
            names = unitNames();
            name = names.get(code);
        }
        return name == null ? code : name;
    }

    /** An evaluator's Chinese name, or its code if there is no such evaluator. */
    public String evaluatorName(String code) {
        return evaluators.findById(code).map(SpecialistEvaluator::getName).orElse(code);
    }

    /** Every unit's name by code, for pages that list many units. */
    public Map<String, String> unitNames() {
        return units.findAll().stream().collect(Collectors.toMap(AssessedUnit::getCode, AssessedUnit::getName));
    }

    /** The order of every list of units: by kind, then in the office's usual order (read now, for one page). */
    public UnitOrder unitOrder() {
        return new UnitOrder(units.findAll().stream()
                .map(u -> new UnitOrder.Place(u.getCode(), u.getName(), u.getKind(), u.getSortOrder())).toList());
    }

    /** Every evaluator's name by code. */
    public Map<String, String> evaluatorNames() {
        return evaluators.findAll().stream()
                .collect(Collectors.toMap(SpecialistEvaluator::getCode, SpecialistEvaluator::getName));
    }

    /** Evaluator codes in the plan's order (四(三)), as the lists of evaluators show them; unknown codes last. */
    public Comparator<String> evaluatorOrder() {
        List<String> usual = evaluators().stream().map(Evaluator::code).toList();
        return Comparator.comparingInt((String code) -> usual.contains(code) ? usual.indexOf(code) : usual.size())
                .thenComparing(Comparator.naturalOrder());
    }

    public List<Evaluator> evaluators() {
        return evaluators.findAllByOrderBySortOrder().stream().map(ReferenceData::evaluator).toList();
    }

    public Optional<Evaluator> evaluator(String code) {
        return evaluators.findById(code).map(ReferenceData::evaluator);
    }

    private static Unit unit(AssessedUnit unit) {
        return new Unit(unit.getCode(), unit.getName(), unit.getKind(), unit.getSortOrder(), unit.isActive());
    }

    private static Evaluator evaluator(SpecialistEvaluator evaluator) {
        return new Evaluator(evaluator.getCode(), evaluator.getName(), evaluator.getSortOrder(),
                evaluator.getUnitCode());
    }
}
