package cn.huangpu.assessment.rectification;

import cn.huangpu.assessment.audit.AuditLog;
import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.catalogue.Catalogues;
import cn.huangpu.assessment.catalogue.Indicator;
import cn.huangpu.assessment.linkcheck.LinkCheckResult;
import cn.huangpu.assessment.linkcheck.LinkCheckService;
import cn.huangpu.assessment.rectification.internal.Item;
import cn.huangpu.assessment.rectification.internal.ItemRepository;
import cn.huangpu.assessment.rectification.internal.RectificationFile;
import cn.huangpu.assessment.rectification.internal.RectificationFileRepository;
import cn.huangpu.assessment.rectification.internal.RectificationUnit;
import cn.huangpu.assessment.rectification.internal.RectificationUnitRepository;
import cn.huangpu.assessment.results.CampaignScoring;
import cn.huangpu.assessment.results.UnitResult;
import cn.huangpu.assessment.scoring.NumberRules;
import cn.huangpu.assessment.selfcheck.SelfCheckService;
import cn.huangpu.assessment.verification.RecordedFinding;
import cn.huangpu.assessment.verification.VerificationService;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.DisplayTime;
import cn.huangpu.assessment.web.InputError;
import cn.huangpu.assessment.web.NotFoundException;
import cn.huangpu.assessment.web.TypedText;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A published campaign's rectification: builds each unit's items from its published sheet and findings (again,
 * matching by source, when the results are published anew), keeps the unit's reports and the office's decisions with
 * an audit entry each, and answers what the pages, the dashboard and the next campaign read. It knows nothing of the
 * engine; the glue in {@code rectification.process} calls it.
 */
@Service
@Transactional
public class RectificationService {

    /** Limits of a report's texts, as the page states them. */
    public static final int NOTE_CHARS = 2000;
    public static final int URL_CHARS = 1000;
    public static final int TEXT_CHARS = 2000;
    /** A send-back's or a removal's reason: the item keeps 2,000, the audit trail records it whole and keeps 1,000. */
    public static final int REASON_CHARS = AuditLog.REASON_CHARS;
    private static final String CONTROL_CHARACTERS = "含有控制字符，请删除后再保存";
    /** Files one item's report may carry, as an objection's (without it a unit could fill the database 10 MB at a time). */
    public static final int MAX_FILES_PER_ITEM = 10;

    private final RectificationUnitRepository units;
    private final ItemRepository items;
    private final RectificationFileRepository files;
    private final CampaignService campaigns;
    private final CampaignScoring scoring;
    private final VerificationService verification;
    private final Catalogues catalogues;
    private final LinkCheckService linkChecks;
    private final AuditLog audit;
    private final RectificationSettings settings;
    private final ApplicationEventPublisher events;
    private final DisplayTime time;
    private final Clock clock;

    RectificationService(RectificationUnitRepository units, ItemRepository items, RectificationFileRepository files,
                         CampaignService campaigns, CampaignScoring scoring, VerificationService verification,
                         Catalogues catalogues, LinkCheckService linkChecks, AuditLog audit,
                         RectificationSettings settings, ApplicationEventPublisher events, DisplayTime time,
                         Clock clock) {
        this.units = units;
        this.items = items;
        this.files = files;
        this.campaigns = campaigns;
        this.scoring = scoring;
        this.verification = verification;
        this.catalogues = catalogues;
        this.linkChecks = linkChecks;
        this.audit = audit;
        this.settings = settings;
        this.events = events;
        this.time = time;
        this.clock = clock;
    }

    // ---- launch -------------------------------------------------------------------------------------------------

    /**
     * Lists every unit of the published results for its items (a unit listed at an earlier publication stays, to be
     * built again), and answers in how many batches of {@code launch-batch-size} they are built.
     */
    public int prepare(Long campaignId) {
        List<RectificationUnit> listed = units.findByCampaignIdOrderByUnitCode(campaignId);
        java.util.Set<String> known = listed.stream().map(RectificationUnit::getUnitCode).collect(Collectors.toSet());
        List<RectificationUnit> added = scoring.latest(campaignId).stream().map(UnitResult::unitCode)
                .filter(code -> !known.contains(code)).map(code -> new RectificationUnit(campaignId, code)).toList();
        units.saveAll(added);
        long count = listed.size() + added.size();
        return (int) ((count + settings.launchBatchSize() - 1) / settings.launchBatchSize());
    }

