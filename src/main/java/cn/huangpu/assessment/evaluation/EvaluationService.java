package cn.huangpu.assessment.evaluation;

import cn.huangpu.assessment.audit.AuditLog;
import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.EvaluatorParticipation;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.UnitParticipation;
import cn.huangpu.assessment.campaign.progress.EvaluationDelivered;
import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.catalogue.Catalogues;
import cn.huangpu.assessment.catalogue.Indicator;
import cn.huangpu.assessment.catalogue.Input;
import cn.huangpu.assessment.catalogue.InputOwners;
import cn.huangpu.assessment.directory.ReferenceData;
import cn.huangpu.assessment.evaluation.internal.MissingInputDecision;
import cn.huangpu.assessment.evaluation.internal.MissingInputDecisionRepository;
import cn.huangpu.assessment.evaluation.internal.UnitFact;
import cn.huangpu.assessment.evaluation.internal.UnitFactRepository;
import cn.huangpu.assessment.scoring.FactsParser;
import cn.huangpu.assessment.scoring.InvalidFactsException;
import cn.huangpu.assessment.scoring.NumberRules;
import cn.huangpu.assessment.selfcheck.SelfCheckService;
import cn.huangpu.assessment.verification.VerificationService;
import cn.huangpu.assessment.verification.NotInvolvedRuling;
import cn.huangpu.assessment.verification.NotInvolvedClaim;
import cn.huangpu.assessment.verification.NotInvolvedService;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.DisplayTime;
import cn.huangpu.assessment.web.EditConflictException;
import cn.huangpu.assessment.web.InputError;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records evaluation results. A save is all-or-nothing and refuses: a unit not in the campaign, an
 * indicator or input not in the catalogue, an input the submitter does not own, a bad value, a missing
 * reason where one is required, and any change once the results are approved.
 */
@Service
@Transactional
public class EvaluationService {

    /** The column of a change's reason (and of the audit trail's) holds 1,000 characters. */
    static final int MAX_REASON_LENGTH = 1000;
    /** A value's JSON text, a judgement's reason included, is stored in a column of 2,000 characters. */
    static final int VALUE_COLUMN_LENGTH = 2000;
    /** What a judgement's reason may take of it, leaving room for the score and the JSON around them. */
    static final int MAX_JUDGEMENT_REASON_LENGTH = 500;
    /** A 按缺失计分 reason is cited on the sheet in one line of evidence (at most 500 characters with its words). */
    static final int MAX_MISSING_REASON_LENGTH = 300;

    private final UnitFactRepository facts;
    private final CampaignService campaigns;
    private final Catalogues catalogues;
    private final SelfCheckService selfChecks;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final DisplayTime time;
    private final ReferenceData referenceData;
    private final VerificationService verification;
    private final MissingInputDecisionRepository decisions;
    private final NotInvolvedService claims;

    EvaluationService(UnitFactRepository facts, CampaignService campaigns, Catalogues catalogues,
                      SelfCheckService selfChecks, AuditLog audit, Clock clock, ApplicationEventPublisher events,
                      DisplayTime time, ReferenceData referenceData, VerificationService verification,
                      MissingInputDecisionRepository decisions, NotInvolvedService claims) {
        this.verification = verification;
        this.claims = claims;
        this.decisions = decisions;
        this.events = events;
        this.facts = facts;
        this.campaigns = campaigns;
        this.catalogues = catalogues;
        this.selfChecks = selfChecks;
        this.audit = audit;
        this.clock = clock;
        this.time = time;
        this.referenceData = referenceData;
    }

    /** Messages name the unit as people know it; the code is for machines. */
    private String unitName(String unitCode) {
        return referenceData.unitName(unitCode);
    }

    /**
     * Saves values delivered by {@code source} (an evaluator code, or {@link Catalogue#OFFICE}). Refuses all of
     * them if one is bad, and all of them if one was changed by someone else since it was loaded
     * ({@link EditConflictException}: nothing of the request is saved). A value equal to the stored one is no
     * change: it neither conflicts nor writes. The changes are written in one batch; a concurrent save of the
     * same values between this one's read and its write fails that batch and is refused the same way.
     *
     * @param reasonRequired whether every change needs a reason (the office's comprehensive evaluation)
     */
    public void record(Long campaignId, String source, List<FactEntry> entries, boolean reasonRequired, String actor) {
        record(campaignId, source, entries, reasonRequired, actor, true);
    }

