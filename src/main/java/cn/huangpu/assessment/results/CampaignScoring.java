package cn.huangpu.assessment.results;

import cn.huangpu.assessment.audit.AuditLog;
import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.EvaluatorParticipation;
import cn.huangpu.assessment.campaign.UnitParticipation;
import cn.huangpu.assessment.campaign.progress.ScoringRoundRecorded;
import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.catalogue.Catalogues;
import cn.huangpu.assessment.catalogue.Indicator;
import cn.huangpu.assessment.catalogue.Input;
import cn.huangpu.assessment.catalogue.InputOwners;
import cn.huangpu.assessment.directory.ReferenceData;
import cn.huangpu.assessment.evaluation.EvaluationService;
import cn.huangpu.assessment.evaluation.MissingDecision;
import cn.huangpu.assessment.register.RegisterFacts;
import cn.huangpu.assessment.results.internal.ScoreRecord;
import cn.huangpu.assessment.results.internal.ScoreRecordInserts;
import cn.huangpu.assessment.results.internal.ScoreRecordRepository;
import cn.huangpu.assessment.scoring.ScoreSheet;
import cn.huangpu.assessment.scoring.ScoreSheetJson;
import cn.huangpu.assessment.scoring.ScoringService.Pricing;
import cn.huangpu.assessment.scoring.ScoringService;
import cn.huangpu.assessment.selfcheck.SelfCheckAnswer;
import cn.huangpu.assessment.selfcheck.SelfCheckService;
import cn.huangpu.assessment.verification.FindingKind;
import cn.huangpu.assessment.verification.NotInvolvedClaim;
import cn.huangpu.assessment.verification.NotInvolvedRuling;
import cn.huangpu.assessment.verification.NotInvolvedService;
import cn.huangpu.assessment.verification.RecordedFinding;
import cn.huangpu.assessment.verification.VerificationService;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.DisplayTime;
import cn.huangpu.assessment.web.InputError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.persistence.QueryHint;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hibernate.jpa.HibernateHints;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scores a campaign's units: gathers each unit's facts (self-check "not involved" claims and the office's
 * rulings on them, verification findings, evaluators' and the office's values), prices them and records the result of a round once, with
 * its sheet as priced and what priced it. Whatever reads a result reads that stored sheet; only the
 * comprehensive evaluation's current scores price again, all units in one pass.
 */
@Service
@Transactional
public class CampaignScoring {

    /** The first scoring round, once all inputs are in; each later grading round counts on from it. */
    public static final int FIRST_ROUND = 1;

    private final ScoreRecordRepository records;
    private final ScoreRecordInserts inserts;
    private final StoredSheetRepository sheets;
    private final CampaignService campaigns;
    private final Catalogues catalogues;
    private final SelfCheckService selfChecks;
    private final VerificationService verification;
    private final EvaluationService evaluation;
    private final ScoringService scoring;
    private final ObjectMapper json;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final RegisterFacts registers;
    private final ReferenceData referenceData;
    private final ObjectProvider<InputEvidence> evidence;
    private final NotInvolvedService notInvolved;
    private final DisplayTime time;

    CampaignScoring(ScoreRecordRepository records, ScoreRecordInserts inserts, StoredSheetRepository sheets,
                    CampaignService campaigns, Catalogues catalogues, SelfCheckService selfChecks,
                    VerificationService verification, EvaluationService evaluation, ScoringService scoring,
                    ObjectMapper json, AuditLog audit, Clock clock, ApplicationEventPublisher events,
                    RegisterFacts registers, ReferenceData referenceData, ObjectProvider<InputEvidence> evidence,
                    NotInvolvedService notInvolved,
                    DisplayTime time) {
        this.time = time;
        this.records = records;
        this.inserts = inserts;
        this.sheets = sheets;
        this.campaigns = campaigns;
        this.catalogues = catalogues;
        this.selfChecks = selfChecks;
        this.verification = verification;
        this.evaluation = evaluation;
        this.scoring = scoring;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
        this.registers = registers;
        this.referenceData = referenceData;
        this.evidence = evidence;
        this.notInvolved = notInvolved;
    }