    /** A unit of a batch whose rectification is to start, with its deadline. */
    public record Launch(String unitCode, Instant due) {
    }

    /**
     * Builds (or builds again) the items of batch {@code batch} of {@code batches} of the campaign's listed units, in
     * unit order, and answers the units whose process is to start: those with open items and no running
     * rectification. A unit with nothing lost gets no item. Each unit's change is one audit entry.
     */
    public List<Launch> launchBatch(Long campaignId, int batch, int batches) {
        CampaignInfo campaign = campaigns.get(campaignId);
        Catalogue catalogue = catalogue(campaign);
        long count = units.countByCampaignId(campaignId);
        int size = (int) Math.max(1, (count + batches - 1) / batches);
        List<RectificationUnit> page = units.findByCampaignIdOrderByUnitCode(campaignId, PageRequest.of(batch, size));
        Map<String, List<Item>> existing = items.findByCampaignIdAndUnitCodeInOrderByUnitCodeAscIdAsc(campaignId,
                page.stream().map(RectificationUnit::getUnitCode).toList()).stream()
                .collect(Collectors.groupingBy(Item::getUnitCode, LinkedHashMap::new, Collectors.toList()));
        Instant now = clock.instant();
        Instant due = null;
        List<AuditLog.Change> changes = new ArrayList<>();
        List<Launch> launches = new ArrayList<>();
        for (RectificationUnit unit : page) {
            Optional<UnitResult> result = scoring.latest(campaignId, unit.getUnitCode());
            if (result.isEmpty()) {
                continue;
            }
            List<ItemGenerator.Spec> specs = ItemGenerator.items(catalogue, scoring.sheet(result.get()),
                    verification.findings(campaignId, unit.getUnitCode()));
            String summary = merge(campaignId, unit.getUnitCode(), specs,
                    existing.getOrDefault(unit.getUnitCode(), List.of()), now);
            if (summary != null) {
                changes.add(new AuditLog.Change("rectification " + unit.getUnitCode(), "GENERATE", null, summary, null));
            }
            boolean anyOpen = items.findByCampaignIdAndUnitCodeOrderByIndicatorCodeAscIdAsc(campaignId, unit.getUnitCode())
                    .stream().anyMatch(i -> i.getStatus().isOpen());
            if (unit.getStatus().isRunning()) {
                continue;
            }
            if (anyOpen) {
                if (due == null) {
                    due = campaigns.dueAfter(campaign.publishedAt() != null ? campaign.publishedAt() : now,
                            settings.deadline());
                }
                unit.open(due, now);
                launches.add(new Launch(unit.getUnitCode(), due));
            } else {
                unit.nothingToDo();
            }
        }
        audit.recordAll(campaignId, changes, "system");
        return launches;
    }

