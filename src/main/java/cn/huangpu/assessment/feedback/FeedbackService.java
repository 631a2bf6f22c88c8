package cn.huangpu.assessment.feedback;

import cn.huangpu.assessment.audit.AuditLog;
import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.UnitParticipation;
import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.catalogue.Catalogues;
import cn.huangpu.assessment.catalogue.Indicator;
import cn.huangpu.assessment.catalogue.Input;
import cn.huangpu.assessment.deadline.DeadlineLength;
import cn.huangpu.assessment.directory.ReferenceData;
import cn.huangpu.assessment.evaluation.EvaluationService;
import cn.huangpu.assessment.evaluation.FactEntry;
import cn.huangpu.assessment.feedback.internal.FeedbackSettings;
import cn.huangpu.assessment.feedback.internal.FeedbackStore;
import cn.huangpu.assessment.notification.Notification;
import cn.huangpu.assessment.notification.NotificationService;
import cn.huangpu.assessment.results.CampaignScoring;
import cn.huangpu.assessment.results.UnitResult;
import cn.huangpu.assessment.scoring.ScoreSheet;
import cn.huangpu.assessment.security.Groups;
import cn.huangpu.assessment.selfcheck.SelfCheckService;
import cn.huangpu.assessment.selfcheck.SelfCheckService.NewFile;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.DisplayTime;
import cn.huangpu.assessment.web.EditConflictException;
import cn.huangpu.assessment.web.InputError;
import cn.huangpu.assessment.web.TypedText;
import cn.huangpu.assessment.web.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The feedback window (意见反馈与复核) of a campaign: its rules, opening it for every unit, the units' answers and
 * objections, the office's rulings (an accepted objection changes the input behind the point, which rescores the
 * unit), the evaluators' opinions, and what the results, the leaders and the dashboard read of it. Every change is
 * audited and every ruling notified to its unit. It knows nothing of the engine; {@code feedback.process} calls it.
 */
@Service
@Transactional
public class FeedbackService {

    /** An objection's reason and a ruling's, stored in 2,000 characters. */
    static final int MAX_TEXT = 2000;
    static final int MAX_FILES_PER_OBJECTION = 10;
    static final int MAX_WINDOW_DAYS = 60;

    private final FeedbackStore store;
    private final FeedbackSettings settings;
    private final CampaignService campaigns;
    private final CampaignScoring scoring;
    private final EvaluationService evaluation;
    private final SelfCheckService selfChecks;
    private final Catalogues catalogues;
    private final NotificationService notifications;
    private final AuditLog audit;
    private final ReferenceData referenceData;
    private final DisplayTime time;
    private final Clock clock;

    FeedbackService(FeedbackStore store, FeedbackSettings settings, CampaignService campaigns, CampaignScoring scoring,
                    EvaluationService evaluation, SelfCheckService selfChecks, Catalogues catalogues,
                    NotificationService notifications, AuditLog audit, ReferenceData referenceData, DisplayTime time,
                    Clock clock) {
        this.store = store;
        this.settings = settings;
        this.campaigns = campaigns;
        this.scoring = scoring;
        this.evaluation = evaluation;
        this.selfChecks = selfChecks;
        this.catalogues = catalogues;
        this.notifications = notifications;
        this.audit = audit;
        this.referenceData = referenceData;
        this.time = time;
        this.clock = clock;
    }

    // ---- rules

    /** The campaign's rules: what the coordinator set for it, else the settings' defaults. */
    @Transactional(readOnly = true)
    public FeedbackRules rules(Long campaignId) {
        campaigns.get(campaignId);
        return store.rules(campaignId).orElseGet(this::defaults);
    }

    private FeedbackRules defaults() {
        return new FeedbackRules(settings.window(), settings.reopenAfterSendBack(), settings.rulingsPublic());
    }

    /** Sets the campaign's rules (audited); they apply to the next window that opens. */
    public FeedbackRules setRules(Long campaignId, Integer days, String counted, Boolean reopenAfterSendBack,
                                  Boolean rulingsPublic, String actor) {
        CampaignInfo campaign = campaigns.get(campaignId);
        campaigns.requireOpen(campaign);
        List<InputError> errors = new ArrayList<>();
        if (days == null || days < 0 || days > MAX_WINDOW_DAYS) {
            errors.add(InputError.field("days", "反馈期限", "反馈期限须为0至" + MAX_WINDOW_DAYS + "之间的整数天数（0为不开放意见反馈）"));
        }
        DeadlineLength.Counted countedAs = null;
        if (counted == null || counted.isBlank()) {
            countedAs = DeadlineLength.Counted.WORKING_DAYS;
        } else {
            try {
                countedAs = DeadlineLength.Counted.valueOf(counted.strip());
            } catch (IllegalArgumentException e) {
                errors.add(InputError.field("counted", "计算方式", "计算方式须为 WORKING_DAYS（工作日）或 CALENDAR_DAYS（自然日）"));
            }
        }
        if (!errors.isEmpty()) {
            throw new BadInputException("意见反馈设置有误", errors);
        }
        FeedbackRules before = rules(campaignId);
        FeedbackRules rules = new FeedbackRules(new DeadlineLength(days, countedAs),
                reopenAfterSendBack == null ? before.reopenAfterSendBack() : reopenAfterSendBack,
                rulingsPublic == null ? before.rulingsPublic() : rulingsPublic);
        store.saveRules(campaignId, rules, actor, clock.instant());
        audit.record(campaignId, "campaign " + campaignId + " feedback_rules", "SET_FEEDBACK_RULES", describe(before),
                describe(rules), null, actor);
        return rules;
    }

