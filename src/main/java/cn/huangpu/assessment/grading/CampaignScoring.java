package cn.huangpu.assessment.grading;

import cn.huangpu.assessment.audit.AuditLog;
import cn.huangpu.assessment.campaign.Campaign;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.CampaignUnit;
import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.catalogue.Catalogues;
import cn.huangpu.assessment.catalogue.Indicator;
import cn.huangpu.assessment.catalogue.Input;
import cn.huangpu.assessment.evaluation.EvaluationService;
import cn.huangpu.assessment.scoring.FactsParser;
import cn.huangpu.assessment.scoring.InvalidFactsException;
import cn.huangpu.assessment.scoring.ScoreSheet;
import cn.huangpu.assessment.scoring.ScoringService;
import cn.huangpu.assessment.scoring.UnitFacts;
import cn.huangpu.assessment.selfcheck.SelfCheckEntry;
import cn.huangpu.assessment.selfcheck.SelfCheckService;
import cn.huangpu.assessment.verification.Finding;
import cn.huangpu.assessment.verification.VerificationService;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.InputError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scores a campaign's units: gathers each unit's facts (self-check "not involved" claims, verification
 * findings, evaluators' and the office's values), prices them and records the result of a round once.
 */
@Service
@Transactional
public class CampaignScoring {

    private final ScoreRecordRepository records;
    private final CampaignService campaigns;
    private final Catalogues catalogues;
    private final SelfCheckService selfChecks;
    private final VerificationService verification;
    private final EvaluationService evaluation;
    private final ScoringService scoring;
    private final ObjectMapper json;
    private final AuditLog audit;
    private final Clock clock;