    /**
     * The office's correction of inputs on review of a unit's objection (意见反馈与复核): any input people enter,
     * the office's own or an evaluator's after it delivered, each change with its reason (required) in the audit
     * trail under the office's account. Each value keeps its source, so the evaluator's grid still shows it as its
     * input. All or nothing, with the checks of {@link #record}.
     */
    public void correctOnReview(Long campaignId, List<FactEntry> entries, String actor) {
        InputOwners owners = campaigns.owners(campaignId);
        Map<String, List<FactEntry>> bySource = new LinkedHashMap<>();
        for (FactEntry entry : entries) {
            // the input's owner in this campaign: an evaluator left out has handed its inputs to the office
            String source = owners.of(entry.indicatorCode(), entry.inputName()).map(InputOwners.Owner::enteredBy)
                    .orElse(Catalogue.OFFICE);
            bySource.computeIfAbsent(source, s -> new ArrayList<>()).add(entry);
        }
        bySource.forEach((source, changes) -> record(campaignId, source, changes, true, actor, false));
    }

    private void record(Long campaignId, String source, List<FactEntry> entries, boolean reasonRequired, String actor,
                        boolean onlyWhilePending) {
        CampaignInfo campaign = campaigns.get(campaignId);
        campaigns.requireOpen(campaign);
        if (onlyWhilePending) {
            requireStillOpenTo(campaignId, source, entries);
        }
        InputOwners owners = campaigns.owners(campaignId);
        Set<String> units = campaigns.units(campaignId).stream().map(UnitParticipation::unitCode).collect(Collectors.toSet());
        List<InputError> errors = new ArrayList<>();
        for (FactEntry entry : entries) {
            check(owners, source, units, entry, reasonRequired, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidFactsException(errors);
        }
        // Each input has one source, so the values this call can change are the ones this source entered.
        Map<UnitFact.Key, UnitFact> existing = stored(campaignId, source);
        List<FactEntry> conflicting = conflicting(existing, campaignId, entries);
        if (!conflicting.isEmpty()) {
            throw new EditConflictException(conflicting.stream().map(entry -> describeConflict(existing, campaignId, entry))
                    .toList());
        }
        List<AuditLog.Change> changes = new ArrayList<>();
        for (FactEntry entry : entries) {
            save(campaignId, source, entry, existing, actor).ifPresent(changes::add);
        }
        try {
            facts.flush();
        } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
            // The other save committed first: its value now holds the key (an insert) or a newer version.
            throw new EditConflictException(List.of());
        }
        // a value entered settles the input: a decision to price it as missing no longer stands
        Set<UnitFact.Key> entered = entries.stream().filter(e -> e.value() != null && !e.value().isNull())
                .map(e -> key(campaignId, e)).collect(Collectors.toSet());
        List<MissingInputDecision> superseded = entered.isEmpty() ? List.of() : decisions.findByCampaignId(campaignId)
                .stream().filter(d -> entered.contains(d.getId())).toList();
        superseded.forEach(d -> changes.add(new AuditLog.Change(subject(d.getUnitCode(), d.getIndicatorCode(),
                d.getInputName()), "WITHDRAW_MISSING", d.getReason(), null, "已录入值")));
        decisions.deleteAll(superseded);
        audit.recordAll(campaignId, changes, actor);
    }