    /**
     * Records round {@code round} for every unit that has none yet, and returns how many it recorded.
     * Running it again for the same round records nothing more. Every unit of the round is priced with the
     * same catalogue and grade table version, which each result records, and its sheet is stored as priced.
     */
    public int scoreRound(Long campaignId, int round) {
        List<InputError> invalid = invalidValues(campaignId);
        if (!invalid.isEmpty()) {
            // A result is not recorded from a value that is priced as missing only because it is unusable.
            throw new BadInputException("已保存的评分输入无效，未计分（共" + invalid.size() + "项）",
                    invalid.subList(0, Math.min(10, invalid.size())));
        }
        CampaignInfo campaign = campaigns.get(campaignId);
        Map<String, ObjectNode> facts = assembleFacts(campaignId);
        var existing = records.findUnitCodesOfRound(campaignId, round);
        Map<String, UnitResult> previous = new HashMap<>();
        records.findLatest(campaignId).forEach(r -> previous.put(r.unitCode(), r));
        Pricing pricing = scoring.pricingForRound(campaign.catalogueYear(), campaign.year());
        List<AuditLog.Change> changes = new ArrayList<>();
        List<ScoreRecord> recorded = new ArrayList<>();
        List<StoredSheet> priced = new ArrayList<>();
        for (var entry : facts.entrySet()) {
            if (existing.contains(entry.getKey())) {
                continue;
            }
            ScoreSheet sheet = scoring.score(pricing, scoring.parse(campaign.catalogueYear(), entry.getValue()));
            recorded.add(new ScoreRecord(campaignId, entry.getKey(), round, sheet, pricing, entry.getValue().toString(),
                    clock.instant()));
            priced.add(new StoredSheet(new StoredSheet.Key(campaignId, entry.getKey(), round), sheet));
            UnitResult before = previous.get(entry.getKey());
            changes.add(new AuditLog.Change("score " + entry.getKey(), "SCORE_ROUND_" + round,
                    before == null ? null : before.total().toPlainString() + " " + before.grade(),
                    sheet.total().toPlainString() + " " + sheet.grade(), null));
        }
        // the results first: each sheet's row refers to its result's
        inserts.insertAll(recorded);
        sheets.saveAll(priced);
        audit.recordAll(campaignId, changes, "system");
        events.publishEvent(new ScoringRoundRecorded(campaignId, round));
        return changes.size();
    }

    /**
     * The stored values that today's rules refuse (saved before a rule existed, or damaged), by unit code, and the
     * inputs a register cannot compute (a year without holidays entered) that the office has not overridden, by
     * the unit's name: current sheets price them as missing, and no round is recorded while there are any.
     */
    @Transactional(readOnly = true)
    public List<InputError> invalidValues(Long campaignId) {
        List<InputError> invalid = new ArrayList<>();
        Map<String, Map<String, EvaluationService.StoredValue>> values = evaluation.values(campaignId);
        values.forEach((unit, stored) -> stored.values().stream()
                .filter(v -> !v.usable()).forEach(v -> invalid.add(v.refusal(unit))));
        Map<String, Set<String>> overridden = new HashMap<>();
        values.forEach((unit, stored) -> stored.forEach((key, v) -> {
            if (v.usable()) {
                overridden.computeIfAbsent(unit, u -> new HashSet<>()).add(key);
            }
        }));
        invalid.addAll(registers.problems(campaignId, catalogues.forYear(campaigns.get(campaignId).catalogueYear())
                .orElseThrow(), overridden, referenceData.unitNames()));
        return invalid;
    }

    /**
     * The current sheet of one unit, from its facts as they are now (comprehensive evaluation's "rescore"); a
     * stored value that today's rules refuse is priced as missing (see {@link #invalidValues}). Nothing is
     * recorded.
     */
    @Transactional(readOnly = true)
    public ScoreSheet currentSheet(Long campaignId, String unitCode) {
        CampaignInfo campaign = campaigns.get(campaignId);
        return scoring.score(scoring.pricingForView(campaign.catalogueYear(), campaign.year()),
                scoring.parse(campaign.catalogueYear(), currentFacts(campaignId, unitCode)));
    }

