package cn.huangpu.assessment.campaign;

import cn.huangpu.assessment.directory.Evaluator;
import cn.huangpu.assessment.directory.Unit;
import cn.huangpu.assessment.directory.ReferenceData;
import cn.huangpu.assessment.audit.AuditLog;
import cn.huangpu.assessment.campaign.internal.Campaign;
import cn.huangpu.assessment.campaign.internal.CampaignEvaluator;
import cn.huangpu.assessment.campaign.internal.CampaignEvaluatorRepository;
import cn.huangpu.assessment.campaign.internal.CampaignRepository;
import cn.huangpu.assessment.campaign.internal.CampaignSettings;
import cn.huangpu.assessment.campaign.internal.CampaignUnit;
import cn.huangpu.assessment.campaign.internal.CampaignUnitRepository;
import cn.huangpu.assessment.campaign.internal.Participation;
import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.catalogue.Catalogues;
import cn.huangpu.assessment.catalogue.InputOwners;
import cn.huangpu.assessment.deadline.DeadlineLength;
import cn.huangpu.assessment.deadline.DeadlineService;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.DisplayTime;
import cn.huangpu.assessment.web.InputError;
import cn.huangpu.assessment.web.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens campaigns and keeps track of every unit and evaluator in them: launches, submissions,
 * deadlines, and the moment all inputs are in. It knows nothing of the engine; the process glue in
 * {@code campaign.process} calls it. Other modules read through it; their progress reaches it as events
 * ({@link CampaignProgress}), so its recording methods are the module's own. What it hands out are records
 * ({@link CampaignInfo}, {@link UnitParticipation}, {@link EvaluatorParticipation}), read as they stand.
 */
@Service
@Transactional
public class CampaignService {

    private final CampaignRepository campaigns;
    private final CampaignUnitRepository units;
    private final CampaignEvaluatorRepository evaluators;
    private final ReferenceData referenceData;
    private final Catalogues catalogues;
    private final CampaignSettings settings;
    private final AuditLog audit;
    private final DisplayTime time;
    private final DeadlineService deadlines;
    private final Clock clock;