    /**
     * Lays the specs over the unit's generated items: a known source keeps its item (restated if its words or points
     * changed), a new source adds an open item, a source gone removes its item unless it is settled. Items the office
     * added are left alone. Answers what changed, in words, or null when nothing did.
     */
    private String merge(Long campaignId, String unitCode, List<ItemGenerator.Spec> specs, List<Item> existing,
                         Instant now) {
        Map<String, Item> byKey = new HashMap<>();
        existing.forEach(i -> byKey.put(i.getSourceKey(), i));
        int added = 0;
        int restated = 0;
        int removed = 0;
        java.util.Set<String> current = new java.util.HashSet<>();
        for (ItemGenerator.Spec spec : specs) {
            current.add(spec.sourceKey());
            Item known = byKey.get(spec.sourceKey());
            String text = clip(spec.text(), 4000);
            if (known == null) {
                items.save(new Item(campaignId, unitCode, spec.indicatorCode(), spec.sourceKey(), spec.origin(),
                        clip(spec.criterion(), 2000), text, clip(spec.url(), URL_CHARS), spec.points(), now));
                added++;
            } else if (known.getStatus() == ItemStatus.REMOVED && !"system".equals(known.view().decidedBy())) {
                // the office removed it with a reason: a new publication does not bring it back
            } else if (!text.equals(known.getFindingText()) || known.getPoints().compareTo(spec.points()) != 0
                    || known.getStatus() == ItemStatus.REMOVED) {
                known.restate(clip(spec.criterion(), 2000), text, clip(spec.url(), URL_CHARS), spec.points());
                if (known.getStatus() == ItemStatus.REMOVED) {
                    known.reopenAfterRegeneration();
                }
                restated++;
            }
        }
        for (Item item : existing) {
            if (!"ADDED".equals(item.view().origin()) && !current.contains(item.getSourceKey())
                    && !item.getStatus().isSettled()) {
                item.remove("重新公布的考核结果中已无此项扣分", "system", now);
                removed++;
            }
        }
        if (added + restated + removed == 0) {
            return null;
        }
        return existing.isEmpty() ? "生成整改项" + added + "项"
                : "重新生成：新增" + added + "项，更新" + restated + "项，移除" + removed + "项";
    }

    // ---- reading --------------------------------------------------------------------------------------------------

    /** The unit's rectification; a unit without one (not published, or not taking part) is not found (404). */
    @Transactional(readOnly = true)
    public UnitStage stage(Long campaignId, String unitCode) {
        return unit(campaignId, unitCode).stage();
    }

    @Transactional(readOnly = true)
    public Optional<UnitStage> findStage(Long campaignId, String unitCode) {
        return units.findById(new RectificationUnit.Key(campaignId, unitCode)).map(RectificationUnit::stage);
    }

    @Transactional(readOnly = true)
    public List<UnitStage> stages(Long campaignId) {
        return units.findByCampaignIdOrderByUnitCode(campaignId).stream().map(RectificationUnit::stage).toList();
    }

    /** The unit's items, by indicator, removed ones included (they show why they went). */
    @Transactional(readOnly = true)
    public List<RectificationItem> items(Long campaignId, String unitCode) {
        return items.findByCampaignIdAndUnitCodeOrderByIndicatorCodeAscIdAsc(campaignId, unitCode).stream()
                .map(Item::view).toList();
    }

    @Transactional(readOnly = true)
    public List<RectificationItem> allItems(Long campaignId) {
        return items.findByCampaignIdOrderByUnitCodeAscIdAsc(campaignId).stream().map(Item::view).toList();
    }

    /** Whether the launch has built the campaign's rectification (for some unit at least). */
    @Transactional(readOnly = true)
    public boolean launched(Long campaignId) {
        return units.countByCampaignId(campaignId) > 0;
    }

    /** Whether some unit's rectification of the campaign is still to be built or running. */
    @Transactional(readOnly = true)
    public boolean underway(Long campaignId) {
        return units.anyUnderway(campaignId);
    }

    /** An evidence file without its content. */
    public record FileInfo(Long id, Long itemId, String fileName, long sizeBytes) {
    }

    @Transactional(readOnly = true)
    public Map<Long, List<FileInfo>> files(List<RectificationItem> of) {
        if (of.isEmpty()) {
            return Map.of();
        }
        return files.findInfo(of.stream().map(RectificationItem::id).toList()).stream()
                .map(r -> new FileInfo((Long) r[0], (Long) r[1], (String) r[2], ((Number) r[3]).longValue()))
                .collect(Collectors.groupingBy(FileInfo::itemId));
    }

    /** A file of one of this unit's items; an unknown id and one of another unit are not found alike. */
    @Transactional(readOnly = true)
    public RectificationFile file(Long campaignId, String unitCode, Long fileId) {
        return files.findById(fileId).filter(f -> items.findById(f.getItemId())
                        .filter(i -> belongs(i, campaignId, unitCode)).isPresent())
                .orElseThrow(() -> new NotFoundException("rectification file " + fileId));
    }