    /**
     * An evaluator enters values until it delivers; after that, only the inputs a rejected 不涉及 claim reopened
     * ({@link #reopened}), for a late entry (补录). The office enters its inputs at any time until the results are
     * approved.
     */
    private void requireStillOpenTo(Long campaignId, String source, List<FactEntry> entries) {
        if (Catalogue.OFFICE.equals(source)) {
            return;
        }
        EvaluatorParticipation evaluator = campaigns.evaluator(campaignId, source);
        if (evaluator.status() == EvaluatorParticipation.Status.PENDING) {
            return;
        }
        Set<String> reopened = evaluator.status() == EvaluatorParticipation.Status.DELIVERED
                ? reopened(campaignId, source) : Set.of();
        List<InputError> closed = entries.stream().filter(e -> !reopened.contains(cell(e.unitCode(), e.indicatorCode(),
                e.inputName()))).map(e -> new InputError(e.indicatorCode(), e.inputName(), unitName(e.unitCode())
                + "：本单位专项评估状态为“" + evaluator.status().label() + "”，不能再修改")).toList();
        if (!closed.isEmpty()) {
            throw new BadInputException("评估结果不能再修改", reopened.isEmpty() ? List.of(InputError.field("evaluatorCode",
                    "专项评估状态", "本单位专项评估状态为“" + evaluator.status().label() + "”，不能再修改")) : closed);
        }
    }

    /**
     * The cells ("unit|indicator/input") an evaluator that delivered may still enter: its inputs of every indicator
     * on which the office recorded “不涉及”不成立 for the unit. Until then the unit's claim left them out of what the
     * evaluator had to deliver; now they price the indicator, so they are its late entries (补录).
     */
    @Transactional(readOnly = true)
    public Set<String> reopened(Long campaignId, String evaluatorCode) {
        InputOwners owners = campaigns.owners(campaignId);
        Set<String> cells = new TreeSet<>();
        reclaimed(campaignId, owners.catalogue()).forEach((unit, indicators) -> indicators.forEach(code ->
                owners.catalogue().indicator(code).ifPresent(indicator -> owners.enteredAsValues(indicator, evaluatorCode)
                        .forEach(input -> cells.add(cell(unit, code, input.name()))))));
        return cells;
    }

    /**
     * The indicators each unit claimed 不涉及 in its self-check and that are now priced as involved: the office
     * recorded “不涉及”不成立, or granted the unit's withdrawal of the claim ({@link NotInvolvedClaim}).
     */
    private Map<String, Set<String>> reclaimed(Long campaignId, Catalogue catalogue) {
        Map<String, Set<String>> rejected = verification.rejectedClaims(campaignId);
        Map<String, Map<String, NotInvolvedRuling>> rulings = claims.allRulings(campaignId);
        Map<String, Set<String>> reclaimed = new HashMap<>();
        selfChecks.notInvolvedClaims(campaignId).forEach((unit, codes) -> codes.stream()
                .filter(code -> catalogue.indicator(code).map(Indicator::notInvolvedAllowed).orElse(false))
                .filter(code -> !claim(unit, code, true, rejected, rulings).notInvolved())
                .forEach(code -> reclaimed.computeIfAbsent(unit, u -> new HashSet<>()).add(code)));
        return reclaimed;
    }

    private static NotInvolvedClaim claim(String unitCode, String indicatorCode, boolean claimed,
                                          Map<String, Set<String>> rejected,
                                          Map<String, Map<String, NotInvolvedRuling>> rulings) {
        return new NotInvolvedClaim(indicatorCode, claimed, rejected.getOrDefault(unitCode, Set.of()).contains(indicatorCode),
                rulings.getOrDefault(unitCode, Map.of()).get(indicatorCode));
    }

    private static String cell(String unitCode, String indicatorCode, String inputName) {
        return unitCode + "|" + indicatorCode + "/" + inputName;
    }

    private static String subject(String unitCode, String indicatorCode, String inputName) {
        return "unit_fact " + unitCode + " " + indicatorCode + " " + inputName;
    }

    /** The entries that someone changed since they were loaded; an entry without a loaded version never conflicts. */
    @Transactional(readOnly = true)
    public List<FactEntry> conflicting(Long campaignId, String source, List<FactEntry> entries) {
        return conflicting(stored(campaignId, source), campaignId, entries);
    }