    CampaignService(CampaignRepository campaigns, CampaignUnitRepository units, CampaignEvaluatorRepository evaluators,
                    ReferenceData referenceData, Catalogues catalogues, CampaignSettings settings, AuditLog audit,
                    DisplayTime time, DeadlineService deadlines, Clock clock) {
        this.campaigns = campaigns;
        this.units = units;
        this.evaluators = evaluators;
        this.referenceData = referenceData;
        this.catalogues = catalogues;
        this.settings = settings;
        this.audit = audit;
        this.time = time;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /**
     * Checks and saves a new campaign with its units and evaluators. Refuses, with every problem at once:
     * a missing or unknown year or catalogue, dates in the past or out of order, dates given in working days
     * that cannot be counted (a bad number of days or date to count from, a year without its notice on the way),
     * unknown units or evaluators, and a second running campaign for the same year. A date given in working days
     * is stored as the date it gave, so a later change of the calendar does not move it.
     */
    public CampaignInfo open(OpenCampaign request, String actor) {
        return open(request, actor, false);
    }

    /** As {@link #open(OpenCampaign, String)}; {@code allowPastDates} only for demo data that starts mid-flight. */
    public CampaignInfo open(OpenCampaign request, String actor, boolean allowPastDates) {
        List<InputError> errors = new ArrayList<>();
        Integer year = request.year();
        if (year == null || year < 2000 || year > settings.latestYear()) {
            errors.add(InputError.field("year", "考评年度", "须给出考评年度（2000至" + settings.latestYear() + "之间）"));
            throw new BadInputException("发起考评的输入有误", errors);
        }
        // Without a catalogue year, the newest catalogue not later than the campaign year applies.
        int catalogueYear = request.catalogueYear() != null ? request.catalogueYear()
                : catalogues.years().headSet(year + 1).isEmpty() ? catalogues.years().first()
                : catalogues.years().headSet(year + 1).last();
        if (catalogues.forYear(catalogueYear).isEmpty()) {
            errors.add(InputError.field("catalogueYear", "指标目录年度", "没有 " + catalogueYear + " 年度的指标目录，已有：" + catalogues.years()));
        }
        Optional<RequestedDates.Resolved> resolved = dates(request, year, errors);
        resolved.ifPresent(r -> errors.addAll(checkDates(r.dates(), allowPastDates)));
        Set<String> unitCodes = codes(request.unitCodes(), referenceData.activeUnits(), Unit::code,
                "unitCodes", "参评单位", errors);
        Set<String> evaluatorCodes = codes(request.evaluatorCodes(), referenceData.evaluators(),
                Evaluator::code, "evaluatorCodes", "专项评估单位", errors);
        if (campaigns.existsByYear(year)) {
            errors.add(InputError.field("year", "考评年度", year + " 年度已有考评，每年只开展一次"));
        }
        if (!errors.isEmpty()) {
            throw new BadInputException("发起考评的输入有误", errors);
        }
        CampaignDates dates = resolved.orElseThrow().dates();
        Campaign campaign = campaigns.save(new Campaign(year, catalogueYear, dates, actor, clock.instant()));
        for (String code : unitCodes) {
            units.save(new CampaignUnit(campaign.getId(), code, dates.selfCheckDue()));
        }
        for (String code : evaluatorCodes) {
            evaluators.save(new CampaignEvaluator(campaign.getId(), code, dates.specialistDue()));
        }
        campaign.awaitInputs(unitCodes.size() + evaluatorCodes.size());
        audit.record(campaign.getId(), "campaign " + campaign.getId(), "OPEN", null,
                describe(dates, resolved.get().bases()), null, actor);
        return campaign.info();
    }

    /**
     * The request's dates: given, or the settings' defaults in the campaign's year, or counted in working days
     * from another (empty with the reasons in {@code errors} when one cannot be counted).
     */
    private Optional<RequestedDates.Resolved> dates(OpenCampaign request, int year, List<InputError> errors) {
        Map<RequestedDates.Field, Instant> given = new EnumMap<>(RequestedDates.Field.class);
        Map<RequestedDates.Field, Instant> defaults = new EnumMap<>(RequestedDates.Field.class);
        put(given, RequestedDates.Field.SELF_CHECK_DUE, request.selfCheckDue());
        put(given, RequestedDates.Field.SPECIALIST_DUE, request.specialistDue());
        put(given, RequestedDates.Field.COMPREHENSIVE_DUE, request.comprehensiveDue());
        put(given, RequestedDates.Field.RESULTS_DUE, request.resultsDue());
        defaults.put(RequestedDates.Field.SELF_CHECK_DUE, defaultOf(year, settings.selfCheckDue()));
        defaults.put(RequestedDates.Field.SPECIALIST_DUE, defaultOf(year, settings.specialistDue()));
        defaults.put(RequestedDates.Field.COMPREHENSIVE_DUE, defaultOf(year, settings.comprehensiveDue()));
        defaults.put(RequestedDates.Field.RESULTS_DUE, defaultOf(year, settings.resultsDue()));
        return new RequestedDates(deadlines, time, settings.dueTime()).resolve(given, defaults, request.inWorkingDays(),
                errors);
    }

    private static void put(Map<RequestedDates.Field, Instant> dates, RequestedDates.Field field, Instant date) {
        if (date != null) {
            dates.put(field, date);
        }
    }

    private List<InputError> checkDates(CampaignDates d, boolean allowPastDates) {
        List<InputError> errors = new ArrayList<>();
        Instant now = clock.instant();
        if (!allowPastDates) {
            pastCheck(errors, "selfCheckDue", "自查截止时间", d.selfCheckDue(), now);
            pastCheck(errors, "specialistDue", "专项评估截止时间", d.specialistDue(), now);
            pastCheck(errors, "comprehensiveDue", "综合评估截止时间", d.comprehensiveDue(), now);
            pastCheck(errors, "resultsDue", "结果审定截止时间", d.resultsDue(), now);
        }
        if (!d.selfCheckDue().isBefore(d.comprehensiveDue())) {
            errors.add(InputError.field("comprehensiveDue", "综合评估截止时间", "综合评估截止时间须晚于自查截止时间"));
        }
        if (!d.specialistDue().isBefore(d.comprehensiveDue())) {
            errors.add(InputError.field("comprehensiveDue", "综合评估截止时间", "综合评估截止时间须晚于专项评估截止时间"));
        }
        if (d.resultsDue().isBefore(d.comprehensiveDue())) {
            errors.add(InputError.field("resultsDue", "结果审定截止时间", "结果审定截止时间不能早于综合评估截止时间"));
        }
        return errors;
    }

    private void pastCheck(List<InputError> errors, String field, String label, Instant value, Instant now) {
        if (!value.isAfter(now)) {
            errors.add(InputError.field(field, label, label + "（" + format(value) + "）已过，须为将来的时间"));
        }
    }

    private static <T> Set<String> codes(List<String> requested, List<T> known, Function<T, String> code,
                                         String field, String label, List<InputError> errors) {
        Set<String> all = known.stream().map(code).collect(Collectors.toCollection(LinkedHashSet::new));
        if (requested.isEmpty()) {
            return all;
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String c : requested) {
            String trimmed = c.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (!all.contains(trimmed)) {
                errors.add(InputError.field(field, label, "没有代码为 " + trimmed + " 的" + label));
            }
            chosen.add(trimmed);
        }
        if (chosen.isEmpty()) {
            return all;
        }
        return chosen;
    }

    private Instant defaultOf(int year, MonthDay day) {
        return LocalDateTime.of(day.atYear(year), settings.dueTime()).atZone(settings.zone()).toInstant();
    }

    private String format(Instant instant) {
        return time.format(instant);
    }

    /** A date as the pages write it, with how it was counted when it was given in working days. */
    private String format(Instant instant, String basis) {
        return basis == null ? format(instant) : format(instant) + "（" + basis + "）";
    }

    private String describe(CampaignDates d, Map<RequestedDates.Field, String> bases) {
        return "自查截止 " + format(d.selfCheckDue(), bases.get(RequestedDates.Field.SELF_CHECK_DUE))
                + "；专项评估截止 " + format(d.specialistDue(), bases.get(RequestedDates.Field.SPECIALIST_DUE))
                + "；综合评估截止 " + format(d.comprehensiveDue(), bases.get(RequestedDates.Field.COMPREHENSIVE_DUE))
                + "；结果审定截止 " + format(d.resultsDue(), bases.get(RequestedDates.Field.RESULTS_DUE));
    }

    @Transactional(readOnly = true)
    public Optional<CampaignInfo> find(Long id) {
        return campaigns.findById(id).map(Campaign::info);
    }

    /** The campaign; an unknown id is not found (404). */
    @Transactional(readOnly = true)
    public CampaignInfo get(Long id) {
        return campaign(id).info();
    }

    @Transactional(readOnly = true)
    public List<CampaignInfo> all() {
        return campaigns.findAllByOrderByYearDescIdDesc().stream().map(Campaign::info).toList();
    }

    @Transactional(readOnly = true)
    public List<UnitParticipation> units(Long campaignId) {
        return units.findByCampaignIdOrderByUnitCode(campaignId).stream().map(CampaignUnit::info).toList();
    }

    /** The unit's part in the campaign; a unit that does not take part (or an unknown code) is not found (404). */
    @Transactional(readOnly = true)
    public UnitParticipation unit(Long campaignId, String unitCode) {
        return campaignUnit(campaignId, unitCode).info();
    }

    @Transactional(readOnly = true)
    public List<EvaluatorParticipation> evaluators(Long campaignId) {
        return evaluators.findByCampaignIdOrderByEvaluatorCode(campaignId).stream().map(CampaignEvaluator::info)
                .toList();
    }

    /** The evaluator's part in the campaign; one that does not take part (or an unknown code) is not found (404). */
    @Transactional(readOnly = true)
    public EvaluatorParticipation evaluator(Long campaignId, String evaluatorCode) {
        return campaignEvaluator(campaignId, evaluatorCode).info();
    }

    /**
     * Who enters each input in this campaign: the catalogue's owners, with the inputs of every evaluator that does
     * not take part handed to the office (comprehensive evaluation).
     */
    @Transactional(readOnly = true)
    public InputOwners owners(Long campaignId) {
        Catalogue catalogue = catalogues.forYear(get(campaignId).catalogueYear()).orElseThrow();
        return InputOwners.of(catalogue, evaluators(campaignId).stream().map(EvaluatorParticipation::evaluatorCode).toList());
    }

    /**
     * The indicators the office enters in comprehensive evaluation because their evaluator does not take part, by
     * evaluator, in the office's order of evaluators; empty when every evaluator the catalogue names takes part.
     */
    @Transactional(readOnly = true)
    public List<HandedOver> handedToOffice(Long campaignId) {
        InputOwners owners = owners(campaignId);
        return owners.handedOver().entrySet().stream()
                .sorted(Map.Entry.comparingByKey(referenceData.evaluatorOrder()))
                .map(e -> new HandedOver(e.getKey(), owners.catalogue().evaluator(e.getKey())
                        .map(Catalogue.Evaluator::name).orElse(e.getKey()),
                        e.getValue().stream().map(i -> new HandedOver.Item(i.code(), i.name())).toList()))
                .toList();
    }

    private Campaign campaign(Long id) {
        return campaigns.findById(id).orElseThrow(() -> new NotFoundException("campaign " + id));
    }

    /**
     * Locks the unit's row of the campaign until the caller's transaction ends, so that another module can
     * serialise its own changes about one unit (a register upload) without reading the campaign's tables.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockUnit(Long campaignId, String unitCode) {
        units.lockById(campaignId, unitCode).orElseThrow(() ->
                new NotFoundException("unit " + unitCode + " in campaign " + campaignId));
    }

    private CampaignUnit campaignUnit(Long campaignId, String unitCode) {
        return units.findById(new CampaignUnit.Key(campaignId, unitCode)).orElseThrow(() ->
                new NotFoundException("unit " + unitCode + " in campaign " + campaignId));
    }

    private CampaignEvaluator campaignEvaluator(Long campaignId, String evaluatorCode) {
        return evaluators.findById(new CampaignEvaluator.Key(campaignId, evaluatorCode)).orElseThrow(() ->
                new NotFoundException("evaluator " + evaluatorCode + " in campaign " + campaignId));
    }

    public void attachProcess(Long campaignId, String processInstanceId) {
        campaign(campaignId).attachProcess(processInstanceId);
    }

    /** Into how many batches the campaign's units are launched ({@code launch-batch-size} units a batch at most). */
    @Transactional(readOnly = true)
    public int launchBatches(Long campaignId) {
        long count = units.countByCampaignId(campaignId);
        return (int) ((count + settings.launchBatchSize() - 1) / settings.launchBatchSize());
    }

    /**
     * Batch {@code batch} (from 0) of {@code batches} of the campaign's units in code order, marked launched;
     * the caller starts their processes in the same transaction. The batches are cut from the count and the
     * number of batches alone, so they do not overlap even if the batch size setting changed since the launch
     * began, and a unit already launched is left out.
     */
    public List<UnitParticipation> launchBatch(Long campaignId, int batch, int batches) {
        long count = units.countByCampaignId(campaignId);
        int size = (int) Math.max(1, (count + batches - 1) / batches);
        List<CampaignUnit> toLaunch = units.findByCampaignIdOrderByUnitCode(campaignId, PageRequest.of(batch, size))
                .stream().filter(unit -> !unit.isLaunched()).toList();
        toLaunch.forEach(CampaignUnit::launch);
        return toLaunch.stream().map(CampaignUnit::info).toList();
    }

    /** Refuses any change to a campaign whose results are approved or published. */
    public void requireOpen(CampaignInfo campaign) {
        if (campaign.isFrozen()) {
            throw new BadInputException("考核结果已" + campaign.status().label(), InputError.field("campaignId", "考核结果",
                    "考核结果已" + campaign.status().label() + "，不能再修改；如需修改，须由区政府办公室重新打开并说明理由"));
        }
    }

    void unitSubmitted(Long campaignId, String unitCode, String actor) {
        CampaignUnit unit = campaignUnit(campaignId, unitCode);
        unit.submit(clock.instant());
        audit.record(campaignId, "unit " + unitCode, "SELF_CHECK_SUBMITTED", null, null, null, actor);
    }

    void unitVerified(Long campaignId, String unitCode, String actor) {
        campaignUnit(campaignId, unitCode).verified();
        audit.record(campaignId, "unit " + unitCode, "VERIFIED", null, null, null, actor);
    }

    void evaluatorDelivered(Long campaignId, String evaluatorCode, String actor) {
        campaignEvaluator(campaignId, evaluatorCode).deliver(clock.instant());
        audit.record(campaignId, "evaluator " + evaluatorCode, "DELIVERED", null, null, null, actor);
    }

    void unitOverdue(Long campaignId, String unitCode) {
        campaignUnit(campaignId, unitCode).markOverdue();
    }

    void evaluatorOverdue(Long campaignId, String evaluatorCode) {
        campaignEvaluator(campaignId, evaluatorCode).markOverdue();
    }

    /**
     * Moves one unit's self-check deadline; refuses a date that is not after now and after the old one. The
     * basis (how a date given in working days was counted, or null) is recorded beside the date.
     */
    void extendUnit(Long campaignId, String unitCode, Instant newDue, String basis, String reason, String actor) {
        CampaignUnit unit = campaignUnit(campaignId, unitCode);
        deadlines.checkExtension(unit.getDue(), newDue);
        audit.record(campaignId, "unit " + unitCode + " self_check_due", "EXTEND", format(unit.getDue()),
                format(newDue, basis), reason, actor);
        unit.extend(newDue);
    }

    void extendEvaluator(Long campaignId, String evaluatorCode, Instant newDue, String basis, String reason,
                         String actor) {
        CampaignEvaluator evaluator = campaignEvaluator(campaignId, evaluatorCode);
        deadlines.checkExtension(evaluator.getDue(), newDue);
        audit.record(campaignId, "evaluator " + evaluatorCode + " specialist_due", "EXTEND", format(evaluator.getDue()),
                format(newDue, basis), reason, actor);
        evaluator.extend(newDue);
    }

    void closeUnit(Long campaignId, String unitCode, String reason, String actor) {
        campaignUnit(campaignId, unitCode).close();
        audit.record(campaignId, "unit " + unitCode, "CLOSED_NOT_SUBMITTED", null, null, reason, actor);
    }

    void closeEvaluator(Long campaignId, String evaluatorCode, String reason, String actor) {
        campaignEvaluator(campaignId, evaluatorCode).close();
        audit.record(campaignId, "evaluator " + evaluatorCode, "CLOSED_NOT_SUBMITTED", null, null, reason, actor);
    }

    /**
     * Marks a unit's inputs in (verified or closed) and answers whether this made all inputs of the
     * campaign complete. Exactly one caller ever gets {@code true}: the campaign row is locked, so
     * concurrent last inputs are decided one after the other, and its count of pending inputs makes the
     * decision a constant-time step however many units the campaign has.
     */
    public boolean unitReady(Long campaignId, String unitCode) {
        Campaign campaign = campaigns.lockById(campaignId).orElseThrow();
        return arrived(campaign, campaignUnit(campaignId, unitCode));
    }

    /** As {@link #unitReady} for a specialist evaluator's delivery (or its closing). */
    public boolean evaluatorReady(Long campaignId, String evaluatorCode) {
        Campaign campaign = campaigns.lockById(campaignId).orElseThrow();
        return arrived(campaign, campaignEvaluator(campaignId, evaluatorCode));
    }

    private boolean arrived(Campaign campaign, Participation<?> participation) {
        if (participation.ready()) {
            campaign.inputArrived();
        }
        if (campaign.isInputsComplete() || campaign.getPendingInputs() > 0) {
            return false;
        }
        campaign.inputsCompleted();
        return true;
    }

    /** Notes that results of a scoring round exist. */
    void scoringRoundAtLeast(Long campaignId, int round) {
        campaign(campaignId).scoringRoundAtLeast(round);
    }

    void approve(Long campaignId, String actor) {
        Campaign campaign = campaign(campaignId);
        audit.record(campaignId, "campaign " + campaignId, "APPROVE", campaign.getStatus().name(), "APPROVED", null, actor);
        campaign.approve();
    }

    void publish(Long campaignId) {
        Campaign campaign = campaign(campaignId);
        audit.record(campaignId, "campaign " + campaignId, "PUBLISH", campaign.getStatus().name(), "PUBLISHED", null, "system");
        campaign.publish(clock.instant());
    }

    /** Reopens published results; the reason is required and recorded. The results then go through approval again. */
    public CampaignInfo reopen(Long campaignId, String reason, String actor) {
        Campaign campaign = campaign(campaignId);
        if (campaign.getStatus() != CampaignStatus.PUBLISHED) {
            throw new BadInputException("不能重新打开", InputError.field("campaignId", "考评", "只有已公布的考核结果才能重新打开"));
        }
        if (reason == null || reason.isBlank()) {
            throw new BadInputException("不能重新打开", InputError.field("reason", "理由", "重新打开须说明理由"));
        }
        if (reason.strip().length() > AuditLog.REASON_CHARS) {
            throw new BadInputException("不能重新打开", InputError.field("reason", "理由",
                    "理由最多" + AuditLog.REASON_CHARS + "字，现有" + reason.strip().length() + "字"));
        }
        audit.record(campaignId, "campaign " + campaignId, "REOPEN", "PUBLISHED", "REOPENED", reason.strip(), actor);
        campaign.reopen();
        return campaign.info();
    }

    /**
     * When a stage that opens at {@code start} and lasts {@code length} is due: its last day at the campaign's
     * due time of day ({@code assessment.campaign.due-time}), in the office's time zone.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Instant dueAfter(Instant start, DeadlineLength length) {
        return deadlines.dueAfter(start, length, settings.dueTime());
    }
}