    /** The latest automatic checks of the links given in the items' reports, by item id. */
    @Transactional(readOnly = true)
    public Map<Long, List<LinkCheckResult>> linkChecks(List<RectificationItem> of) {
        return linkChecks.rectificationResults(of.stream().map(RectificationItem::id).toList());
    }

    // ---- the unit's report ----------------------------------------------------------------------------------------

    /** A report on one item as typed: {@code kind} FIXED or UNFIXABLE, a note (or reason) and an evidence link. */
    public record Report(String kind, String note, String link, Long version) {
    }

    /**
     * Saves the unit's report on one item (a draft until the task is completed). Refuses, naming the field: an item
     * that is not open, a kind that is neither, texts over their limits, a link that is not http(s); a newer change
     * (version) is refused with 409.
     */
    public RectificationItem report(Long campaignId, String unitCode, Long itemId, Report report, String actor) {
        Item item = editable(campaignId, unitCode, itemId);
        if (report.version() != null && report.version() != item.view().version()) {
            throw new cn.huangpu.assessment.web.EditConflictException(List.of(new InputError(item.getIndicatorCode(),
                    "version", "整改项", "该整改项已被他人修改，请刷新后再保存")));
        }
        String kind = report.kind() == null ? null : report.kind().strip().toUpperCase(Locale.ROOT);
        List<InputError> errors = new ArrayList<>();
        if (!RectificationItem.FIXED.equals(kind) && !RectificationItem.UNFIXABLE.equals(kind)) {
            errors.add(new InputError(item.getIndicatorCode(), "kind", "整改情况", "请选择“已整改”或“无法整改”"));
        }
        String note = blankToNull(report.note());
        if (note != null && note.length() > NOTE_CHARS) {
            errors.add(new InputError(item.getIndicatorCode(), "note", "整改说明", "不能超过" + NOTE_CHARS + "个字"));
        } else if (TypedText.hasControlCharacters(note)) {
            errors.add(new InputError(item.getIndicatorCode(), "note", "整改说明", CONTROL_CHARACTERS));
        }
        String link = blankToNull(report.link());
        if (link != null && (link.length() > URL_CHARS || !isWebLink(link))) {
            errors.add(new InputError(item.getIndicatorCode(), "link", "证明链接",
                    link.length() > URL_CHARS ? "不能超过" + URL_CHARS + "个字符" : "须为以 http:// 或 https:// 开头的网址"));
        }
        if (!errors.isEmpty()) {
            throw new BadInputException("整改情况未保存", errors);
        }
        String before = describe(item);
        item.report(kind, note, RectificationItem.FIXED.equals(kind) ? link : null, actor);
        audit.record(campaignId, subject(item), "REPORT", before, describe(item), null, actor);
        return item.view();
    }

    /** Attaches a file to an open item's report, under the self-check's file rules. */
    public FileInfo attach(Long campaignId, String unitCode, Long itemId, String fileName, String contentType,
                           byte[] content, String actor) {
        Item item = editable(campaignId, unitCode, itemId);
        List<InputError> errors = new ArrayList<>(SelfCheckService.fileRefusals(item.getIndicatorCode(), fileName, content));
        if (errors.isEmpty() && files.findInfo(List.of(item.getId())).size() >= MAX_FILES_PER_ITEM) {
            errors.add(new InputError(item.getIndicatorCode(), "file", "附件", "每个整改项最多" + MAX_FILES_PER_ITEM
                    + "个附件"));
        }
        if (!errors.isEmpty()) {
            throw new BadInputException("附件未上传", errors);
        }
        RectificationFile file = files.save(new RectificationFile(item.getId(), fileName.strip(),
                SelfCheckService.storedContentType(contentType), content, actor, clock.instant()));
        audit.record(campaignId, subject(item), "ATTACH", null, file.getFileName(), null, actor);
        return new FileInfo(file.getId(), item.getId(), file.getFileName(), file.getSizeBytes());
    }