    CampaignScoring(ScoreRecordRepository records, CampaignService campaigns, Catalogues catalogues,
                    SelfCheckService selfChecks, VerificationService verification, EvaluationService evaluation,
                    ScoringService scoring, ObjectMapper json, AuditLog audit, Clock clock) {
        this.records = records;
        this.campaigns = campaigns;
        this.catalogues = catalogues;
        this.selfChecks = selfChecks;
        this.verification = verification;
        this.evaluation = evaluation;
        this.scoring = scoring;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records round {@code round} for every unit that has none yet, and returns how many it recorded.
     * Running it again for the same round records nothing more.
     */
    public int scoreRound(Long campaignId, int round) {
        List<InputError> invalid = invalidValues(campaignId);
        if (!invalid.isEmpty()) {
            // A result is not recorded from a value that is priced as missing only because it is unusable.
            throw new BadInputException("已保存的评分输入无效，未计分（共" + invalid.size() + "项）",
                    invalid.subList(0, Math.min(10, invalid.size())));
        }
        Map<String, ObjectNode> facts = assembleFacts(campaignId);
        var existing = records.findUnitCodesOfRound(campaignId, round);
        Map<String, ScoreRecord> previous = new HashMap<>();
        records.findLatest(campaignId).forEach(r -> previous.put(r.getUnitCode(), r));
        List<AuditLog.Change> changes = new ArrayList<>();
        for (var entry : facts.entrySet()) {
            if (existing.contains(entry.getKey())) {
                continue;
            }
            ScoreSheet sheet = score(campaignId, entry.getValue());
            records.save(new ScoreRecord(campaignId, entry.getKey(), round, sheet.total(), sheet.basePoints(),
                    sheet.bonus(), sheet.grade(), entry.getValue().toString(), clock.instant()));
            ScoreRecord before = previous.get(entry.getKey());
            changes.add(new AuditLog.Change("score " + entry.getKey(), "SCORE_ROUND_" + round,
                    before == null ? null : before.getTotal().toPlainString() + " " + before.getGrade(),
                    sheet.total().toPlainString() + " " + sheet.grade(), null));
        }
        audit.recordAll(campaignId, changes, "system");
        campaigns.scoringRoundAtLeast(campaignId, round);
        return changes.size();
    }

    /**
     * The stored values that today's rules refuse (saved before a rule existed, or damaged), by unit code:
     * current sheets price them as missing, and no round is recorded while there are any.
     */
    @Transactional(readOnly = true)
    public List<InputError> invalidValues(Long campaignId) {
        List<InputError> invalid = new ArrayList<>();
        evaluation.values(campaignId).forEach((unit, values) -> values.values().stream()
                .filter(v -> !v.usable()).forEach(v -> invalid.add(v.refusal(unit))));
        return invalid;
    }

    /**
     * The current sheet of one unit, from the facts as they are now (comprehensive evaluation's "rescore"); a
     * stored value that today's rules refuse is priced as missing (see {@link #invalidValues}).
     */
    @Transactional(readOnly = true)
    public ScoreSheet currentSheet(Long campaignId, String unitCode) {
        return score(campaignId, assembleFacts(campaignId).get(unitCode));
    }

    /**
     * The sheet behind a recorded result, recomputed from the facts it recorded, read exactly. A value those
     * facts hold that today's rules refuse (accepted under an earlier version) is priced as missing rather than
     * failing the page that explains the result.
     */
    @Transactional(readOnly = true)
    public ScoreSheet sheet(ScoreRecord record) {
        JsonNode facts;
        try {
            facts = FactsParser.readValue(record.getFactsJson());
        } catch (InvalidFactsException e) {
            throw new IllegalStateException("Unreadable facts of score record " + record.getId(), e);
        }
        return scoring.score(scoring.parseRecorded(campaigns.get(record.getCampaignId()).getCatalogueYear(), facts));
    }

    /** Each unit's latest result. */
    @Transactional(readOnly = true)
    public List<ScoreRecord> latest(Long campaignId) {
        return records.findLatest(campaignId);
    }

    @Transactional(readOnly = true)
    public Optional<ScoreRecord> latest(Long campaignId, String unitCode) {
        return records.findLatest(campaignId).stream().filter(r -> r.getUnitCode().equals(unitCode)).findFirst();
    }

    /** The results of one round, best first. */
    @Transactional(readOnly = true)
    public List<ScoreRecord> round(Long campaignId, int round) {
        return records.findByCampaignIdAndRoundOrderByTotalDescUnitCodeAsc(campaignId, round);
    }

    @Transactional(readOnly = true)
    public long countRound(Long campaignId, int round) {
        return records.countByCampaignIdAndRound(campaignId, round);
    }

    private ScoreSheet score(Long campaignId, ObjectNode facts) {
        Campaign campaign = campaigns.get(campaignId);
        UnitFacts parsed = scoring.parse(campaign.getCatalogueYear(), facts);
        return scoring.score(parsed);
    }

    /** Every unit's facts in the documented JSON shape, from a handful of bulk reads. */
    @Transactional(readOnly = true)
    public Map<String, ObjectNode> assembleFacts(Long campaignId) {
        Campaign campaign = campaigns.get(campaignId);
        Catalogue catalogue = catalogues.forYear(campaign.getCatalogueYear()).orElseThrow();
        Map<String, Map<String, SelfCheckEntry>> selfCheck = selfChecks.allEntries(campaignId).stream()
                .collect(Collectors.groupingBy(SelfCheckEntry::getUnitCode,
                        Collectors.toMap(SelfCheckEntry::getIndicatorCode, e -> e)));
        Map<String, List<Finding>> findings = verification.allFindings(campaignId).stream()
                .collect(Collectors.groupingBy(Finding::getUnitCode));
        Map<String, Map<String, EvaluationService.StoredValue>> delivered = evaluation.values(campaignId);
        Map<String, ObjectNode> byUnit = new LinkedHashMap<>();
        for (CampaignUnit unit : campaigns.units(campaignId)) {
            String code = unit.getUnitCode();
            byUnit.put(code, unitFacts(catalogue, unit, selfCheck.getOrDefault(code, Map.of()),
                    findings.getOrDefault(code, List.of()), delivered.getOrDefault(code, Map.of())));
        }
        return byUnit;
    }

    private ObjectNode unitFacts(Catalogue catalogue, CampaignUnit unit, Map<String, SelfCheckEntry> selfCheck,
                                 List<Finding> findings, Map<String, EvaluationService.StoredValue> delivered) {
        Map<String, Long> findingCounts = new HashMap<>();
        findings.forEach(f -> findingCounts.merge(f.getIndicatorCode() + "/"
                + (f.getKind() == Finding.Kind.NOT_INVOLVED_REJECTED ? "" : f.getInputName()), 1L, Long::sum));
        boolean verified = unit.getStatus() == CampaignUnit.Status.VERIFIED;
        ObjectNode facts = json.createObjectNode();
        for (Indicator indicator : catalogue.indicators()) {
            ObjectNode node = json.createObjectNode();
            SelfCheckEntry entry = selfCheck.get(indicator.code());
            if (entry != null && entry.isNotInvolved() && indicator.notInvolvedAllowed()
                    && !findingCounts.containsKey(indicator.code() + "/")) {
                node.put("notInvolved", true);
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
                } else if (delivered.containsKey(key) && delivered.get(key).usable()) {
                    node.set(input.name(), delivered.get(key).value());
                }
            }
            facts.set(indicator.code(), node);
        }
        return facts;
    }
}

interface ScoreRecordRepository extends JpaRepository<ScoreRecord, Long> {

    @Query("select r.unitCode from ScoreRecord r where r.campaignId = ?1 and r.round = ?2")
    Set<String> findUnitCodesOfRound(Long campaignId, int round);

    @Query("select r from ScoreRecord r where r.campaignId = ?1 and r.round = "
            + "(select max(r2.round) from ScoreRecord r2 where r2.campaignId = r.campaignId and r2.unitCode = r.unitCode)"
            + " order by r.unitCode")
    List<ScoreRecord> findLatest(Long campaignId);

    long countByCampaignIdAndRound(Long campaignId, int round);

    List<ScoreRecord> findByCampaignIdAndRoundOrderByTotalDescUnitCodeAsc(Long campaignId, int round);
}