    /** One unit's facts as they are now, from that unit's reads only. */
    private ObjectNode currentFacts(Long campaignId, String unitCode) {
        CampaignInfo campaign = campaigns.get(campaignId);
        Catalogue catalogue = catalogues.forYear(campaign.catalogueYear()).orElseThrow();
        return unitFacts(catalogue, campaigns.unit(campaignId, unitCode),
                selfChecks.entries(campaignId, unitCode), verification.findings(campaignId, unitCode),
                evaluation.values(campaignId, unitCode), registers.derived(campaignId, unitCode, catalogue),
                notInvolved.rulings(campaignId, unitCode),
                otherEvidence(campaign, catalogue, List.of(unitCode)).getOrDefault(unitCode, Map.of()),
                provenance(campaignId).of(unitCode));
    }

    /**
     * One input of a unit that nobody has entered and nobody has decided to price as missing: comprehensive
     * evaluation is not completed while there is one (docs/facts-format.md, "缺失的输入").
     *
     * @param owner     who enters it in this campaign
     * @param ownerText who enters it, in words (区热线办（专项评估补录）, 区政府办公室（综合评估）)
     */
    public record Outstanding(String unitCode, String indicatorCode, String indicatorName, String inputName,
                              String label, InputOwners.Owner owner, String ownerText) {

        /** "indicator/input", as the stored values are keyed. */
        public String key() {
            return indicatorCode + "/" + inputName;
        }

        /** One line naming the unit, the indicator, the input and who enters it. */
        public InputError asError(String unitName) {
            return new InputError(indicatorCode, inputName, label, unitName + "：" + indicatorName + " 未录入“" + label
                    + "”（由" + ownerText + "录入，或按缺失计分）");
        }
    }

    /**
     * Every input of the campaign's units that is missing from the facts as they stand (so the sheet would price it
     * as missing) without a decision: not in an indicator priced as not involved, not decided 按缺失计分 by the
     * office, not an input of an evaluator whose deadline the office closed (closing decided that it is priced on
     * what exists), and not a finding count of a unit whose self-check was closed unsubmitted (never verified). In
     * unit order (委办局, then 街道), then catalogue order.
     */
    @Transactional(readOnly = true)
    public List<Outstanding> outstanding(Long campaignId) {
        return outstanding(campaignId, assembleFacts(campaignId));
    }

    /** As {@link #outstanding(Long)}, of one unit. */
    @Transactional(readOnly = true)
    public List<Outstanding> outstanding(Long campaignId, String unitCode) {
        return outstanding(campaignId, Map.of(unitCode, currentFacts(campaignId, unitCode)));
    }

    private List<Outstanding> outstanding(Long campaignId, Map<String, ObjectNode> facts) {
        Provenance provenance = provenance(campaignId);
        InputOwners owners = provenance.owners();
        Map<String, UnitParticipation.Status> unitStatus = campaigns.units(campaignId).stream()
                .collect(Collectors.toMap(UnitParticipation::unitCode, UnitParticipation::status));
        List<Outstanding> outstanding = new ArrayList<>();
        List<String> units = new ArrayList<>(facts.keySet());
        units.sort(referenceData.unitOrder().codes());
        for (String unit : units) {
            ObjectNode unitFacts = facts.get(unit);
            UnitProvenance of = provenance.of(unit);
            for (InputOwners.Owner owner : owners.all()) {
                JsonNode node = unitFacts.path(owner.indicator().code());
                if (node.path("notInvolved").asBoolean(false) || node.hasNonNull(owner.input().name())
                        || of.decided().containsKey(owner.key())
                        || owner.channel() == InputOwners.Channel.EVALUATOR
                        && provenance.closedEvaluators().contains(owner.enteredBy())
                        || owner.channel() == InputOwners.Channel.VERIFICATION
                        && unitStatus.get(unit) == UnitParticipation.Status.CLOSED) {
                    continue;
                }
                boolean late = owner.channel() == InputOwners.Channel.EVALUATOR
                        && provenance.deliveredEvaluators().contains(owner.enteredBy());
                outstanding.add(new Outstanding(unit, owner.indicator().code(), owner.indicator().name(),
                        owner.input().name(), owner.input().label(), owner,
                        late ? evaluatorName(owners, owner.enteredBy()) + "（专项评估补录）" : owners.describe(owner)));
            }
        }
        return outstanding;
    }