    /** The rules in words: 反馈期限5个工作日；退回后重新开放；复核结果不公开. */
    public static String describe(FeedbackRules rules) {
        return (rules.window().days() == 0 ? "不开放意见反馈" : "反馈期限" + rules.window().describe())
                + "；退回后" + (rules.reopenAfterSendBack() ? "重新开放" : "不再开放")
                + "；复核结果" + (rules.rulingsPublic() ? "公开" : "不公开");
    }

    // ---- the window as the campaign process sees it

    /**
     * This round's window, opened now; or none: a length of 0, or a window held already while the rules do not
     * reopen it (the leaders sent the results back), or no units.
     *
     * @param remindDays the reminders before it closes ("1"), without those that would fall before now
     * @param batches    how many batches its units are launched in
     */
    public record WindowPlan(int windowNo, Instant due, int batches, String remindDays) {
    }

    /**
     * Opens this round's feedback window, or records why there is none. A retried job opens nothing twice: the
     * window's row rolls back with it, and a second one of the same number is refused by its unique key.
     *
     * @throws cn.huangpu.assessment.calendar.CalendarYearMissingException when working days are counted through a
     *         year whose notice is not loaded (the job fails and is retried, then an incident: never a guessed date)
     */
    public Optional<WindowPlan> open(Long campaignId) {
        FeedbackRules rules = rules(campaignId);
        List<FeedbackWindow> held = store.windows(campaignId);
        String skipped = rules.window().days() == 0 ? "反馈期限为0，不开放意见反馈"
                : !held.isEmpty() && !rules.reopenAfterSendBack() ? "已开放过意见反馈，按设置不再开放" : null;
        List<String> units = campaigns.units(campaignId).stream().map(UnitParticipation::unitCode).toList();
        if (skipped == null && units.isEmpty()) {
            skipped = "没有参评单位";
        }
        if (skipped != null) {
            audit.record(campaignId, "campaign " + campaignId, "FEEDBACK_SKIPPED", null, null, skipped, "system");
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant due = campaigns.dueAfter(now, rules.window());
        int round = scoring.latest(campaignId).stream().mapToInt(UnitResult::round).max().orElse(0);
        int windowNo = held.size() + 1;
        long windowId = store.insertWindow(campaignId, windowNo, round, now, due, rules.window().describe(), units.size());
        store.insertAnswers(windowId, campaignId, units);
        audit.record(campaignId, "campaign " + campaignId, "FEEDBACK_OPEN", null, time.format(due),
                "第" + windowNo + "轮意见反馈，" + rules.window().describe() + "，共" + units.size() + "个单位", "system");
        int batches = (units.size() + settings.launchBatchSize() - 1) / settings.launchBatchSize();
        String remind = settings.reminderDaysBefore().stream()
                .filter(days -> due.minus(Duration.ofDays(days)).isAfter(now))
                .map(String::valueOf).collect(Collectors.joining(","));
        return Optional.of(new WindowPlan(windowNo, due, batches, remind));
    }

    /**
     * Batch {@code batch} (from 0) of {@code batches} of the window's units in code order, marked launched; the caller
     * starts their feedback in the same transaction. A unit launched already is left out.
     */
    public List<String> launchBatch(Long campaignId, int windowNo, int batch, int batches) {
        FeedbackWindow window = window(campaignId, windowNo);
        List<String> all = store.answers(window.id()).stream().map(UnitAnswer::unitCode).toList();
        int size = Math.max(1, (all.size() + batches - 1) / batches);
        List<String> slice = all.subList(Math.min(all.size(), batch * size), Math.min(all.size(), (batch + 1) * size));
        return slice.stream().filter(unit -> store.markLaunched(window.id(), unit) == 1).toList();
    }

    /**
     * Under the window's row lock, whether every unit's feedback is concluded already: the campaign then goes on
     * without waiting for a message that was sent before it waited (the last unit decides under the same lock).
     */
    public boolean concluded(Long campaignId, int windowNo) {
        return store.lockWindow(window(campaignId, windowNo).id()).pending() == 0;
    }

    /**
     * Counts the unit's feedback concluded (answered and every objection ruled, or deemed) and answers whether it was
     * the window's last. Exactly one caller gets {@code true}: the window's row is locked, and a unit counted already
     * is not counted again.
     */
    public boolean conclude(Long campaignId, int windowNo, String unitCode) {
        FeedbackWindow window = store.lockWindow(window(campaignId, windowNo).id());
        if (store.conclude(window.id(), unitCode) == 0) {
            return false;
        }
        boolean last = window.pending() == 1;
        store.countDown(window.id(), last ? clock.instant() : null);
        if (last) {
            audit.record(campaignId, "campaign " + campaignId, "FEEDBACK_CONCLUDED", null, null,
                    "第" + windowNo + "轮意见反馈已全部办结", "system");
        }
        return last;
    }

    /** Whether a window is open now for the campaign: opened, not concluded, and before its deadline. */
    @Transactional(readOnly = true)
    public boolean isOpen(Long campaignId) {
        return current(campaignId).map(w -> w.openAt(clock.instant())).orElse(false);
    }

    /** Whether a feedback window was ever opened for the campaign (units have seen preliminary results). */
    @Transactional(readOnly = true)
    public boolean hasOpened(Long campaignId) {
        return current(campaignId).isPresent();
    }

    /** The campaign's latest window. */
    @Transactional(readOnly = true)
    public Optional<FeedbackWindow> current(Long campaignId) {
        List<FeedbackWindow> windows = store.windows(campaignId);
        return windows.isEmpty() ? Optional.empty() : Optional.of(windows.get(windows.size() - 1));
    }

    private FeedbackWindow window(Long campaignId, int windowNo) {
        return store.window(campaignId, windowNo).orElseThrow(() ->
                new IllegalStateException("No feedback window " + windowNo + " of campaign " + campaignId));
    }

    // ---- the unit's answer

    /** The unit's answer in the latest window, if one was opened. */
    @Transactional(readOnly = true)
    public Optional<UnitAnswer> answer(Long campaignId, String unitCode) {
        return current(campaignId).flatMap(w -> store.answer(w.id(), unitCode));
    }

    /**
     * Refuses an answer that is not one of 无异议 / 申请复核, a 申请复核 without an objection saved on the page, a 无异议
     * with objections saved, and any answer after the window closed.
     */
    @Transactional(readOnly = true)
    public void checkAnswer(Long campaignId, int windowNo, String unitCode, Object answer) {
        FeedbackWindow window = window(campaignId, windowNo);
        if (!window.openAt(clock.instant())) {
            throw refused("feedbackAnswer", "反馈", "意见反馈已于" + time.format(window.due()) + "截止，逾期未反馈视为无异议");
        }
        boolean object = "OBJECT".equals(answer);
        if (!object && !"NO_OBJECTION".equals(answer)) {
            throw refused("feedbackAnswer", "反馈意见", "请选择反馈意见：无异议，或申请复核");
        }
        long drafts = drafts(campaignId, window, unitCode).size();
        if (object && drafts == 0) {
            throw refused("feedbackAnswer", "反馈意见",
                    "申请复核须先在意见反馈页面填写至少一项复核申请（指标、理由和证明材料）");
        }
        if (!object && drafts > 0) {
            throw refused("feedbackAnswer", "反馈意见", "已填写" + drafts
                    + "项复核申请：确认无异议前请先在意见反馈页面删除，或选择申请复核");
        }
    }

    /**
     * Records the unit's answer (checked as {@link #checkAnswer}); with 申请复核 its saved objections are raised, each
     * with the indicator's points and the total of the preliminary sheet. Answers whether it objected.
     */
    public boolean answer(Long campaignId, int windowNo, String unitCode, Object answer, String actor) {
        // after a draft saved at the same instant, not beside it: the answer counts the drafts it raises
        campaigns.lockUnit(campaignId, unitCode);
        checkAnswer(campaignId, windowNo, unitCode, answer);
        FeedbackWindow window = window(campaignId, windowNo);
        boolean object = "OBJECT".equals(answer);
        Instant now = clock.instant();
        if (store.answer(window.id(), unitCode, object ? UnitAnswer.Status.OBJECTED : UnitAnswer.Status.NO_OBJECTION,
                actor, now) == 0) {
            throw refused("feedbackAnswer", "反馈", "本单位本轮已反馈，不能再次反馈");
        }
        List<Objection> raised = drafts(campaignId, window, unitCode);
        Optional<ScoreSheet> preliminary = preliminarySheet(campaignId, window, unitCode);
        for (Objection objection : raised) {
            store.raise(objection.id(), preliminary.map(s -> points(s, objection.indicatorCode())).orElse(null),
                    preliminary.map(ScoreSheet::total).orElse(null));
        }
        audit.record(campaignId, "feedback " + unitCode, object ? "OBJECT" : "NO_OBJECTION", null,
                object ? "申请复核" + raised.size() + "项：" + raised.stream().map(Objection::indicatorCode)
                        .collect(Collectors.joining("、")) : "无异议", null, actor);
        return object;
    }

    /** The window closed without the unit's answer: 逾期未反馈，视为无异议 (its unsent drafts stay unsent). */
    public void deem(Long campaignId, int windowNo, String unitCode) {
        FeedbackWindow window = window(campaignId, windowNo);
        if (store.answer(window.id(), unitCode, UnitAnswer.Status.DEEMED, "system", clock.instant()) == 1) {
            audit.record(campaignId, "feedback " + unitCode, "DEEMED", null, UnitAnswer.Status.DEEMED.label(), null,
                    "system");
        }
    }

    private List<Objection> drafts(Long campaignId, FeedbackWindow window, String unitCode) {
        return store.objections(campaignId, unitCode).stream()
                .filter(o -> o.windowId() == window.id() && o.status() == Objection.Status.DRAFT).toList();
    }

    /** The sheet the unit was shown in the window: its result of the round before the window. */
    @Transactional(readOnly = true)
    public Optional<ScoreSheet> preliminarySheet(Long campaignId, FeedbackWindow window, String unitCode) {
        return scoring.result(campaignId, unitCode, window.roundBefore()).map(scoring::sheet);
    }

    private static BigDecimal points(ScoreSheet sheet, String indicatorCode) {
        ScoreSheet.IndicatorScore indicator = sheet.indicator(indicatorCode);
        return indicator == null ? null : indicator.points();
    }

    // ---- objections (the unit)

    /**
     * One objection as the unit types it on its page.
     *
     * @param id            the draft it changes, or null for a new one
     * @param loadedVersion the draft's version the page showed (null with a new one)
     */
    public record ObjectionDraft(Long id, String indicatorCode, String reason, String evidenceLinks, Long loadedVersion) {
    }

    /**
     * Saves an objection's draft with any new files, all or nothing: while the window is open and the unit has not
     * answered. Refuses an unknown indicator, a second objection on the same indicator, a reason that is missing, too
     * long or not in Chinese, evidence the self-check would refuse, and a draft someone changed since it was loaded.
     */
    public long saveObjection(Long campaignId, String unitCode, ObjectionDraft draft, List<NewFile> files, String actor) {
        FeedbackWindow window = requireAnswering(campaignId, unitCode);
        Catalogue catalogue = catalogue(campaignId);
        String code = draft.indicatorCode() == null ? "" : draft.indicatorCode().strip();
        List<InputError> errors = new ArrayList<>();
        if (catalogue.indicator(code).isEmpty()) {
            errors.add(new InputError(code, "indicatorCode", "指标", "请选择要申请复核的指标"));
        }
        String reason = text(draft.reason());
        checkChineseText(errors, code, "reason", "复核理由", reason);
        String links = text(draft.evidenceLinks());
        List<NewFile> chosen = files.stream().map(f -> new NewFile(code, f.fileName(), f.contentType(), f.content()))
                .toList();
        if (errors.isEmpty()) {
            errors.addAll(selfChecks.evidenceProblems(catalogue, code, links, chosen));
        }
        List<Objection> mine = store.objections(campaignId, unitCode).stream().filter(o -> o.windowId() == window.id())
                .toList();
        Optional<Objection> existing = draft.id() == null ? Optional.empty()
                : mine.stream().filter(o -> o.id() == draft.id()).findFirst();
        if (draft.id() != null && existing.isEmpty()) {
            throw new NotFoundException("objection " + draft.id() + " of " + unitCode);
        }
        if (draft.id() == null && mine.stream().anyMatch(o -> o.indicatorCode().equals(code))) {
            errors.add(new InputError(code, "indicatorCode", "指标", "该指标已有复核申请，请在原申请中修改"));
        }
        if (existing.isPresent() && existing.get().files().size() + chosen.size() > MAX_FILES_PER_OBJECTION) {
            errors.add(new InputError(code, "file", "附件", "每项复核申请最多" + MAX_FILES_PER_OBJECTION + "个附件"));
        } else if (chosen.size() > MAX_FILES_PER_OBJECTION) {
            errors.add(new InputError(code, "file", "附件", "每项复核申请最多" + MAX_FILES_PER_OBJECTION + "个附件"));
        }
        if (!errors.isEmpty()) {
            throw new BadInputException("复核申请未保存", errors);
        }
        Instant now = clock.instant();
        long id;
        if (existing.isPresent()) {
            Objection before = existing.get();
            long version = draft.loadedVersion() == null ? before.version() : draft.loadedVersion();
            if (store.updateDraft(before.id(), version, reason, links) == 0) {
                throw new EditConflictException(List.of(new InputError(code, "reason", "复核理由",
                        "该复核申请已由他人修改，请刷新后再保存")));
            }
            id = before.id();
            audit.record(campaignId, "objection " + unitCode + " " + code, "DRAFT_CHANGE", before.reason(), reason, null,
                    actor);
        } else {
            id = store.insertObjection(window.id(), campaignId, unitCode, code, reason, links, actor, now);
            audit.record(campaignId, "objection " + unitCode + " " + code, "DRAFT", null, reason, null, actor);
        }
        for (NewFile file : chosen) {
            String name = file.fileName().strip();
            store.insertFile(id, name, SelfCheckService.storedContentType(file.contentType()), file.content(), actor,
                    now);
            audit.record(campaignId, "objection " + unitCode + " " + code, "ATTACH", null, name, null, actor);
        }
        return id;
    }

    /** Deletes a draft (with its files) while the unit may still answer. */
    public void deleteObjection(Long campaignId, String unitCode, long objectionId, String actor) {
        // an unknown objection is not found before anything else is said about the window
        objectionOf(campaignId, unitCode, objectionId);
        requireAnswering(campaignId, unitCode);
        Objection objection = draftOf(campaignId, unitCode, objectionId);
        store.deleteDraft(objection.id());
        audit.record(campaignId, "objection " + unitCode + " " + objection.indicatorCode(), "DRAFT_DELETE",
                objection.reason(), null, null, actor);
    }

    /** Removes a file from a draft while the unit may still answer. */
    public void deleteFile(Long campaignId, String unitCode, long objectionId, long fileId, String actor) {
        Objection.File file = objectionOf(campaignId, unitCode, objectionId).files().stream()
                .filter(f -> f.id() == fileId).findFirst()
                .orElseThrow(() -> new NotFoundException("file " + fileId + " of objection " + objectionId));
        requireAnswering(campaignId, unitCode);
        Objection objection = draftOf(campaignId, unitCode, objectionId);
        store.deleteFile(objectionId, fileId);
        audit.record(campaignId, "objection " + unitCode + " " + objection.indicatorCode(), "DETACH", file.fileName(),
                null, null, actor);
    }

    /** A file of one of the unit's objections; another unit's or an unknown one is not found alike. */
    @Transactional(readOnly = true)
    public FeedbackStore.StoredFile file(Long campaignId, String unitCode, long objectionId, long fileId) {
        objectionOf(campaignId, unitCode, objectionId);
        return store.file(objectionId, fileId).orElseThrow(() ->
                new NotFoundException("file " + fileId + " of objection " + objectionId));
    }

    private Objection draftOf(Long campaignId, String unitCode, long objectionId) {
        Objection objection = objectionOf(campaignId, unitCode, objectionId);
        if (objection.status() != Objection.Status.DRAFT) {
            throw refused("objection", "复核申请", "该复核申请已提交，不能再修改");
        }
        return objection;
    }

    private Objection objectionOf(Long campaignId, String unitCode, long objectionId) {
        return store.objection(objectionId)
                .filter(o -> o.unitCode().equals(unitCode) && o.campaignId().equals(campaignId))
                .orElseThrow(() -> new NotFoundException("objection " + objectionId + " of " + unitCode));
    }

    /** The window the unit may still answer in: open, and the unit's answer pending. */
    private FeedbackWindow requireAnswering(Long campaignId, String unitCode) {
        campaigns.requireOpen(campaigns.get(campaignId));
        campaigns.unit(campaignId, unitCode);
        // one change of the unit's objections at a time, and none beside its answer: two first drafts of one
        // indicator sent at once would otherwise both pass the check below and the second fail on the unique key
        // (a 500); a draft saved while the answer is recorded would stay unsent
        campaigns.lockUnit(campaignId, unitCode);
        FeedbackWindow window = current(campaignId).orElseThrow(() ->
                refused("objection", "意见反馈", "本考评尚未开放意见反馈"));
        if (!window.openAt(clock.instant())) {
            throw refused("objection", "意见反馈", "意见反馈已于" + time.format(window.due()) + "截止，不能再申请复核");
        }
        UnitAnswer answer = store.answer(window.id(), unitCode).orElseThrow(() ->
                refused("objection", "意见反馈", "本单位不在本轮意见反馈中"));
        if (answer.status() != UnitAnswer.Status.PENDING) {
            throw refused("objection", "意见反馈", "本单位本轮已反馈（" + answer.status().label() + "），不能再修改复核申请");
        }
        return window;
    }

    // ---- rulings (the office)

    /**
     * Accepts a raised objection by changing the inputs behind the indicator's points ({@code changes}, each saved
     * with the ruling's reason into the audit trail), and records the indicator's points and the unit's total as
     * rescored. An acceptance that changes nothing the points depend on is refused: then the objection is rejected,
     * with a reason.
     */
    public void accept(Long campaignId, String unitCode, long objectionId, List<FactEntry> changes, String reason,
                       String actor) {
        Objection objection = raisedOf(campaignId, unitCode, objectionId);
        String ruling = text(reason);
        List<InputError> errors = new ArrayList<>();
        checkChineseText(errors, objection.indicatorCode(), "rulingReason", "复核意见", ruling, AuditLog.REASON_CHARS);
        for (FactEntry change : changes) {
            if (!change.unitCode().equals(unitCode) || !change.indicatorCode().equals(objection.indicatorCode())) {
                errors.add(new InputError(change.indicatorCode(), change.inputName(), "只能修改该异议所在指标的输入项"));
            }
        }
        if (!errors.isEmpty()) {
            throw new BadInputException("未采纳", errors);
        }
        String why = "复核采纳：" + ruling;
        if (!changes.isEmpty()) {
            evaluation.correctOnReview(campaignId, changes.stream().map(c -> new FactEntry(c.unitCode(),
                    c.indicatorCode(), c.inputName(), c.value(), why, c.loadedVersion())).toList(), actor);
        }
        ScoreSheet rescored = scoring.currentSheet(campaignId, unitCode);
        BigDecimal pointsAfter = points(rescored, objection.indicatorCode());
        if (changes.isEmpty() && same(pointsAfter, objection.pointsBefore())) {
            throw new BadInputException("未采纳", new InputError(objection.indicatorCode(), "changes", "输入项",
                    "采纳须修改该指标的输入项，使得分随之调整；如不调整，请驳回并写明理由"));
        }
        if (store.rule(objectionId, Objection.Status.ACCEPTED, ruling, actor, clock.instant(), pointsAfter,
                rescored.total()) == 0) {
            throw new EditConflictException(List.of(InputError.field("objection", "该异议已由他人复核")));
        }
        String subject = "objection " + unitCode + " " + objection.indicatorCode();
        audit.record(campaignId, subject, "ACCEPT", scored(objection.pointsBefore(), objection.totalBefore()),
                scored(pointsAfter, rescored.total()), ruling, actor);
        notifyRuling(campaignId, unitCode, objection, "采纳", "得分由" + plain(objection.pointsBefore()) + "分调整为"
                + plain(pointsAfter) + "分，总分" + plain(rescored.total()) + "分", ruling);
    }

    /** Rejects a raised objection with a written reason; the points stay as they were. */
    public void reject(Long campaignId, String unitCode, long objectionId, String reason, String actor) {
        Objection objection = raisedOf(campaignId, unitCode, objectionId);
        String ruling = text(reason);
        List<InputError> errors = new ArrayList<>();
        checkChineseText(errors, objection.indicatorCode(), "rulingReason", "驳回理由", ruling, AuditLog.REASON_CHARS);
        if (!errors.isEmpty()) {
            throw new BadInputException("未驳回", errors);
        }
        if (store.rule(objectionId, Objection.Status.REJECTED, ruling, actor, clock.instant(), objection.pointsBefore(),
                objection.totalBefore()) == 0) {
            throw new EditConflictException(List.of(InputError.field("objection", "该异议已由他人复核")));
        }
        audit.record(campaignId, "objection " + unitCode + " " + objection.indicatorCode(), "REJECT",
                Objection.Status.RAISED.label(), Objection.Status.REJECTED.label(), ruling, actor);
        notifyRuling(campaignId, unitCode, objection, "驳回", "得分不变", ruling);
    }

    /** Refused while a raised objection of the unit in this window is not ruled: the review task stays open. */
    @Transactional(readOnly = true)
    public void checkReviewed(Long campaignId, int windowNo, String unitCode) {
        FeedbackWindow window = window(campaignId, windowNo);
        List<String> open = store.objections(campaignId, unitCode).stream()
                .filter(o -> o.windowId() == window.id() && o.status() == Objection.Status.RAISED)
                .map(Objection::indicatorCode).toList();
        if (!open.isEmpty()) {
            throw refused("objections", "复核", "尚有" + open.size() + "项异议未复核（指标 " + String.join("、", open)
                    + "）：请在意见反馈页面逐项采纳或驳回");
        }
    }

    private Objection raisedOf(Long campaignId, String unitCode, long objectionId) {
        campaigns.requireOpen(campaigns.get(campaignId));
        Objection objection = objectionOf(campaignId, unitCode, objectionId);
        if (objection.status() != Objection.Status.RAISED) {
            throw refused("objection", "复核", objection.ruled() ? "该异议已复核（" + objection.status().label() + "）"
                    : "该复核申请尚未提交");
        }
        return objection;
    }

    private void notifyRuling(Long campaignId, String unitCode, Objection objection, String verdict, String effect,
                              String ruling) {
        notifications.notify(campaignId, Groups.unit(unitCode), Notification.Kind.FEEDBACK,
                "复核结果：指标 " + objection.indicatorCode() + " " + indicatorName(campaignId, objection.indicatorCode())
                        + "的复核申请已" + verdict + "，" + effect + "。复核意见：" + ruling,
                "feedback-ruling/" + objection.id(), Notification.Link.page(page(campaignId, unitCode)));
    }

    // ---- opinions (evaluators)

    /** The office asks the evaluator behind one of the objection's inputs for its opinion (the evaluator is told). */
    public void requestOpinion(Long campaignId, String unitCode, long objectionId, String evaluatorCode, String question,
                               String actor) {
        Objection objection = raisedOf(campaignId, unitCode, objectionId);
        String code = evaluatorCode == null ? "" : evaluatorCode.strip();
        List<InputError> errors = new ArrayList<>();
        if (!evaluatorsOf(campaignId, objection.indicatorCode()).contains(code)) {
            errors.add(InputError.field("evaluatorCode", "专项评估单位", "请选择提供该指标输入项的专项评估单位"));
        }
        String asked = text(question);
        checkChineseText(errors, objection.indicatorCode(), "question", "征求意见的问题", asked, AuditLog.REASON_CHARS);
        if (!errors.isEmpty()) {
            throw new BadInputException("未征求意见", errors);
        }
        long id = store.insertOpinion(objectionId, code, asked, actor, clock.instant());
        audit.record(campaignId, "objection " + unitCode + " " + objection.indicatorCode(), "REQUEST_OPINION", null,
                referenceData.evaluatorName(code), asked, actor);
        notifications.notify(campaignId, Groups.evaluator(code), Notification.Kind.FEEDBACK,
                "区政府办公室就" + referenceData.unitName(unitCode) + "对指标 " + objection.indicatorCode()
                        + "的复核申请征求您的意见：" + asked,
                "feedback-opinion/" + id, Notification.Link.page("/app/feedback/" + campaignId + "/evaluators/" + code));
    }

    /** The evaluator gives its opinion, once (the office is told). */
    public void giveOpinion(Long campaignId, String evaluatorCode, long opinionId, String opinion, String actor) {
        campaigns.requireOpen(campaigns.get(campaignId));
        Objection.Opinion asked = store.opinion(opinionId).filter(o -> o.evaluatorCode().equals(evaluatorCode))
                .orElseThrow(() -> new NotFoundException("opinion " + opinionId + " of " + evaluatorCode));
        Objection objection = store.objection(asked.objectionId()).filter(o -> o.campaignId().equals(campaignId))
                .orElseThrow(() -> new NotFoundException("opinion " + opinionId + " in campaign " + campaignId));
        String text = text(opinion);
        List<InputError> errors = new ArrayList<>();
        checkChineseText(errors, objection.indicatorCode(), "opinion", "意见", text);
        if (!errors.isEmpty()) {
            throw new BadInputException("意见未提交", errors);
        }
        if (store.answerOpinion(opinionId, text, actor, clock.instant()) == 0) {
            throw refused("opinion", "意见", "该意见已提交，不能再修改");
        }
        audit.record(campaignId, "objection " + objection.unitCode() + " " + objection.indicatorCode(), "OPINION", null,
                text, null, actor);
        notifications.notify(campaignId, Groups.COORDINATOR, Notification.Kind.FEEDBACK,
                referenceData.evaluatorName(evaluatorCode) + "已就" + referenceData.unitName(objection.unitCode())
                        + "对指标 " + objection.indicatorCode() + "的复核申请提出意见",
                "feedback-opinion-given/" + opinionId, Notification.Link.page(page(campaignId, objection.unitCode())));
    }

    /** The evaluators whose inputs price the indicator (those the office may ask for an opinion). */
    @Transactional(readOnly = true)
    public Set<String> evaluatorsOf(Long campaignId, String indicatorCode) {
        return catalogue(campaignId).indicator(indicatorCode).map(i -> i.inputs().stream().map(Input::by)
                .filter(by -> !Catalogue.OFFICE.equals(by)).collect(Collectors.toCollection(TreeSet::new)))
                .orElseGet(TreeSet::new);
    }

    /** The raised objections on the evaluator's indicators, newest window first, with their opinions. */
    @Transactional(readOnly = true)
    public List<Objection> forEvaluator(Long campaignId, String evaluatorCode) {
        campaigns.evaluator(campaignId, evaluatorCode);
        Set<String> indicators = catalogue(campaignId).indicators().stream()
                .filter(i -> i.inputs().stream().anyMatch(in -> in.by().equals(evaluatorCode)))
                .map(Indicator::code).collect(Collectors.toSet());
        return store.raisedOn(campaignId, indicators);
    }

    // ---- reads

    /** The unit's objections of every window, newest window first. */
    @Transactional(readOnly = true)
    public List<Objection> objections(Long campaignId, String unitCode) {
        return store.objections(campaignId, unitCode);
    }

    /** The current window's progress, for the dashboard. */
    @Transactional(readOnly = true)
    public Optional<FeedbackProgress> progress(Long campaignId) {
        return current(campaignId).map(window -> {
            List<UnitAnswer> answers = store.answers(window.id());
            List<Objection> raised = store.raised(campaignId).stream().filter(o -> o.windowId() == window.id()).toList();
            int answered = count(answers, UnitAnswer.Status.NO_OBJECTION) + count(answers, UnitAnswer.Status.OBJECTED);
            return new FeedbackProgress(window.windowNo(), window.due(), window.concluded(), answers.size(), answered,
                    count(answers, UnitAnswer.Status.OBJECTED), count(answers, UnitAnswer.Status.DEEMED),
                    count(answers, UnitAnswer.Status.PENDING), raised.size(),
                    (int) raised.stream().filter(Objection::ruled).count());
        });
    }

    private static int count(List<UnitAnswer> answers, UnitAnswer.Status status) {
        return (int) answers.stream().filter(a -> a.status() == status).count();
    }

    /**
     * The latest window's outcome per unit and in total: the answers, the objections raised, accepted and rejected,
     * and each unit's total before review (the preliminary round) and after it (the round graded after the window,
     * or while it runs the total as its accepted objections rescored it).
     */
    @Transactional(readOnly = true)
    public Optional<Summary> summary(Long campaignId) {
        return current(campaignId).map(window -> {
            Map<String, BigDecimal> before = new HashMap<>();
            scoring.round(campaignId, window.roundBefore()).forEach(r -> before.put(r.unitCode(), r.total()));
            Map<String, BigDecimal> regraded = new HashMap<>();
            if (window.concluded()) {
                scoring.round(campaignId, window.roundBefore() + 1).forEach(r -> regraded.put(r.unitCode(), r.total()));
            }
            Map<String, List<Objection>> byUnit = store.raised(campaignId).stream()
                    .filter(o -> o.windowId() == window.id()).collect(Collectors.groupingBy(Objection::unitCode));
            Map<String, UnitLine> lines = new LinkedHashMap<>();
            for (UnitAnswer answer : store.answers(window.id())) {
                List<Objection> mine = byUnit.getOrDefault(answer.unitCode(), List.of());
                BigDecimal after = regraded.get(answer.unitCode());
                if (after == null) {
                    after = mine.stream().filter(o -> o.status() == Objection.Status.ACCEPTED && o.ruledAt() != null)
                            .max((a, b) -> a.ruledAt().compareTo(b.ruledAt())).map(Objection::totalAfter)
                            .orElse(before.get(answer.unitCode()));
                }
                lines.put(answer.unitCode(), new UnitLine(answer.unitCode(), answer.status(), mine.size(),
                        count(mine, Objection.Status.ACCEPTED), count(mine, Objection.Status.REJECTED),
                        count(mine, Objection.Status.RAISED), before.get(answer.unitCode()), after));
            }
            return new Summary(window, lines);
        });
    }

    private static int count(List<Objection> objections, Objection.Status status) {
        return (int) objections.stream().filter(o -> o.status() == status).count();
    }

    /** One unit's line of the {@link Summary}. */
    public record UnitLine(String unitCode, UnitAnswer.Status answer, int raised, int accepted, int rejected,
                           int pendingRulings, BigDecimal before, BigDecimal after) {

        public boolean changed() {
            return before != null && after != null && before.compareTo(after) != 0;
        }
    }

    /** The latest window and each unit's line, with the totals. */
    public record Summary(FeedbackWindow window, Map<String, UnitLine> units) {

        public int count(UnitAnswer.Status answer) {
            return (int) units.values().stream().filter(u -> u.answer() == answer).count();
        }

        public int raised() {
            return units.values().stream().mapToInt(UnitLine::raised).sum();
        }

        public int accepted() {
            return units.values().stream().mapToInt(UnitLine::accepted).sum();
        }

        public int rejected() {
            return units.values().stream().mapToInt(UnitLine::rejected).sum();
        }

        public int pendingRulings() {
            return units.values().stream().mapToInt(UnitLine::pendingRulings).sum();
        }

        public int changedUnits() {
            return (int) units.values().stream().filter(UnitLine::changed).count();
        }

        /** The totals in words, one line each. */
        public List<String> totals() {
            return List.of(
                    "参评单位" + units.size() + "个：无异议" + count(UnitAnswer.Status.NO_OBJECTION) + "个，申请复核"
                            + count(UnitAnswer.Status.OBJECTED) + "个，逾期未反馈（视为无异议）" + count(UnitAnswer.Status.DEEMED)
                            + "个，尚未反馈" + count(UnitAnswer.Status.PENDING) + "个",
                    "异议" + raised() + "项：采纳" + accepted() + "项，驳回" + rejected() + "项，待复核" + pendingRulings() + "项",
                    "复核后得分变化的单位" + changedUnits() + "个");
        }
    }

    /**
     * Notes under the indicators of a unit's sheet: on every indicator changed on review 经复核调整 with the points
     * before and after; the office's rulings (accepted and rejected) with their reasons unless {@code forPublic} and
     * the campaign keeps them private; objections not yet ruled, never in public.
     */
    @Transactional(readOnly = true)
    public Map<String, List<String>> sheetNotes(Long campaignId, String unitCode, boolean forPublic) {
        boolean rulingsShown = !forPublic || rules(campaignId).rulingsPublic();
        Map<String, List<String>> notes = new LinkedHashMap<>();
        List<Objection> objections = new ArrayList<>(store.objections(campaignId, unitCode));
        Collections.reverse(objections);
        for (Objection o : objections) {
            String note = switch (o.status()) {
                case ACCEPTED -> "经复核调整：" + plain(o.pointsBefore()) + "分 → " + plain(o.pointsAfter()) + "分"
                        + (rulingsShown ? "（复核意见：" + o.rulingReason() + "）" : "");
                case REJECTED -> rulingsShown ? "复核申请已驳回（第" + o.windowNo() + "轮意见反馈）：" + o.rulingReason() : null;
                case RAISED -> forPublic ? null : "已申请复核，待区政府办公室复核";
                case DRAFT -> null;
            };
            if (note != null) {
                notes.computeIfAbsent(o.indicatorCode(), k -> new ArrayList<>()).add(note);
            }
        }
        return notes;
    }

    // ---- helpers

    /** The page of a unit's feedback. */
    public static String page(Long campaignId, String unitCode) {
        return "/app/feedback/" + campaignId + "/" + unitCode;
    }

    @Transactional(readOnly = true)
    public Catalogue catalogue(Long campaignId) {
        return catalogues.forYear(campaigns.get(campaignId).catalogueYear()).orElseThrow();
    }

    private String indicatorName(Long campaignId, String code) {
        return catalogue(campaignId).indicator(code).map(Indicator::name).orElse("");
    }

    /** Required, at most 2,000 characters, and written in Chinese (at least one Chinese character). */
    static void checkChineseText(List<InputError> errors, String indicator, String field, String label, String text) {
        checkChineseText(errors, indicator, field, label, text, MAX_TEXT);
    }

    /**
     * As {@link #checkChineseText(List, String, String, String, String)}, at most {@code most} characters: a ruling
     * and the question put to an evaluator are the audit trail's reason and take what the trail keeps
     * ({@link AuditLog#REASON_CHARS}).
     */
    static void checkChineseText(List<InputError> errors, String indicator, String field, String label, String text,
                                 int most) {
        if (text == null) {
            errors.add(new InputError(indicator, field, label, "请填写" + label));
        } else if (text.length() > most) {
            errors.add(new InputError(indicator, field, label, label + "最多" + most + "字，现有" + text.length() + "字"));
        } else if (TypedText.hasControlCharacters(text)) {
            errors.add(new InputError(indicator, field, label, label + "含有控制字符，请删除后再保存"));
        } else if (text.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            errors.add(new InputError(indicator, field, label, label + "须用中文填写"));
        }
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip().replace("\r\n", "\n");
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String plain(BigDecimal value) {
        if (value == null) {
            return "—";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static String scored(BigDecimal points, BigDecimal total) {
        return plain(points) + "分（总分" + plain(total) + "分）";
    }

    private static BadInputException refused(String field, String label, String reason) {
        return new BadInputException(label + "：" + reason, InputError.field(field, label, reason));
    }
}
