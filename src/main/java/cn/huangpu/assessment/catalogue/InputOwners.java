package cn.huangpu.assessment.catalogue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who enters each input of a catalogue in one campaign, and where (docs/facts-format.md, "谁录入什么"). The catalogue
 * names an evaluator for every input ({@code by}); the campaign adjusts it: an evaluator that does not take part
 * hands its inputs to the office, which enters them in comprehensive evaluation. The unit owns no input: it owns
 * only its 不涉及 claim, on the indicators that allow one ({@link Indicator#notInvolvedAllowed()}).
 */
public final class InputOwners {

    /** The page (and the stage) through which an input is entered. */
    public enum Channel {
        /** A specialist evaluator's grid or spreadsheet (专项评估), until it delivers. */
        EVALUATOR,
        /** The office's online-verification findings (网上核查): the sum of the counts of the findings on it. */
        VERIFICATION,
        /** A register the office keeps (公文备案登记); the office may override its figure in comprehensive evaluation. */
        REGISTER,
        /** The office's inputs of comprehensive evaluation (综合评估). */
        COMPREHENSIVE
    }

    /**
     * The owner of one input in a campaign.
     *
     * @param enteredBy      the evaluator code whose people enter it ({@link Catalogue#OFFICE} for the office)
     * @param handedOverFrom the catalogue's evaluator when it does not take part in the campaign (the office enters
     *                       the input instead), else null
     */
    public record Owner(Indicator indicator, Input input, Channel channel, String enteredBy, String handedOverFrom) {

        /** "indicator/input", as the stored values are keyed. */
        public String key() {
            return indicator.code() + "/" + input.name();
        }

        public boolean handedOver() {
            return handedOverFrom != null;
        }
    }

    private final Catalogue catalogue;
    private final Map<String, Owner> owners = new LinkedHashMap<>();

    private InputOwners(Catalogue catalogue, Set<String> takingPart) {
        this.catalogue = catalogue;
        for (Indicator indicator : catalogue.indicators()) {
            List<Input> findingFed = indicator.findingInputs();
            for (Input input : indicator.inputs()) {
                Owner owner;
                if (findingFed.contains(input)) {
                    owner = new Owner(indicator, input, Channel.VERIFICATION, Catalogue.OFFICE, null);
                } else if (input.fromRegister()) {
                    owner = new Owner(indicator, input, Channel.REGISTER, Catalogue.OFFICE, null);
                } else if (Catalogue.OFFICE.equals(input.by())) {
                    owner = new Owner(indicator, input, Channel.COMPREHENSIVE, Catalogue.OFFICE, null);
                } else if (takingPart.contains(input.by())) {
                    owner = new Owner(indicator, input, Channel.EVALUATOR, input.by(), null);
                } else {
                    owner = new Owner(indicator, input, Channel.COMPREHENSIVE, Catalogue.OFFICE, input.by());
                }
                owners.put(owner.key(), owner);
            }
        }
    }

    /**
     * The owners of a campaign priced by {@code catalogue} whose specialist evaluators are {@code takingPart}
     * (evaluator codes; {@link Catalogue#OFFICE} always takes part).
     */
    public static InputOwners of(Catalogue catalogue, Collection<String> takingPart) {
        return new InputOwners(catalogue, Set.copyOf(takingPart));
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    /** Every input's owner, in catalogue order. */
    public List<Owner> all() {
        return List.copyOf(owners.values());
    }

    public Optional<Owner> of(String indicatorCode, String inputName) {
        return Optional.ofNullable(owners.get(indicatorCode + "/" + inputName));
    }

    public Owner of(Indicator indicator, Input input) {
        return owners.get(indicator.code() + "/" + input.name());
    }

    /**
     * The inputs of {@code indicator} that {@code source} enters as values (an evaluator on its grid; the office in
     * comprehensive evaluation, a register's figure included as an override), in catalogue order. Finding-fed inputs
     * are entered as findings, never as values.
     */
    public List<Input> enteredAsValues(Indicator indicator, String source) {
        return indicator.inputs().stream().map(input -> of(indicator, input))
                .filter(o -> o.enteredBy().equals(source) && o.channel() != Channel.VERIFICATION)
                .map(Owner::input).toList();
    }

    /** The indicators of each evaluator that does not take part, now entered by the office, in catalogue order. */
    public Map<String, List<Indicator>> handedOver() {
        Map<String, List<Indicator>> handed = new LinkedHashMap<>();
        for (Owner owner : owners.values()) {
            if (owner.handedOver()) {
                List<Indicator> indicators = handed.computeIfAbsent(owner.handedOverFrom(), e -> new ArrayList<>());
                if (!indicators.contains(owner.indicator())) {
                    indicators.add(owner.indicator());
                }
            }
        }
        return handed;
    }

    /** Who enters the input, in words: the evaluator's name, or 区政府办公室 and where. */
    public String describe(Owner owner) {
        String name = catalogue.evaluator(owner.enteredBy()).map(Catalogue.Evaluator::name).orElse(owner.enteredBy());
        return switch (owner.channel()) {
            case EVALUATOR -> name + "（专项评估）";
            case VERIFICATION -> name + "（网上核查）";
            case REGISTER -> name + "（登记，可在综合评估中改定）";
            case COMPREHENSIVE -> name + "（综合评估" + (owner.handedOver() ? "，代"
                    + catalogue.evaluator(owner.handedOverFrom()).map(Catalogue.Evaluator::name)
                    .orElse(owner.handedOverFrom()) + "录入" : "") + "）";
        };
    }
}