    private static String evaluatorName(InputOwners owners, String code) {
        return owners.catalogue().evaluator(code).map(Catalogue.Evaluator::name).orElse(code);
    }

    /**
     * Who entered or must enter each input of a campaign, and what was decided about the inputs nobody entered: what
     * the sheet says beside the values (the evidence lines of the facts).
     */
    private record Provenance(InputOwners owners, Map<String, Set<String>> rejected,
                              Map<String, Map<String, MissingDecision>> decided, Set<String> closedEvaluators,
                              Set<String> deliveredEvaluators, Map<String, Instant> deliveredAt) {

        UnitProvenance of(String unitCode) {
            return new UnitProvenance(this, rejected.getOrDefault(unitCode, Set.of()),
                    decided.getOrDefault(unitCode, Map.of()));
        }
    }

    /** {@link Provenance} of one unit. */
    private record UnitProvenance(Provenance campaign, Set<String> rejected, Map<String, MissingDecision> decided) {
    }

    private Provenance provenance(Long campaignId) {
        Set<String> closed = new HashSet<>();
        Set<String> delivered = new HashSet<>();
        Map<String, Instant> deliveredAt = new HashMap<>();
        for (EvaluatorParticipation e : campaigns.evaluators(campaignId)) {
            if (e.status() == EvaluatorParticipation.Status.CLOSED) {
                closed.add(e.evaluatorCode());
            } else if (e.status() == EvaluatorParticipation.Status.DELIVERED) {
                delivered.add(e.evaluatorCode());
                if (e.deliveredAt() != null) {
                    deliveredAt.put(e.evaluatorCode(), e.deliveredAt());
                }
            }
        }
        return new Provenance(campaigns.owners(campaignId), verification.rejectedClaims(campaignId),
                evaluation.missingDecisions(campaignId), closed, delivered, deliveredAt);
    }

    /**
     * Every unit's current total and grade, from the facts as they are now: the facts of all units are
     * gathered once and each unit priced once, with one catalogue and grade table. Nothing is recorded.
     */
    @Transactional(readOnly = true)
    public Map<String, CurrentScore> currentScores(Long campaignId) {
        return currentScores(campaignId, assembleFacts(campaignId));
    }

    private Map<String, CurrentScore> currentScores(Long campaignId, Map<String, ObjectNode> facts) {
        CampaignInfo campaign = campaigns.get(campaignId);
        int year = campaign.catalogueYear();
        Pricing pricing = scoring.pricingForView(year, campaign.year());
        Map<String, CurrentScore> scores = new LinkedHashMap<>();
        facts.forEach((unit, unitFacts) -> {
            ScoreSheet sheet = scoring.score(pricing, scoring.parse(year, unitFacts));
            scores.put(unit, new CurrentScore(sheet.total(), sheet.basePoints(), sheet.bonus(), sheet.grade()));
        });
        return scores;
    }

    /**
     * The comprehensive evaluation's list: {@link #currentScores} and {@link #outstanding(Long)} from one gathering
     * of every unit's facts (gathering them is most of either, so the page does it once, not twice).
     */
    @Transactional(readOnly = true)
    public CurrentState currentState(Long campaignId) {
        Map<String, ObjectNode> facts = assembleFacts(campaignId);
        return new CurrentState(currentScores(campaignId, facts), outstanding(campaignId, facts));
    }