    /** What keeps the unit from handing in its report: each open item without a complete report. */
    @Transactional(readOnly = true)
    public List<InputError> missingReports(Long campaignId, String unitCode) {
        List<Item> open = items.findByCampaignIdAndUnitCodeOrderByIndicatorCodeAscIdAsc(campaignId, unitCode).stream()
                .filter(i -> i.getStatus().isOpen()).toList();
        java.util.Set<Long> withFiles = open.isEmpty() ? java.util.Set.of()
                : files.findInfo(open.stream().map(Item::getId).toList()).stream().map(r -> (Long) r[1])
                .collect(Collectors.toSet());
        List<InputError> missing = new ArrayList<>();
        for (Item item : open) {
            String what = "整改项“" + abbreviated(item.getFindingText()) + "”";
            if (item.getReportKind() == null) {
                missing.add(new InputError(item.getIndicatorCode(), "kind", "整改情况", what + "：尚未报告整改情况"));
            } else if (item.getReportNote() == null) {
                missing.add(new InputError(item.getIndicatorCode(), "note", "整改说明",
                        what + (RectificationItem.FIXED.equals(item.getReportKind()) ? "：请说明整改情况" : "：请写明无法整改的理由")));
            } else if (RectificationItem.FIXED.equals(item.getReportKind()) && item.getReportLink() == null
                    && !withFiles.contains(item.getId())) {
                missing.add(new InputError(item.getIndicatorCode(), "link", "证明链接", what + "：已整改的须给出证明链接或附件"));
            }
        }
        return missing;
    }

    /** The refusal of a hand-in while {@link #missingReports} lists something: how much, then each item. */
    public static BadInputException incomplete(List<InputError> missing) {
        return new BadInputException("整改情况尚未报告完整，不能报送。尚有 " + missing.size() + " 项", missing);
    }

    /** Hands in the reports of every open item (the unit's task completes); the office reviews them next. */
    public void handIn(Long campaignId, String unitCode, String actor) {
        List<InputError> missing = missingReports(campaignId, unitCode);
        if (!missing.isEmpty()) {
            throw incomplete(missing);
        }
        Instant now = clock.instant();
        List<AuditLog.Change> changes = new ArrayList<>();
        for (Item item : items.findByCampaignIdAndUnitCodeOrderByIndicatorCodeAscIdAsc(campaignId, unitCode)) {
            if (item.getStatus().isOpen()) {
                String before = item.getStatus().label();
                item.handIn(now);
                changes.add(new AuditLog.Change(subject(item), "HAND_IN", before, item.getStatus().label() + "：" + describe(item), null));
            }
        }
        audit.recordAll(campaignId, changes, actor);
        unit(campaignId, unitCode).reviewing();
    }

    /** What waits for the office and what is open again for the unit, after the links were queued for checking. */
    public record Review(int toReview, int open) {
    }

    /** Queues a check of every reported fix's link and counts what waits for the office and what is still open. */
    public Review queueChecks(Long campaignId, String unitCode) {
        CampaignInfo campaign = campaigns.get(campaignId);
        Catalogue catalogue = catalogue(campaign);
        int toReview = 0;
        int open = 0;
        for (Item item : items.findByCampaignIdAndUnitCodeOrderByIndicatorCodeAscIdAsc(campaignId, unitCode)) {
            if (item.getStatus() == ItemStatus.REPORTED) {
                toReview++;
                if (item.getReportLink() != null) {
                    linkChecks.scheduleRectification(campaignId, unitCode, item.getIndicatorCode(), item.getId(),
                            item.getReportLink(), catalogue.indicator(item.getIndicatorCode()).map(Indicator::name)
                                    .orElse(null));
                }
            } else if (item.getStatus().isOpen()) {
                open++;
            }
        }
        if (toReview > 0) {
            unit(campaignId, unitCode).reviewing();
        }
        return new Review(toReview, open);
    }

    // ---- the office's review --------------------------------------------------------------------------------------

