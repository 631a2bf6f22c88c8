package cn.huangpu.assessment.catalogue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One year's indicator table: seven first-level sections adding up to {@code totalPoints}. A value like a record
 * (equal when every part is equal), with its indicators listed and indexed once: every unit's facts, sheet and gaps
 * look indicators up by code, thousands of times per page on a large campaign. {@code notInvolvedRate} is the share
 * of base points a unit without this kind of work gets (按80%计分), a policy setting. As JSON (the catalogue API) it
 * is what the record was: its seven parts, in that order.
 */
@JsonPropertyOrder({"year", "title", "source", "totalPoints", "notInvolvedRate", "evaluators", "sections"})
public final class Catalogue {

    /** The evaluator code of the district government office itself (self-check review, verification, judgements). */
    public static final String OFFICE = "OFFICE";

    private final int year;
    private final String title;
    private final String source;
    private final BigDecimal totalPoints;
    private final BigDecimal notInvolvedRate;
    private final List<Evaluator> evaluators;
    private final List<Section> sections;
    private final List<Indicator> indicators;
    private final Map<String, Indicator> byCode = new HashMap<>();

    public Catalogue(int year, String title, String source, BigDecimal totalPoints, BigDecimal notInvolvedRate,
                     List<Evaluator> evaluators, List<Section> sections) {
        this.year = year;
        this.title = title;
        this.source = source;
        this.totalPoints = totalPoints;
        this.notInvolvedRate = notInvolvedRate;
        this.evaluators = List.copyOf(evaluators);
        this.sections = List.copyOf(sections);
        this.indicators = this.sections.stream().flatMap(s -> s.groups().stream())
                .flatMap(g -> g.indicators().stream()).toList();
        // the first of a code, as a search in table order finds it
        indicators.forEach(i -> byCode.putIfAbsent(i.code(), i));
    }

    @JsonProperty
    public int year() {
        return year;
    }

    @JsonProperty
    public String title() {
        return title;
    }

    @JsonProperty
    public String source() {
        return source;
    }

    @JsonProperty
    public BigDecimal totalPoints() {
        return totalPoints;
    }

    @JsonProperty
    public BigDecimal notInvolvedRate() {
        return notInvolvedRate;
    }

    @JsonProperty
    public List<Evaluator> evaluators() {
        return evaluators;
    }

    @JsonProperty
    public List<Section> sections() {
        return sections;
    }

    /** Every third-level indicator in table order. */
    public List<Indicator> indicators() {
        return indicators;
    }

    public Optional<Indicator> indicator(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    public Optional<Evaluator> evaluator(String code) {
        return evaluators.stream().filter(e -> e.code().equals(code)).findFirst();
    }

    /** The indicators each evaluator delivers at least one input of, by evaluator code, in table order. */
    public Map<String, List<String>> indicatorsByEvaluator() {
        Map<String, List<String>> owned = new LinkedHashMap<>();
        evaluators.forEach(e -> owned.put(e.code(), indicators.stream()
                .filter(i -> i.inputs().stream().anyMatch(in -> in.by().equals(e.code())))
                .map(Indicator::code).toList()));
        return owned;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Catalogue that && year == that.year && Objects.equals(title, that.title)
                && Objects.equals(source, that.source) && Objects.equals(totalPoints, that.totalPoints)
                && Objects.equals(notInvolvedRate, that.notInvolvedRate) && evaluators.equals(that.evaluators)
                && sections.equals(that.sections);
    }

    @Override
    public int hashCode() {
        return Objects.hash(year, title, source, totalPoints, notInvolvedRate, evaluators, sections);
    }

    @Override
    public String toString() {
        return "Catalogue[year=" + year + ", title=" + title + ", source=" + source + ", totalPoints=" + totalPoints
                + ", notInvolvedRate=" + notInvolvedRate + ", evaluators=" + evaluators + ", sections=" + sections + "]";
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