    // Each input has one source, so the values a call of this source can change are the ones this source entered.
    private Map<UnitFact.Key, UnitFact> stored(Long campaignId, String source) {
        return facts.findByCampaignIdAndSource(campaignId, source).stream()
                .collect(Collectors.toMap(UnitFact::getId, fact -> fact));
    }

    private static List<FactEntry> conflicting(Map<UnitFact.Key, UnitFact> stored, Long campaignId,
                                               List<FactEntry> entries) {
        return entries.stream().filter(entry -> {
            UnitFact fact = stored.get(key(campaignId, entry));
            long current = fact == null ? 0 : fact.getVersion();
            String typed = entry.value() == null || entry.value().isNull() ? null : entry.value().toString();
            return entry.loadedVersion() != null && entry.loadedVersion() != current
                    && !Objects.equals(typed, fact == null ? null : fact.getValueJson());
        }).toList();
    }

    private InputError describeConflict(Map<UnitFact.Key, UnitFact> stored, Long campaignId, FactEntry entry) {
        UnitFact fact = stored.get(key(campaignId, entry));
        return new InputError(entry.indicatorCode(), entry.inputName(), unitName(entry.unitCode()) + "：" + (fact == null
                ? "该值已被他人清除"
                : "已由 " + fact.getEnteredBy() + " 于 " + time.format(fact.getEnteredAt()) + " 修改"));
    }

    private static UnitFact.Key key(Long campaignId, FactEntry entry) {
        return new UnitFact.Key(campaignId, entry.unitCode(), entry.indicatorCode(), entry.inputName());
    }

    private void check(InputOwners owners, String source, Set<String> units, FactEntry entry, boolean reasonRequired,
                       List<InputError> errors) {
        Catalogue catalogue = owners.catalogue();
        String code = entry.indicatorCode();
        if (!units.contains(entry.unitCode())) {
            errors.add(new InputError(code, "unitCode", "单位", "单位 " + entry.unitCode() + " 未参加该考评"));
            return;
        }
        Optional<Indicator> indicator = catalogue.indicator(code);
        if (indicator.isEmpty()) {
            errors.add(new InputError(code, null, catalogue.year() + "年度指标目录中没有指标 " + code));
            return;
        }
        Optional<Input> input = indicator.get().input(entry.inputName());
        if (input.isEmpty()) {
            errors.add(new InputError(code, entry.inputName(), "该指标没有此输入项"));
            return;
        }
        String label = input.get().label();
        if (!owners.enteredAsValues(indicator.get(), source).contains(input.get())) {
            InputOwners.Owner owner = owners.of(indicator.get(), input.get());
            errors.add(new InputError(code, entry.inputName(), label, owner.channel() == InputOwners.Channel.VERIFICATION
                    ? "该项由网上核查问题计数，请在网上核查中记录问题"
                    : "该项不由本单位评估（由 " + owners.describe(owner) + " 提供）"));
            return;
        }
        if (entry.value() != null && !entry.value().isNull()) {
            // the value is stored as its JSON text, a judgement's reason with it, in a column of 2,000 characters
            String judged = entry.value().path("reason").asText("");
            if (judged.strip().length() > MAX_JUDGEMENT_REASON_LENGTH) {
                errors.add(new InputError(code, entry.inputName(), label, unitName(entry.unitCode()) + "：评分理由不能超过"
                        + MAX_JUDGEMENT_REASON_LENGTH + "字"));
                return;
            }
            if (entry.value().toString().length() > VALUE_COLUMN_LENGTH) {
                errors.add(new InputError(code, entry.inputName(), label, unitName(entry.unitCode()) + "：内容过长，无法保存"));
                return;
            }
            try {
                FactsParser.parseInput(indicator.get(), entry.inputName(), entry.value());
            } catch (InvalidFactsException e) {
                errors.addAll(e.errors().stream()
                        .map(err -> err.withReason(unitName(entry.unitCode()) + "：" + err.reason()))
                        .toList());
                return;
            }
        }
        boolean blankReason = entry.reason() == null || entry.reason().isBlank();
        if (input.get().fromRegister() && blankReason && entry.value() != null && !entry.value().isNull()) {
            // the value replaces what the unit's register computes: the trail must say why
            errors.add(new InputError(code, entry.inputName(), label, unitName(entry.unitCode())
                    + "：该项按登记计算，改定须写明理由"));
        } else if (reasonRequired && blankReason) {
            errors.add(new InputError(code, entry.inputName(), label, unitName(entry.unitCode()) + "：修改须写明理由"));
        } else if (entry.reason() != null && entry.reason().strip().length() > MAX_REASON_LENGTH) {
            errors.add(new InputError(code, entry.inputName(), label, unitName(entry.unitCode()) + "：修改理由不能超过" + MAX_REASON_LENGTH + "字"));
        }
    }

