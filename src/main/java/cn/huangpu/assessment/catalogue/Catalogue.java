package cn.huangpu.assessment.catalogue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One year's indicator table: seven first-level sections adding up to {@code totalPoints}.
 *
 * @param notInvolvedRate the share of base points a unit without this kind of work gets (按80%计分), a policy setting
 */
public record Catalogue(int year, String title, String source, BigDecimal totalPoints, BigDecimal notInvolvedRate,
                        List<Evaluator> evaluators, List<Section> sections) {

    /** The evaluator code of the district government office itself (self-check review, verification, judgements). */
    public static final String OFFICE = "OFFICE";

    public Catalogue {
        evaluators = List.copyOf(evaluators);
        sections = List.copyOf(sections);
    }

    /** Every third-level indicator in table order. */
    public List<Indicator> indicators() {
        return sections.stream().flatMap(s -> s.groups().stream()).flatMap(g -> g.indicators().stream()).toList();
    }

    public Optional<Indicator> indicator(String code) {
        return indicators().stream().filter(i -> i.code().equals(code)).findFirst();
    }

    public Optional<Evaluator> evaluator(String code) {
        return evaluators.stream().filter(e -> e.code().equals(code)).findFirst();
    }

    /** The indicators each evaluator delivers at least one input of, by evaluator code, in table order. */
    public Map<String, List<String>> indicatorsByEvaluator() {
        Map<String, List<String>> owned = new LinkedHashMap<>();
        evaluators.forEach(e -> owned.put(e.code(), indicators().stream()
                .filter(i -> i.inputs().stream().anyMatch(in -> in.by().equals(e.code())))
                .map(Indicator::code).toList()));
        return owned;
    }

    /** An evaluator named by the catalogue; {@code OFFICE} is the district government office itself. */
    public record Evaluator(String code, String name) {
    }

    /** A first-level indicator (一级指标). */
    public record Section(String number, String name, BigDecimal points, List<IndicatorGroup> groups) {
        public Section {
            groups = List.copyOf(groups);
        }

        public List<Indicator> indicators() {
            return groups.stream().flatMap(g -> g.indicators().stream()).toList();
        }
    }

    /** A second-level indicator (二级指标); its name may be empty where the seed gives none. */
    public record IndicatorGroup(String name, List<Indicator> indicators) {
        public IndicatorGroup {
            indicators = List.copyOf(indicators);
        }
    }
}