    /** Every unit's current score, in the facts' order, and the inputs still outstanding. */
    public record CurrentState(Map<String, CurrentScore> scores, List<Outstanding> outstanding) {
    }

    /** A unit's total and grade as priced now, without the sheet's explanations. */
    public record CurrentScore(BigDecimal total, BigDecimal basePoints, BigDecimal bonus, String grade) {
    }

    /** The sheet of a recorded result, exactly as its round priced it. */
    @Transactional(readOnly = true)
    public ScoreSheet sheet(UnitResult result) {
        return sheets.findById(sheetKey(result)).map(StoredSheet::sheet).orElseThrow(() ->
                new IllegalStateException("No stored sheet of score record " + result.id()));
    }

    private static StoredSheet.Key sheetKey(UnitResult result) {
        return new StoredSheet.Key(result.campaignId(), result.unitCode(), result.round());
    }

    private static UnitResult result(ScoreRecord record) {
        return new UnitResult(record.getId(), record.getCampaignId(), record.getUnitCode(), record.getRound(),
                record.getTotal(), record.getBasePoints(), record.getBonus(), record.getGrade(), record.getCreatedAt(),
                record.getCatalogueVersion(), record.getGradeTableId(), record.getGradeTableVersion());
    }

    /**
     * Hands the section subtotals of each unit's latest stored sheet to {@code each}, in unit order, one at a time
     * from one query, so that a campaign's sheets are never all in memory together.
     */
    @Transactional(readOnly = true)
    public void forEachLatestSections(Long campaignId, BiConsumer<String, List<ScoreSheet.SectionScore>> each) {
        try (Stream<Object[]> latest = sheets.streamLatest(campaignId)) {
            latest.forEach(row -> each.accept((String) row[0], ScoreSheetJson.sections((String) row[1])));
        }
    }

    /** Each unit's latest result. */
    @Transactional(readOnly = true)
    public List<UnitResult> latest(Long campaignId) {
        return records.findLatest(campaignId);
    }

    @Transactional(readOnly = true)
    public Optional<UnitResult> latest(Long campaignId, String unitCode) {
        return records.findFirstByCampaignIdAndUnitCodeOrderByRoundDesc(campaignId, unitCode).map(CampaignScoring::result);
    }

    /** One unit's result of one round. */
    @Transactional(readOnly = true)
    public Optional<UnitResult> result(Long campaignId, String unitCode, int round) {
        return records.findByCampaignIdAndUnitCodeAndRound(campaignId, unitCode, round).map(CampaignScoring::result);
    }

    /** The results of one round, best first. */
    @Transactional(readOnly = true)
    public List<UnitResult> round(Long campaignId, int round) {
        return records.findRound(campaignId, round);
    }

    @Transactional(readOnly = true)
    public long countRound(Long campaignId, int round) {
        return records.countByCampaignIdAndRound(campaignId, round);
    }

    /** Every unit's facts in the documented JSON shape, from a handful of bulk reads. */
    @Transactional(readOnly = true)
    public Map<String, ObjectNode> assembleFacts(Long campaignId) {
        CampaignInfo campaign = campaigns.get(campaignId);
        Catalogue catalogue = catalogues.forYear(campaign.catalogueYear()).orElseThrow();
        Map<String, Map<String, SelfCheckAnswer>> selfCheck = selfChecks.allEntries(campaignId).stream()
                .collect(Collectors.groupingBy(SelfCheckAnswer::unitCode,
                        Collectors.toMap(SelfCheckAnswer::indicatorCode, e -> e)));
        Map<String, List<RecordedFinding>> findings = verification.allFindings(campaignId).stream()
                .collect(Collectors.groupingBy(RecordedFinding::unitCode));
        Map<String, Map<String, EvaluationService.StoredValue>> delivered = evaluation.values(campaignId);
        Map<String, Map<String, RegisterFacts.Derived>> derived = registers.derived(campaignId, catalogue);
        List<UnitParticipation> units = campaigns.units(campaignId);
        Map<String, Map<String, List<String>>> other = otherEvidence(campaign, catalogue,
                units.stream().map(UnitParticipation::unitCode).toList());
        Map<String, Map<String, NotInvolvedRuling>> rulings = notInvolved.allRulings(campaignId);
        Provenance provenance = provenance(campaignId);
        Map<String, ObjectNode> byUnit = new LinkedHashMap<>();
        for (UnitParticipation unit : units) {
            String code = unit.unitCode();
            byUnit.put(code, unitFacts(catalogue, unit, selfCheck.getOrDefault(code, Map.of()),
                    findings.getOrDefault(code, List.of()), delivered.getOrDefault(code, Map.of()),
                    derived.getOrDefault(code, Map.of()), rulings.getOrDefault(code, Map.of()),
                    other.getOrDefault(code, Map.of()), provenance.of(code)));
        }
        return byUnit;
    }