    /** The office accepts a reported item: fixed, or (无法整改) closed without a fix. */
    public RectificationItem accept(Long campaignId, String unitCode, Long itemId, String actor) {
        Item item = reported(campaignId, unitCode, itemId);
        item.accept(actor, clock.instant());
        audit.record(campaignId, subject(item), "ACCEPT", ItemStatus.REPORTED.label(), item.getStatus().label(), null, actor);
        return item.view();
    }

    /** The office sends a reported item back to the unit, with the reason (required). */
    public RectificationItem sendBack(Long campaignId, String unitCode, Long itemId, String reason, String actor) {
        Item item = reported(campaignId, unitCode, itemId);
        String why = reason(reason, item.getIndicatorCode(), "退回理由", "退回须写明理由");
        item.sendBack(why, actor, clock.instant());
        audit.record(campaignId, subject(item), "SEND_BACK", ItemStatus.REPORTED.label(), ItemStatus.SENT_BACK.label(), why, actor);
        return item.view();
    }

    /** What keeps the office from completing its review: each reported item without a decision. */
    @Transactional(readOnly = true)
    public List<InputError> undecided(Long campaignId, String unitCode) {
        return items.findByCampaignIdAndUnitCodeOrderByIndicatorCodeAscIdAsc(campaignId, unitCode).stream()
                .filter(i -> i.getStatus() == ItemStatus.REPORTED)
                .map(i -> new InputError(i.getIndicatorCode(), "decision", "复核",
                        "整改项“" + abbreviated(i.getFindingText()) + "”：尚未复核（通过或退回）")).toList();
    }

    public static BadInputException unreviewed(List<InputError> undecided) {
        return new BadInputException("尚有 " + undecided.size() + " 个整改项未复核，不能完成复核", undecided);
    }

    /** The review is complete: answers how many items are open for the unit again (sent back, or added meanwhile). */
    public int reviewed(Long campaignId, String unitCode) {
        List<InputError> undecided = undecided(campaignId, unitCode);
        if (!undecided.isEmpty()) {
            throw unreviewed(undecided);
        }
        return (int) items.findByCampaignIdAndUnitCodeOrderByIndicatorCodeAscIdAsc(campaignId, unitCode).stream()
                .filter(i -> i.getStatus().isOpen()).count();
    }

    /**
     * The unit's task opens again for what was sent back: its deadline stays if it is at least the send-back length
     * away, else it becomes that length from now.
     */
    public Instant reopen(Long campaignId, String unitCode) {
        RectificationUnit unit = unit(campaignId, unitCode);
        Instant now = clock.instant();
        Instant least = campaigns.dueAfter(now, settings.sendBack());
        Instant due = unit.getDue() == null || unit.getDue().isBefore(least) ? least : unit.getDue();
        if (!due.equals(unit.getDue())) {
            audit.record(campaignId, "rectification_due " + unitCode, "EXTEND", instant(unit.getDue()),
                    instant(due), "退回整改（" + settings.sendBack().describe() + "）", "system");
        }
        unit.open(due, now);
        return due;
    }

    /** Every item is accepted or closed. */
    public void finish(Long campaignId, String unitCode) {
        RectificationUnit unit = unit(campaignId, unitCode);
        unit.done(clock.instant());
        audit.record(campaignId, "rectification " + unitCode, "FINISH", null, UnitStage.Status.DONE.label(), null, "system");
    }

    // ---- the office's list ----------------------------------------------------------------------------------------