    /**
     * A stored value read back for use. {@code parsed} is the stored JSON (null when it cannot be read);
     * {@code problem} says, in Chinese, why today's rules refuse it (a value saved before a rule existed, or a
     * damaged one), and is null for a value that can be used.
     */
    public record StoredValue(StoredFact fact, JsonNode parsed, String problem, String label) {

        public boolean usable() {
            return problem == null;
        }

        /** The value in the facts format, or null when it cannot be used. */
        public JsonNode value() {
            return usable() ? parsed : null;
        }

        /** The refusal to show: the indicator, the input and, before the reason, the unit. */
        public InputError refusal(String unitName) {
            return new InputError(fact.indicatorCode(), fact.inputName(), label, unitName + "：" + problem);
        }
    }

    /** Reads a stored value against the catalogue. Never fails: what cannot be used says why. */
    public StoredValue read(Catalogue catalogue, StoredFact fact) {
        Optional<Indicator> indicator = catalogue.indicator(fact.indicatorCode());
        String label = indicator.flatMap(i -> i.input(fact.inputName())).map(Input::label).orElse(null);
        JsonNode parsed;
        try {
            parsed = FactsParser.readValue(fact.valueJson());
        } catch (InvalidFactsException unreadable) {
            return new StoredValue(fact, null, "已保存的值无效（无法读取：" + NumberRules.shown(fact.valueJson())
                    + "），请重新录入或清空", label);
        }
        if (indicator.isEmpty()) {
            return new StoredValue(fact, parsed, "已保存的值无效（" + catalogue.year() + "年度指标目录中没有该指标）", label);
        }
        try {
            FactsParser.parseInput(indicator.get(), fact.inputName(), parsed);
            return new StoredValue(fact, parsed, null, label);
        } catch (InvalidFactsException refused) {
            return new StoredValue(fact, parsed, "已保存的值无效（" + refused.errors().get(0).reason() + "），请重新录入或清空",
                    label);
        }
    }

    /** Every stored value of a campaign read back, by unit, then "indicator/input". */
    @Transactional(readOnly = true)
    public Map<String, Map<String, StoredValue>> values(Long campaignId) {
        return byUnit(catalogue(campaigns.get(campaignId)), facts.findByCampaignId(campaignId));
    }

    /** The stored values of some indicators of a campaign read back, by unit, then "indicator/input". */
    @Transactional(readOnly = true)
    public Map<String, Map<String, StoredValue>> values(Long campaignId, Set<String> indicatorCodes) {
        return byUnit(catalogue(campaigns.get(campaignId)), facts.findByCampaignIdAndIndicatorCodeIn(campaignId, indicatorCodes));
    }

    /** One unit's stored values read back, by "indicator/input". */
    @Transactional(readOnly = true)
    public Map<String, StoredValue> values(Long campaignId, String unitCode) {
        return byUnit(catalogue(campaigns.get(campaignId)), facts.findByCampaignIdAndUnitCode(campaignId, unitCode))
                .getOrDefault(unitCode, Map.of());
    }

    private Map<String, Map<String, StoredValue>> byUnit(Catalogue catalogue, List<UnitFact> stored) {
        return stored.stream().collect(Collectors.groupingBy(UnitFact::getUnitCode,
                Collectors.toMap(f -> f.getIndicatorCode() + "/" + f.getInputName(), f -> read(catalogue, stored(f)))));
    }