    /** The evidence lines other modules give ({@link InputEvidence}), by unit, then by indicator/input. */
    private Map<String, Map<String, List<String>>> otherEvidence(CampaignInfo campaign, Catalogue catalogue,
                                                                 List<String> unitCodes) {
        Map<String, Map<String, List<String>>> all = new HashMap<>();
        evidence.orderedStream().forEach(source -> source.evidence(campaign, catalogue, unitCodes).forEach((unit, lines) ->
                lines.forEach((key, text) -> all.computeIfAbsent(unit, u -> new HashMap<>())
                        .computeIfAbsent(key, k -> new ArrayList<>()).addAll(text))));
        return all;
    }

    private ObjectNode unitFacts(Catalogue catalogue, UnitParticipation unit, Map<String, SelfCheckAnswer> selfCheck,
                                 List<RecordedFinding> findings, Map<String, EvaluationService.StoredValue> delivered,
                                 Map<String, RegisterFacts.Derived> derived, Map<String, NotInvolvedRuling> rulings,
                                 Map<String, List<String>> otherEvidence, UnitProvenance provenance) {
        Map<String, Long> findingCounts = new HashMap<>();
        // A finding stands for its count of items: the input's count is the sum over its findings.
        findings.forEach(f -> findingCounts.merge(f.indicatorCode() + "/"
                + (f.kind() == FindingKind.NOT_INVOLVED_REJECTED ? "" : f.inputName()), (long) f.count(), Long::sum));
        boolean verified = unit.status() == UnitParticipation.Status.VERIFIED;
        ObjectNode facts = json.createObjectNode();
        for (Indicator indicator : catalogue.indicators()) {
            ObjectNode node = json.createObjectNode();
            SelfCheckAnswer entry = selfCheck.get(indicator.code());
            NotInvolvedRuling ruling = rulings.get(indicator.code());
            NotInvolvedClaim claim = new NotInvolvedClaim(indicator.code(), entry != null && entry.notInvolved(),
                    findingCounts.containsKey(indicator.code() + "/"), ruling);
            if (indicator.notInvolvedAllowed() && claim.notInvolved()) {
                node.put("notInvolved", true);
                if (ruling != null) {
                    node.putObject("evidence").putArray("notInvolved").add(ruling.evidence());
                }
            }
            List<Input> findingInputs = indicator.findingInputs();
            for (Input input : indicator.inputs()) {
                String key = indicator.code() + "/" + input.name();
                if (findingInputs.contains(input)) {
                    long count = findingCounts.getOrDefault(key, 0L);
                    // Without a finished verification, "no findings" is not known yet: the input stays missing.
                    if (verified || count > 0) {
                        node.put(input.name(), count);
                    }
                } else if (input.fromRegister()) {
                    // the register's figure, unless the office entered the input (an override, with its reason)
                    EvaluationService.StoredValue override = delivered.get(key);
                    boolean overrides = override != null && override.usable();
                    RegisterFacts.put(node, input, overrides ? override.value() : null,
                            overrides ? override.fact().reason() : null, derived.get(key));
                } else if (delivered.containsKey(key) && delivered.get(key).usable()) {
                    node.set(input.name(), delivered.get(key).value());
                }
                List<String> lines = otherEvidence.get(key);
                if (lines != null && !lines.isEmpty()) {
                    ObjectNode all = node.has("evidence") ? (ObjectNode) node.get("evidence") : node.putObject("evidence");
                    ArrayNode array = all.has(input.name()) ? (ArrayNode) all.get(input.name()) : all.putArray(input.name());
                    lines.forEach(array::add);
                }
                if (!node.has("notInvolved")) {
                    provenanceLine(provenance, indicator, input, node, delivered.get(key))
                            .ifPresent(line -> addEvidence(node, input.name(), line));
                }
            }
            facts.set(indicator.code(), node);
        }
        return facts;
    }