    /**
     * The office adds an item (问题通报) to a published campaign's unit. A unit whose rectification is not running gets
     * its process, due the deadline length from now.
     */
    public RectificationItem add(Long campaignId, String unitCode, String indicatorCode, String text, String url,
                                 String points, String actor) {
        campaigns.unit(campaignId, unitCode);
        CampaignInfo campaign = requirePublished(campaignId);
        RectificationUnit unit = units.findById(new RectificationUnit.Key(campaignId, unitCode))
                .orElseGet(() -> {
                    RectificationUnit created = new RectificationUnit(campaignId, unitCode);
                    created.nothingToDo();
                    return units.save(created);
                });
        List<InputError> errors = new ArrayList<>();
        String code = blankToNull(indicatorCode);
        if (code == null || catalogue(campaign).indicator(code).isEmpty()) {
            errors.add(InputError.field("indicatorCode", "指标", code == null ? "请选择指标" : "指标目录中没有指标 " + TypedText.shown(code)));
        }
        String finding = blankToNull(text);
        if (finding == null || finding.length() > TEXT_CHARS) {
            errors.add(InputError.field("text", "问题", finding == null ? "请写明通报的问题" : "不能超过" + TEXT_CHARS + "个字"));
        } else if (TypedText.hasControlCharacters(finding)) {
            errors.add(InputError.field("text", "问题", CONTROL_CHARACTERS));
        }
        String link = blankToNull(url);
        if (link != null && (link.length() > URL_CHARS || !isWebLink(link))) {
            errors.add(InputError.field("url", "问题链接", "须为以 http:// 或 https:// 开头的网址（不超过" + URL_CHARS + "个字符）"));
        }
        BigDecimal atStake = BigDecimal.ZERO;
        if (blankToNull(points) != null) {
            try {
                atStake = NumberRules.typed(points.strip());
                if (atStake.signum() < 0 || atStake.compareTo(BigDecimal.valueOf(100)) > 0 || atStake.scale() > 2) {
                    errors.add(InputError.field("points", "涉及分值", "须为0至100之间的数，至多两位小数"));
                }
            } catch (IllegalArgumentException e) {
                errors.add(InputError.field("points", "涉及分值", "须为数字"));
            }
        }
        if (!errors.isEmpty()) {
            throw new BadInputException("整改项未新增", errors);
        }
        Item item = items.save(new Item(campaignId, unitCode, code, "added:" + UUID.randomUUID(), "ADDED", null,
                finding, link, atStake.setScale(2, java.math.RoundingMode.UNNECESSARY), clock.instant()));
        audit.record(campaignId, subject(item), "ADD", null, describe(item), null, actor);
        if (!unit.getStatus().isRunning() && unit.getStatus() != UnitStage.Status.PENDING) {
            Instant due = campaigns.dueAfter(clock.instant(), settings.deadline());
            unit.open(due, clock.instant());
            events.publishEvent(new UnitRectificationNeeded(campaignId, unitCode, due));
        }
        return item.view();
    }

    /** The office removes an item, with the reason (required); a removed item stays listed with it. */
    public RectificationItem remove(Long campaignId, String unitCode, Long itemId, String reason, String actor) {
        Item item = item(campaignId, unitCode, itemId);
        requirePublished(campaignId);
        if (item.getStatus() == ItemStatus.REMOVED) {
            throw new BadInputException("不能删除", InputError.field("itemId", "整改项", "该整改项已删除"));
        }
        String why = reason(reason, item.getIndicatorCode(), "删除理由", "删除整改项须写明理由");
        String before = item.getStatus().label();
        item.remove(why, actor, clock.instant());
        audit.record(campaignId, subject(item), "REMOVE", before + "：" + describe(item), ItemStatus.REMOVED.label(), why, actor);
        return item.view();
    }

    // ---- the deadline ---------------------------------------------------------------------------------------------

    void overdue(Long campaignId, String unitCode) {
        unit(campaignId, unitCode).markOverdue();
    }

    void extended(Long campaignId, String unitCode, Instant newDue, String reason, String actor) {
        RectificationUnit unit = unit(campaignId, unitCode);
        audit.record(campaignId, "rectification_due " + unitCode, "EXTEND", instant(unit.getDue()), instant(newDue),
                reason, actor);
        unit.extend(newDue);
    }