    /** Saves one value; returns the change to audit, if any. */
    private Optional<AuditLog.Change> save(Long campaignId, String source, FactEntry entry, Map<UnitFact.Key, UnitFact> stored,
                                           String actor) {
        UnitFact.Key key = key(campaignId, entry);
        UnitFact existing = stored.get(key);
        String before = existing == null ? null : existing.getValueJson();
        String subject = subject(entry.unitCode(), entry.indicatorCode(), entry.inputName());
        String reason = entry.reason() == null || entry.reason().isBlank() ? null : entry.reason().strip();
        if (entry.value() == null || entry.value().isNull()) {
            if (existing == null) {
                return Optional.empty();
            }
            facts.delete(existing);
            stored.remove(key);
            return Optional.of(new AuditLog.Change(subject, "CLEAR", before, null, reason));
        }
        String after = entry.value().toString();
        if (after.equals(before)) {
            return Optional.empty();
        }
        UnitFact fact = existing != null ? existing
                : new UnitFact(campaignId, entry.unitCode(), entry.indicatorCode(), entry.inputName(), clock.instant());
        fact.set(after, reason, source, actor, clock.instant());
        stored.put(key, facts.save(fact));
        return Optional.of(new AuditLog.Change(subject, before == null ? "SET" : "CHANGE", before, after, reason));
    }

    /** The values delivered for a campaign, by unit, then "indicator/input". */
    @Transactional(readOnly = true)
    public Map<String, Map<String, StoredFact>> facts(Long campaignId) {
        return facts.findByCampaignId(campaignId).stream().collect(Collectors.groupingBy(UnitFact::getUnitCode,
                Collectors.toMap(f -> f.getIndicatorCode() + "/" + f.getInputName(), EvaluationService::stored)));
    }

    private static StoredFact stored(UnitFact fact) {
        return new StoredFact(fact.getUnitCode(), fact.getIndicatorCode(), fact.getInputName(), fact.getValueJson(),
                fact.getReason(), fact.getSource(), fact.getEnteredBy(), fact.getEnteredAt(), fact.getVersion());
    }

    /** One value an evaluator still has to enter; {@code problem} says why a stored one does not count. */
    private record Gap(String unitCode, String indicatorCode, Input input, String problem) {
    }

    /**
     * The units for which each of the evaluators has not entered everything yet, by evaluator code: what they share
     * (the claims, the rulings, the units) is read once.
     */
    @Transactional(readOnly = true)
    public Map<String, Set<String>> unitsMissing(Long campaignId, List<String> evaluatorCodes) {
        Map<String, Set<String>> missing = new LinkedHashMap<>();
        gaps(campaignId, evaluatorCodes).forEach((code, gaps) ->
                missing.put(code, gaps.stream().map(Gap::unitCode).collect(Collectors.toSet())));
        return missing;
    }

    /** What the evaluator has not delivered yet: every owned input of every unit, except indicators the unit is not involved in. */
    @Transactional(readOnly = true)
    public List<InputError> missing(Long campaignId, String evaluatorCode) {
        return gaps(campaignId, List.of(evaluatorCode)).get(evaluatorCode).stream()
                .map(g -> new InputError(g.indicatorCode(), g.input().name(), g.input().label(), unitName(g.unitCode()) + "："
                        + (g.problem() != null ? g.problem() : "未录入“" + g.input().label() + "”")))
                .toList();
    }