    /**
     * What the sheet says of where an input's value came from, beside the line that prices it, where it is not the
     * catalogue's usual way: an input of a rejected 不涉及 claim (entered by its evaluator, late or not, or by the
     * office), one the office enters for an evaluator that does not take part, one decided 按缺失计分 (with the
     * reason), one of an evaluator whose deadline was closed. Empty otherwise.
     */
    private Optional<String> provenanceLine(UnitProvenance provenance, Indicator indicator, Input input, ObjectNode node,
                                            EvaluationService.StoredValue stored) {
        InputOwners owners = provenance.campaign().owners();
        InputOwners.Owner owner = owners.of(indicator, input);
        boolean given = node.hasNonNull(input.name());
        MissingDecision decided = provenance.decided().get(owner.key());
        List<String> parts = new ArrayList<>();
        if (provenance.rejected().contains(indicator.code())) {
            parts.add("单位申报“不涉及”，经网上核查不成立，按实际情况计分");
        }
        if (owner.handedOver()) {
            parts.add(evaluatorName(owners, owner.handedOverFrom()) + "未参加本次考评，本项由区政府办公室在综合评估中录入");
        } else if (!parts.isEmpty() && given && owner.channel() == InputOwners.Channel.EVALUATOR) {
            Instant deliveredAt = provenance.campaign().deliveredAt().get(owner.enteredBy());
            boolean late = stored != null && deliveredAt != null && stored.fact().enteredAt().isAfter(deliveredAt);
            parts.add("本项由" + evaluatorName(owners, owner.enteredBy()) + (late ? "在提交专项评估结果后补录" : "录入"));
        } else if (!parts.isEmpty() && given) {
            parts.add("本项由" + owners.describe(owner) + "录入");
        }
        if (!given && decided != null) {
            parts.add("按缺失计分，理由：" + decided.reason() + "（" + decided.decidedBy() + "于"
                    + time.format(decided.decidedAt()) + "决定）");
        } else if (!given && owner.channel() == InputOwners.Channel.EVALUATOR
                && provenance.campaign().closedEvaluators().contains(owner.enteredBy())) {
            parts.add(evaluatorName(owners, owner.enteredBy()) + "逾期未提交，专项评估已关闭，本项按缺失计分");
        } else if (!given && !parts.isEmpty()) {
            parts.add("尚待" + owners.describe(owner) + "录入");
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("；", parts));
    }

    private static void addEvidence(ObjectNode node, String inputName, String line) {
        ObjectNode all = node.has("evidence") ? (ObjectNode) node.get("evidence") : node.putObject("evidence");
        ArrayNode lines = all.has(inputName) ? (ArrayNode) all.get(inputName) : all.putArray(inputName);
        lines.insert(0, line);
    }
}

interface StoredSheetRepository extends JpaRepository<StoredSheet, StoredSheet.Key> {

    /** Unit code and sheet JSON of each unit's latest round, as plain values (nothing kept in the session). */
    @Query("select s.unitCode, s.sheetJson from StoredSheet s where s.campaignId = ?1 and s.round = "
            + "(select max(r.round) from ScoreRecord r where r.campaignId = s.campaignId and r.unitCode = s.unitCode)"
            + " order by s.unitCode")
    @QueryHints(@QueryHint(name = HibernateHints.HINT_FETCH_SIZE, value = "50"))
    Stream<Object[]> streamLatest(Long campaignId);
}