    /** The office closed the overdue rectification: what is still open is closed without a fix, for its reason. */
    void closed(Long campaignId, String unitCode, String reason, String actor) {
        Instant now = clock.instant();
        List<AuditLog.Change> changes = new ArrayList<>();
        for (Item item : items.findByCampaignIdAndUnitCodeOrderByIndicatorCodeAscIdAsc(campaignId, unitCode)) {
            if (item.getStatus().isOpen()) {
                String before = item.getStatus().label();
                item.closeUnfixed("逾期未整改，按未整改关闭：" + reason, actor, now);
                changes.add(new AuditLog.Change(subject(item), "CLOSE_UNFIXED", before, item.getStatus().label(), reason));
            }
        }
        audit.recordAll(campaignId, changes, actor);
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private Item editable(Long campaignId, String unitCode, Long itemId) {
        // the unit's reports one at a time, each reading the item as the last one left it: two saves of one item
        // sent at once would otherwise both pass the version check and the second fail on the row's version (a 500)
        campaigns.lockUnit(campaignId, unitCode);
        Item item = item(campaignId, unitCode, itemId);
        if (!item.getStatus().isOpen() || unit(campaignId, unitCode).getStatus() != UnitStage.Status.RECTIFYING) {
            throw new BadInputException("整改情况不能修改", new InputError(item.getIndicatorCode(), "itemId", "整改项",
                    "该整改项为“" + item.getStatus().label() + "”，不能再修改"));
        }
        return item;
    }

    private Item reported(Long campaignId, String unitCode, Long itemId) {
        Item item = item(campaignId, unitCode, itemId);
        if (item.getStatus() != ItemStatus.REPORTED) {
            throw new BadInputException("不能复核", new InputError(item.getIndicatorCode(), "itemId", "整改项",
                    "该整改项为“" + item.getStatus().label() + "”，没有待复核的整改情况"));
        }
        return item;
    }

    private Item item(Long campaignId, String unitCode, Long itemId) {
        return items.findById(itemId).filter(i -> belongs(i, campaignId, unitCode))
                .orElseThrow(() -> new NotFoundException("rectification item " + itemId));
    }

    private static boolean belongs(Item item, Long campaignId, String unitCode) {
        RectificationItem view = item.view();
        return view.campaignId().equals(campaignId) && view.unitCode().equals(unitCode);
    }

    private RectificationUnit unit(Long campaignId, String unitCode) {
        return units.findById(new RectificationUnit.Key(campaignId, unitCode))
                .orElseThrow(() -> new NotFoundException("rectification of " + unitCode + " in " + campaignId));
    }

    private CampaignInfo requirePublished(Long campaignId) {
        CampaignInfo campaign = campaigns.get(campaignId);
        if (campaign.publishedAt() == null) {
            throw new BadInputException("不能修改整改清单", InputError.field("campaignId", "考核结果", "考核结果公布后才有整改清单"));
        }
        return campaign;
    }

    private Catalogue catalogue(CampaignInfo campaign) {
        return catalogues.forYear(campaign.catalogueYear()).orElseThrow();
    }

    private static String subject(Item item) {
        return "rectification " + item.getUnitCode() + " " + item.getIndicatorCode() + " " + item.getId();
    }

    private static String describe(Item item) {
        RectificationItem view = item.view();
        StringBuilder text = new StringBuilder(abbreviated(view.findingText()));
        if (view.reportKind() != null) {
            text.append("｜").append(view.reportLabel());
            if (view.reportNote() != null) {
                text.append("：").append(view.reportNote());
            }
            if (view.reportLink() != null) {
                text.append("（").append(view.reportLink()).append("）");
            }
        }
        return text.toString();
    }

    private String instant(Instant at) {
        return at == null ? null : time.format(at);
    }

    /** The office's reason for a decision on an item: required, and at most what the audit trail keeps. */
    private static String reason(String value, String indicator, String label, String missing) {
        String text = blankToNull(value);
        if (text == null || text.length() > REASON_CHARS || TypedText.hasControlCharacters(text)) {
            throw new BadInputException("未保存", new InputError(indicator, "reason", label, text == null ? missing
                    : text.length() > REASON_CHARS ? "不能超过" + REASON_CHARS + "个字" : CONTROL_CHARACTERS));
        }
        return text;
    }

    static boolean isWebLink(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
