package cn.huangpu.assessment.register;

import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.catalogue.Input;
import cn.huangpu.assessment.catalogue.InputType;
import cn.huangpu.assessment.web.InputError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inputs a catalogue computes from registers ({@code from:} in the catalogue), as the facts assembly takes
 * them: per unit and input the register's figure with its evidence lines, or why it cannot be computed. A unit
 * without rows in a register has no figures from it, so its bound inputs stay missing until the office enters
 * the register or overrides them.
 */
@Service
@Transactional(readOnly = true)
public class RegisterFacts {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final RegisterService registers;

    RegisterFacts(RegisterService registers) {
        this.registers = registers;
    }

    /**
     * A figure as a fact: the value in the facts format for the input's type, the lines showing what it stands
     * for, or the reason it cannot be computed (then no value).
     */
    public record Derived(JsonNode value, List<String> evidence, String problem) {
    }

    /** Every unit's computed inputs, by unit code, then "indicator/input". */
    public Map<String, Map<String, Derived>> derived(Long campaignId, Catalogue catalogue) {
        Map<String, Map<String, Derived>> byUnit = new HashMap<>();
        for (Register register : Register.values()) {
            List<RegisterService.Binding> bindings = RegisterService.bindings(catalogue, register);
            if (bindings.isEmpty()) {
                continue;
            }
            registers.figures(campaignId, register).forEach((unit, figures) -> {
                Map<String, Derived> derived = byUnit.computeIfAbsent(unit, u -> new LinkedHashMap<>());
                bindings.forEach(b -> derived.put(b.key(), derive(b.input(), figures)));
            });
        }
        return byUnit;
    }

    /** One unit's computed inputs, by "indicator/input". */
    public Map<String, Derived> derived(Long campaignId, String unitCode, Catalogue catalogue) {
        Map<String, Derived> derived = new LinkedHashMap<>();
        for (Register register : Register.values()) {
            List<RegisterService.Binding> bindings = RegisterService.bindings(catalogue, register);
            RegisterFigures figures = bindings.isEmpty() ? null : registers.figures(campaignId, unitCode, register);
            if (figures != null) {
                bindings.forEach(b -> derived.put(b.key(), derive(b.input(), figures)));
            }
        }
        return derived;
    }

    static Derived derive(Input input, RegisterFigures figures) {
        RegisterFigures.Figure figure = figures.figure(input.from());
        if (!figure.known()) {
            return new Derived(null, List.of(), figure.problem());
        }
        BigDecimal value = figure.value();
        JsonNode node = input.type() == InputType.FLAG ? JSON.booleanNode(value.signum() > 0) : JSON.numberNode(value);
        return new Derived(node, figure.evidence(), null);
    }

    /**
     * Puts a computed input into an indicator's facts: the office's override where it entered one (its reason and
     * the register's figure shown as evidence), else the register's figure with its evidence; neither leaves the
     * input missing.
     *
     * @param override the office's usable value of the input, or null
     */
    public static void put(ObjectNode indicatorFacts, Input input, JsonNode override, String overrideReason,
                           Derived derived) {
        List<String> evidence = new ArrayList<>();
        if (override != null) {
            indicatorFacts.set(input.name(), override);
            evidence.add("区政府办公室改定" + (overrideReason == null ? "" : "，理由：" + overrideReason)
                    + (derived == null ? "（未录入登记）" : derived.problem() != null ? "（登记无法计算：" + derived.problem() + "）"
                    : "（按登记计算为 " + shown(input, derived.value()) + "）"));
        } else if (derived != null && derived.problem() == null) {
            indicatorFacts.set(input.name(), derived.value());
        }
        if (derived != null) {
            if (derived.problem() != null && override == null) {
                evidence.add("登记无法计算：" + derived.problem());
            }
            evidence.addAll(derived.evidence());
        }
        if (!evidence.isEmpty()) {
            ObjectNode all = indicatorFacts.has("evidence") ? (ObjectNode) indicatorFacts.get("evidence")
                    : indicatorFacts.putObject("evidence");
            ArrayNode lines = all.putArray(input.name());
            evidence.forEach(lines::add);
        }
    }

    /**
     * The computed inputs that cannot be computed and that the office has not overridden, as refusals naming the
     * unit: no result is recorded from them (a year without holidays entered is not guessed).
     *
     * @param overridden by unit, the "indicator/input" keys the office entered a usable value for
     * @param unitNames  the units' names by code
     */
    public List<InputError> problems(Long campaignId, Catalogue catalogue, Map<String, Set<String>> overridden,
                                     Map<String, String> unitNames) {
        List<InputError> problems = new ArrayList<>();
        derived(campaignId, catalogue).forEach((unit, inputs) -> inputs.forEach((key, derived) -> {
            if (derived.problem() != null && !overridden.getOrDefault(unit, Set.of()).contains(key)) {
                String[] parts = key.split("/", 2);
                String label = catalogue.indicator(parts[0]).flatMap(i -> i.input(parts[1])).map(Input::label).orElse(null);
                problems.add(new InputError(parts[0], parts[1], label, unitNames.getOrDefault(unit, unit) + "："
                        + derived.problem()));
            }
        }));
        return problems;
    }

    static String shown(Input input, JsonNode value) {
        if (input.type() == InputType.FLAG) {
            return value.asBoolean() ? "是" : "否";
        }
        return input.type() == InputType.RATE ? RegisterFigures.percent(value.decimalValue()) : value.decimalValue()
                .toPlainString();
    }
}