    /** What each of the evaluators has not delivered yet, by evaluator code, in the order given. */
    private Map<String, List<Gap>> gaps(Long campaignId, List<String> evaluatorCodes) {
        InputOwners owners = campaigns.owners(campaignId);
        Catalogue catalogue = owners.catalogue();
        Map<String, Set<String>> rejected = verification.rejectedClaims(campaignId);
        Map<String, Set<String>> notInvolved = notInvolved(campaignId, catalogue, rejected);
        List<UnitParticipation> units = campaigns.units(campaignId);
        Map<String, List<Gap>> gaps = new LinkedHashMap<>();
        for (String evaluatorCode : evaluatorCodes) {
            // each input has one source: the evaluator's own values are all that can fill its gaps
            Map<String, Map<String, StoredValue>> delivered = byUnit(catalogue,
                    facts.findByCampaignIdAndSource(campaignId, evaluatorCode));
            Map<Indicator, List<Input>> owned = new LinkedHashMap<>();
            catalogue.indicators().forEach(i -> owned.put(i, owners.enteredAsValues(i, evaluatorCode)));
            owned.values().removeIf(List::isEmpty);
            List<Gap> own = new ArrayList<>();
            for (UnitParticipation unit : units) {
                Set<String> skipped = notInvolved.getOrDefault(unit.unitCode(), Set.of());
                Map<String, StoredValue> values = delivered.getOrDefault(unit.unitCode(), Map.of());
                Set<String> reopened = rejected.getOrDefault(unit.unitCode(), Set.of());
                owned.forEach((indicator, inputs) -> {
                    if (skipped.contains(indicator.code())) {
                        return;
                    }
                    for (Input input : inputs) {
                        StoredValue stored = values.get(indicator.code() + "/" + input.name());
                        if (stored == null || !stored.usable()) {
                            own.add(new Gap(unit.unitCode(), indicator.code(), input, stored != null ? stored.problem()
                                    : reopened.contains(indicator.code())
                                    ? "网上核查认定“不涉及”不成立，须录入“" + input.label() + "”" : null));
                        }
                    }
                });
            }
            gaps.put(evaluatorCode, own);
        }
        return gaps;
    }

    /**
     * The indicators each unit is priced as not involved in, by unit code: those its self-check claims 不涉及 (where
     * the catalogue allows it) and on which the office has not recorded “不涉及”不成立. No input of them is needed.
     */
    private Map<String, Set<String>> notInvolved(Long campaignId, Catalogue catalogue, Map<String, Set<String>> rejected) {
        Map<String, Map<String, NotInvolvedRuling>> rulings = claims.allRulings(campaignId);
        Map<String, Set<String>> claimed = selfChecks.notInvolvedClaims(campaignId);
        // the office's ruling decides over the self-check box and a rejection, as on the sheet (NotInvolvedClaim)
        Map<String, Set<String>> priced = new HashMap<>();
        Set<String> unitCodes = new HashSet<>(claimed.keySet());
        unitCodes.addAll(rulings.keySet());
        for (String unit : unitCodes) {
            Set<String> codes = new HashSet<>(claimed.getOrDefault(unit, Set.of()));
            codes.addAll(rulings.getOrDefault(unit, Map.of()).keySet());
            for (String code : codes) {
                boolean allowed = catalogue.indicator(code).map(Indicator::notInvolvedAllowed).orElse(false);
                if (allowed && claim(unit, code, claimed.getOrDefault(unit, Set.of()).contains(code), rejected, rulings)
                        .notInvolved()) {
                    priced.computeIfAbsent(unit, u -> new HashSet<>()).add(code);
                }
            }
        }
        return priced;
    }

    /**
     * The office decides that inputs nobody entered for a unit are priced as missing (按缺失计分), each with the same
     * reason, audited; the sheet cites the reason under the line that prices the input. The caller offers only inputs
     * that are missing; an input with a stored value is refused. All or nothing.
     */
    public void scoreAsMissing(Long campaignId, String unitCode, List<String> keys, String reason, String actor) {
        campaigns.requireOpen(campaigns.get(campaignId));
        campaigns.unit(campaignId, unitCode);
        Catalogue catalogue = catalogue(campaigns.get(campaignId));
        String why = reason == null ? "" : reason.strip();
        List<InputError> errors = new ArrayList<>();
        if (keys.isEmpty()) {
            errors.add(InputError.field("missing", "按缺失计分的项", "请勾选按缺失计分的项"));
        }
        if (why.isEmpty()) {
            errors.add(InputError.field("missingReason", "按缺失计分的理由", "按缺失计分须写明理由"));
        } else if (why.length() > MAX_MISSING_REASON_LENGTH) {
            errors.add(InputError.field("missingReason", "按缺失计分的理由", "理由不能超过" + MAX_MISSING_REASON_LENGTH
                    + "字，收到 " + why.length() + " 字"));
        }
        Map<String, StoredValue> stored = values(campaignId, unitCode);
        List<UnitFact.Key> chosen = new ArrayList<>();
        for (String key : keys) {
            String[] parts = key.split("/", 2);
            Optional<Input> input = parts.length < 2 ? Optional.empty()
                    : catalogue.indicator(parts[0]).flatMap(i -> i.input(parts[1]));
            if (input.isEmpty()) {
                errors.add(new InputError(parts[0], null, "按缺失计分的项", "指标目录中没有该输入项：" + key));
            } else if (stored.containsKey(key) && stored.get(key).usable()) {
                errors.add(new InputError(parts[0], parts[1], input.get().label(), unitName(unitCode)
                        + "：该项已录入，不能按缺失计分"));
            } else {
                chosen.add(new UnitFact.Key(campaignId, unitCode, parts[0], parts[1]));
            }
        }
        if (!errors.isEmpty()) {
            throw new BadInputException("未按缺失计分", errors);
        }
        List<AuditLog.Change> changes = new ArrayList<>();
        for (UnitFact.Key key : chosen) {
            Optional<MissingInputDecision> before = decisions.findById(key);
            if (before.isPresent() && before.get().getReason().equals(why)) {
                continue;
            }
            before.ifPresent(decisions::delete);
            decisions.flush();
            decisions.save(new MissingInputDecision(key, why, actor, clock.instant()));
            changes.add(new AuditLog.Change(subject(unitCode, key.indicatorCode(), key.inputName()), "SCORE_AS_MISSING",
                    before.map(MissingInputDecision::getReason).orElse(null), "按缺失计分", why));
        }
        audit.recordAll(campaignId, changes, actor);
    }

    /** Withdraws a decision to price an input as missing: the input is needed again. */
    public void withdrawMissing(Long campaignId, String unitCode, String key, String actor) {
        campaigns.requireOpen(campaigns.get(campaignId));
        campaigns.unit(campaignId, unitCode);
        String[] parts = key == null ? new String[0] : key.split("/", 2);
        MissingInputDecision decision = parts.length < 2 ? null
                : decisions.findById(new UnitFact.Key(campaignId, unitCode, parts[0], parts[1])).orElse(null);
        if (decision == null) {
            throw new BadInputException("未撤销", InputError.field("key", "按缺失计分的项", "该项没有按缺失计分"));
        }
        decisions.delete(decision);
        audit.record(campaignId, subject(unitCode, parts[0], parts[1]), "WITHDRAW_MISSING", decision.getReason(), null,
                null, actor);
    }

    /** The office's 按缺失计分 decisions of a campaign, by unit, then "indicator/input". */
    @Transactional(readOnly = true)
    public Map<String, Map<String, MissingDecision>> missingDecisions(Long campaignId) {
        return decisions.findByCampaignId(campaignId).stream().map(EvaluationService::decision)
                .collect(Collectors.groupingBy(MissingDecision::unitCode,
                        Collectors.toMap(MissingDecision::key, d -> d)));
    }

    private static MissingDecision decision(MissingInputDecision d) {
        return new MissingDecision(d.getUnitCode(), d.getIndicatorCode(), d.getInputName(), d.getReason(),
                d.getDecidedBy(), d.getDecidedAt());
    }

    /** The evaluator delivers: refused while anything is missing. */
    public void deliver(Long campaignId, String evaluatorCode, String actor) {
        campaigns.requireOpen(campaigns.get(campaignId));
        List<InputError> missing = missing(campaignId, evaluatorCode);
        if (!missing.isEmpty()) {
            throw new BadInputException("评估结果尚未录入完整（共" + missing.size() + "项）",
                    missing.subList(0, Math.min(10, missing.size())));
        }
        events.publishEvent(new EvaluationDelivered(campaignId, evaluatorCode, actor));
    }

    public Catalogue catalogue(CampaignInfo campaign) {
        return catalogues.forYear(campaign.catalogueYear()).orElseThrow();
    }
}
