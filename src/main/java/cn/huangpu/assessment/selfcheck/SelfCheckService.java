package cn.huangpu.assessment.selfcheck;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.UnitParticipation;
import cn.huangpu.assessment.campaign.progress.SelfCheckSubmitted;
import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.catalogue.Catalogues;
import cn.huangpu.assessment.catalogue.Indicator;
import cn.huangpu.assessment.selfcheck.internal.EvidenceFile;
import cn.huangpu.assessment.selfcheck.internal.SelfCheckEntry;
import cn.huangpu.assessment.selfcheck.internal.SelfCheckEntryRepository;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.DisplayTime;
import cn.huangpu.assessment.web.EditConflictException;
import cn.huangpu.assessment.web.InputError;
import cn.huangpu.assessment.web.TypedText;
import cn.huangpu.assessment.web.NotFoundException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drafts, files and submission of a unit's self-check. Every save is all-or-nothing: one bad field
 * refuses the whole save with every problem listed.
 */
@Service
@Transactional
public class SelfCheckService {

    /**
     * What one indicator's answer may hold, stated on the page and checked on every save. Each is the size of
     * the column that keeps it: completion and evidence_links (4,000), and the automatic check of each link,
     * link_check.url (1,000) and keyword (200). At these limits the self-check of every indicator stays within
     * the page-form limit (assessment.limits.request.form-body).
     */
    public record FieldLimits(int completionChars, int linksChars, int links, int urlChars, int keywordChars) {
    }

    public static final FieldLimits LIMITS = new FieldLimits(4000, 4000, 20, 1000, 200);
    /** The largest evidence file (书面材料) accepted. */
    /** The self-check's fields as its page names them, for messages (the machine names stay in the API's field). */
    static final String COMPLETION = "完成情况";
    static final String EVIDENCE_LINKS = "证明链接";
    static final String NOT_INVOLVED = "不涉及";
    static final String FILE = "附件";
    public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
    public static final Set<String> FILE_TYPES = Set.of("pdf", "doc", "docx", "xls", "xlsx", "wps", "ofd", "jpg", "jpeg", "png", "zip");

    private final SelfCheckEntryRepository entries;
    private final EvidenceFileRepository files;
    private final CampaignService campaigns;
    private final Catalogues catalogues;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final DisplayTime time;

    SelfCheckService(SelfCheckEntryRepository entries, EvidenceFileRepository files, CampaignService campaigns,
                     Catalogues catalogues, Clock clock, ApplicationEventPublisher events, DisplayTime time) {
        this.events = events;
        this.entries = entries;
        this.files = files;
        this.campaigns = campaigns;
        this.catalogues = catalogues;
        this.clock = clock;
        this.time = time;
    }

    /**
     * One indicator's draft as typed by the unit. Line breaks are kept as "\n": a browser sends "\r\n", which
     * would count twice against a limit the text box counted once.
     *
     * @param loadedVersion the entry's version the page showed (0: no entry yet); null for a caller that showed
     *                      nothing and saves over whatever is stored (the demo's bots)
     */
    public record Draft(String completion, String evidenceLinks, boolean notInvolved, Long loadedVersion) {

        public Draft {
            completion = unixLineBreaks(completion);
            evidenceLinks = unixLineBreaks(evidenceLinks);
        }

        /** A draft saved over whatever is stored. */
        public Draft(String completion, String evidenceLinks, boolean notInvolved) {
            this(completion, evidenceLinks, notInvolved, null);
        }

        private static String unixLineBreaks(String text) {
            return text == null ? null : text.replace("\r\n", "\n").replace('\r', '\n');
        }

        /** What the entry shows: its current content, at its current version. */
        public static Draft of(SelfCheckAnswer answer) {
            return new Draft(answer.completion(), answer.evidenceLinks(), answer.notInvolved(), answer.version());
        }

        Draft normalized() {
            return new Draft(blankToNull(completion), blankToNull(evidenceLinks), notInvolved, loadedVersion);
        }
    }

    /** The unit's answers, by indicator code. */
    @Transactional(readOnly = true)
    public Map<String, SelfCheckAnswer> entries(Long campaignId, String unitCode) {
        return entries.findByCampaignIdAndUnitCode(campaignId, unitCode).stream()
                .collect(Collectors.toMap(SelfCheckEntry::getIndicatorCode, SelfCheckService::answer));
    }

    /** Every unit's answers of a campaign, for scoring. */
    @Transactional(readOnly = true)
    public List<SelfCheckAnswer> allEntries(Long campaignId) {
        return entries.findByCampaignId(campaignId).stream().map(SelfCheckService::answer).toList();
    }

    /** The indicators each unit's self-check ticks 不涉及, by unit code (units that tick none are absent). */
    @Transactional(readOnly = true)
    public Map<String, Set<String>> notInvolvedClaims(Long campaignId) {
        return entries.findNotInvolved(campaignId).stream().collect(Collectors.groupingBy(row -> (String) row[0],
                Collectors.mapping(row -> (String) row[1], Collectors.toSet())));
    }

    private Map<String, SelfCheckEntry> stored(Long campaignId, String unitCode) {
        return entries.findByCampaignIdAndUnitCode(campaignId, unitCode).stream()
                .collect(Collectors.toMap(SelfCheckEntry::getIndicatorCode, Function.identity()));
    }

    private static SelfCheckAnswer answer(SelfCheckEntry entry) {
        return new SelfCheckAnswer(entry.getUnitCode(), entry.getIndicatorCode(), entry.getCompletion(),
                entry.getEvidenceLinks(), entry.isNotInvolved(), entry.getUpdatedBy(), entry.getUpdatedAt(),
                entry.getVersion());
    }

    @Transactional(readOnly = true)
    public List<EvidenceFileInfo> files(Long campaignId, String unitCode) {
        return files.findInfo(campaignId, unitCode);
    }

    /** A file of this unit's self-check; an unknown id and one of another unit or campaign are not found alike. */
    @Transactional(readOnly = true)
    public EvidenceFile file(Long campaignId, String unitCode, Long id) {
        return files.findById(id)
                .filter(f -> f.getCampaignId().equals(campaignId) && f.getUnitCode().equals(unitCode))
                .orElseThrow(() -> new NotFoundException("evidence file " + id + " of " + unitCode + " in " + campaignId));
    }

    /** Whether the unit may still change its self-check. */
    @Transactional(readOnly = true)
    public boolean isEditable(Long campaignId, String unitCode) {
        return !campaigns.get(campaignId).isFrozen()
                && campaigns.unit(campaignId, unitCode).status() == UnitParticipation.Status.PENDING;
    }

    /**
     * Saves drafts of any number of indicators; refuses all of them if one is bad, and all of them if one was
     * changed by someone else since it was loaded ({@link EditConflictException}: nothing of the request is
     * saved). A draft that says what is stored already is no change: it neither conflicts nor writes. The changed
     * entries are written in one batch; a concurrent save of the same entries between this one's read and its
     * write (two first saves of one indicator, or two updates of one version) fails that batch and is refused the
     * same way.
     */
    public void saveDraft(Long campaignId, String unitCode, Map<String, Draft> drafts, String actor) {
        Catalogue catalogue = requireEditable(campaignId, unitCode);
        List<InputError> errors = new ArrayList<>();
        drafts.forEach((code, draft) -> check(catalogue, code, draft, errors));
        if (!errors.isEmpty()) {
            throw new BadInputException("自查草稿未保存", errors);
        }
        write(campaignId, unitCode, drafts, actor);
    }

    /** A file chosen on the page for an indicator, as it arrived. */
    public record NewFile(String indicatorCode, String fileName, String contentType, byte[] content) {
    }

    /**
     * Saves the drafts and attaches the files in one transaction, so that a file is never uploaded over text the
     * page then throws away: a bad draft or a bad file refuses all of it with every problem listed (nothing
     * saved, nothing attached), and a draft changed by someone else refuses all of it as {@link #saveDraft} does.
     *
     * @param newFiles at least one; an empty file is refused
     */
    public List<EvidenceFileInfo> saveDraftWithFiles(Long campaignId, String unitCode, Map<String, Draft> drafts,
                                                     List<NewFile> newFiles, String actor) {
        Catalogue catalogue = requireEditable(campaignId, unitCode);
        List<InputError> errors = new ArrayList<>();
        drafts.forEach((code, draft) -> check(catalogue, code, draft, errors));
        newFiles.forEach(file -> check(catalogue, file, errors));
        if (newFiles.isEmpty()) {
            errors.add(InputError.field("file", "请选择要上传的文件（不能为空文件）"));
        }
        if (!errors.isEmpty()) {
            throw new BadInputException("附件未上传，草稿未保存", errors);
        }
        write(campaignId, unitCode, drafts, actor);
        return newFiles.stream().map(file -> attach(campaignId, unitCode, file, actor)).toList();
    }

    /** Writes drafts already checked; refuses all of them on a conflict (see {@link #saveDraft}). */
    private void write(Long campaignId, String unitCode, Map<String, Draft> drafts, String actor) {
        Map<String, SelfCheckEntry> existing = stored(campaignId, unitCode);
        List<InputError> conflicts = conflicts(existing, drafts);
        if (!conflicts.isEmpty()) {
            throw new EditConflictException(conflicts);
        }
        List<SelfCheckEntry> changed = new ArrayList<>();
        drafts.forEach((code, typed) -> {
            Draft draft = typed.normalized();
            SelfCheckEntry entry = existing.get(code);
            if (entry != null && entry.holds(draft.completion(), draft.evidenceLinks(), draft.notInvolved())) {
                return;
            }
            if (entry == null) {
                entry = new SelfCheckEntry(campaignId, unitCode, code);
            }
            entry.update(draft.completion(), draft.evidenceLinks(), draft.notInvolved(), actor, clock.instant());
            changed.add(entry);
        });
        try {
            entries.saveAll(changed);
            entries.flush();
        } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
            // The other save committed first: its entry now holds the key (an insert) or a newer version (an update).
            throw new EditConflictException(List.of());
        }
    }

    /**
     * The indicators of {@code drafts} that someone changed since the drafts were loaded, each with who changed
     * it and when; a draft without a loaded version, or one that says what is stored, never conflicts.
     */
    @Transactional(readOnly = true)
    public List<InputError> conflicts(Long campaignId, String unitCode, Map<String, Draft> drafts) {
        return conflicts(stored(campaignId, unitCode), drafts);
    }

    private List<InputError> conflicts(Map<String, SelfCheckEntry> stored, Map<String, Draft> drafts) {
        List<InputError> conflicts = new ArrayList<>();
        drafts.forEach((code, typed) -> {
            Draft draft = typed.normalized();
            SelfCheckEntry entry = stored.get(code);
            long current = entry == null ? 0 : entry.getVersion();
            if (draft.loadedVersion() == null || draft.loadedVersion() == current) {
                return;
            }
            if (entry == null) {
                // loaded at a version that no longer exists: entries are not deleted, so the page is not this one's
                conflicts.add(new InputError(code, "completion", COMPLETION, "页面已过期"));
            } else if (!entry.holds(draft.completion(), draft.evidenceLinks(), draft.notInvolved())) {
                conflicts.add(new InputError(code, "completion", COMPLETION, "已由 " + entry.getUpdatedBy() + " 于 "
                        + time.format(entry.getUpdatedAt()) + " 修改"));
            }
        });
        return conflicts;
    }

    private void check(Catalogue catalogue, String code, Draft draft, List<InputError> errors) {
        Indicator indicator = catalogue.indicator(code).orElse(null);
        if (indicator == null) {
            errors.add(new InputError(code, null, "指标目录中没有该指标"));
            return;
        }
        if (draft.notInvolved() && !indicator.notInvolvedAllowed()) {
            errors.add(new InputError(code, "notInvolved", NOT_INVOLVED, "该指标不适用“不涉及此项工作”"));
        }
        String completion = blankToNull(draft.completion());
        if (completion != null && completion.length() > LIMITS.completionChars()) {
            errors.add(new InputError(code, "completion", COMPLETION, "完成情况最多" + LIMITS.completionChars() + "字，现有"
                    + completion.length() + "字"));
        }
        if (TypedText.hasControlCharacters(completion)) {
            errors.add(new InputError(code, "completion", COMPLETION, "完成情况含有控制字符，请删除后再保存"));
        }
        String links = blankToNull(draft.evidenceLinks());
        if (links == null) {
            return;
        }
        if (TypedText.hasControlCharacters(links)) {
            errors.add(new InputError(code, "evidenceLinks", EVIDENCE_LINKS, "证明链接含有控制字符，请删除后再保存"));
        }
        if (links.length() > LIMITS.linksChars()) {
            errors.add(new InputError(code, "evidenceLinks", EVIDENCE_LINKS, "证明链接合计最多" + LIMITS.linksChars() + "字，现有"
                    + links.length() + "字"));
        }
        List<String> lines = links.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (lines.size() > LIMITS.links()) {
            errors.add(new InputError(code, "evidenceLinks", EVIDENCE_LINKS, "证明链接最多" + LIMITS.links() + "条，现有" + lines.size() + "条"));
        }
        for (String line : lines) {
            String[] parts = line.split("\\s+", 2);
            String url = parts[0];
            if (url.length() > LIMITS.urlChars()) {
                errors.add(new InputError(code, "evidenceLinks", EVIDENCE_LINKS, "证明链接的网址最多" + LIMITS.urlChars() + "个字符，现有"
                        + url.length() + "个：" + abbreviated(url)));
            } else if (!isWebLink(url)) {
                errors.add(new InputError(code, "evidenceLinks", EVIDENCE_LINKS, "证明链接须为以 http:// 或 https:// 开头的网址："
                        + abbreviated(url)));
            }
            if (parts.length > 1 && parts[1].strip().length() > LIMITS.keywordChars()) {
                errors.add(new InputError(code, "evidenceLinks", EVIDENCE_LINKS, "证明链接后的关键词最多" + LIMITS.keywordChars()
                        + "字，现有" + parts[1].strip().length() + "字：" + abbreviated(parts[1].strip())));
            }
        }
    }

    /**
     * The self-check's rules for evidence applied to another stage's evidence on one indicator (a unit's objection
     * in the feedback window): the links as the self-check takes them, and each file's type, size and name.
     */
    public List<InputError> evidenceProblems(Catalogue catalogue, String indicatorCode, String evidenceLinks,
                                             List<NewFile> newFiles) {
        List<InputError> errors = new ArrayList<>();
        check(catalogue, indicatorCode, new Draft(null, evidenceLinks, false), errors);
        for (NewFile file : newFiles) {
            check(catalogue, file, errors);
        }
        return errors;
    }

    private static String abbreviated(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
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

    /** Attaches a file to an indicator. */
    public EvidenceFileInfo upload(Long campaignId, String unitCode, String indicatorCode, String fileName,
                                   String contentType, byte[] content, String actor) {
        Catalogue catalogue = requireEditable(campaignId, unitCode);
        NewFile file = new NewFile(indicatorCode, fileName, contentType, content);
        List<InputError> errors = new ArrayList<>();
        check(catalogue, file, errors);
        if (!errors.isEmpty()) {
            throw new BadInputException("附件未上传", errors);
        }
        return attach(campaignId, unitCode, file, actor);
    }

    private void check(Catalogue catalogue, NewFile file, List<InputError> errors) {
        String indicatorCode = file.indicatorCode();
        if (catalogue.indicator(indicatorCode).isEmpty()) {
            errors.add(new InputError(indicatorCode, null, "指标目录中没有该指标"));
        }
        errors.addAll(fileRefusals(indicatorCode, fileName(file), file.content()));
    }

    /**
     * What is wrong with an evidence file under the self-check's rules (empty, type, size, name length), naming the
     * indicator; empty when it may be kept. Rectification reports take their files under the same rules.
     */
    public static List<InputError> fileRefusals(String indicatorCode, String fileName, byte[] content) {
        List<InputError> errors = new ArrayList<>();
        String name = fileName == null ? "" : fileName.strip();
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (name.isEmpty() || content == null || content.length == 0) {
            errors.add(new InputError(indicatorCode, "file", FILE, "请选择要上传的文件（不能为空文件）"));
        } else if (!FILE_TYPES.contains(extension)) {
            errors.add(new InputError(indicatorCode, "file", FILE, "不支持的文件类型 ." + extension + "，可上传：" + FILE_TYPES));
        } else if (content.length > MAX_FILE_BYTES) {
            errors.add(new InputError(indicatorCode, "file", FILE, "文件过大（" + content.length / 1024 / 1024
                    + "MB），单个文件不超过10MB"));
        } else if (name.length() > 200) {
            errors.add(new InputError(indicatorCode, "file", FILE, "文件名过长"));
        } else if (name.chars().anyMatch(Character::isISOControl)) {
            // no real file is named so; PostgreSQL cannot even store a NUL in text (the upload failed with a 500)
            errors.add(new InputError(indicatorCode, "file", FILE, "文件名含有控制字符，请重命名后再上传"));
        }
        return errors;
    }

    /** The longest type stored with a file (the narrowest column, the self-check's, holds 128). */
    static final int MAX_STORED_TYPE = 100;

    /**
     * The type stored with an evidence file, from the type its upload declared: only its {@code type/subtype} as
     * Spring parses it, else (none, unreadable, or longer than any real one) {@code application/octet-stream}. The
     * declared type is the client's claim and decides nothing: every download is sent as an octet stream.
     * Without this an upload declaring a type longer than the column (a part's headers may hold 2 KB) failed in
     * the database with a 500 instead of being saved.
     */
    public static String storedContentType(String declared) {
        if (declared != null && !declared.isBlank()) {
            try {
                MediaType type = MediaType.parseMediaType(declared);
                String plain = type.getType() + "/" + type.getSubtype();
                if (!type.isWildcardType() && !type.isWildcardSubtype() && plain.length() <= MAX_STORED_TYPE) {
                    return plain.toLowerCase(Locale.ROOT);
                }
            } catch (InvalidMediaTypeException unreadable) {
                // as none declared
            }
        }
        return MediaType.APPLICATION_OCTET_STREAM_VALUE;
    }

    private EvidenceFileInfo attach(Long campaignId, String unitCode, NewFile file, String actor) {
        String name = fileName(file);
        EvidenceFile saved = files.save(new EvidenceFile(campaignId, unitCode, file.indicatorCode(), name,
                storedContentType(file.contentType()), file.content(), actor, clock.instant()));
        return new EvidenceFileInfo(saved.getId(), file.indicatorCode(), name, saved.getSizeBytes(), actor,
                saved.getUploadedAt());
    }

    private static String fileName(NewFile file) {
        return file.fileName() == null ? "" : file.fileName().strip();
    }

    public void deleteFile(Long campaignId, String unitCode, Long fileId) {
        EvidenceFile file = file(campaignId, unitCode, fileId);
        requireEditable(campaignId, unitCode);
        files.delete(file);
    }

    /** What the unit still has to fill in before it can submit, indicator by indicator. */
    @Transactional(readOnly = true)
    public List<InputError> missing(Long campaignId, String unitCode) {
        Catalogue catalogue = catalogue(campaignId);
        Map<String, SelfCheckAnswer> byCode = entries(campaignId, unitCode);
        Set<String> withFiles = new HashSet<>();
        files(campaignId, unitCode).forEach(f -> withFiles.add(f.indicatorCode()));
        List<InputError> missing = new ArrayList<>();
        for (Indicator indicator : catalogue.indicators()) {
            SelfCheckAnswer entry = byCode.get(indicator.code());
            if (entry != null && entry.notInvolved()) {
                continue;
            }
            if (entry == null || entry.completion() == null) {
                missing.add(new InputError(indicator.code(), "completion", COMPLETION, "未填写完成情况（" + indicator.name() + "）"));
            } else if (entry.links().isEmpty() && !withFiles.contains(indicator.code())) {
                missing.add(new InputError(indicator.code(), "evidenceLinks", EVIDENCE_LINKS,
                        "未提供证明链接或附件（" + indicator.name() + "）"));
            }
        }
        return missing;
    }

    /** The refusal of a submission while {@link #missing} lists something: how much, then each indicator. */
    public static BadInputException incomplete(List<InputError> missing) {
        return new BadInputException("自查尚未填写完整，不能提交。尚有 " + missing.size() + " 项未填写完整", missing);
    }

    /** Submits the self-check, or refuses with everything still missing. */
    public void submit(Long campaignId, String unitCode, String actor) {
        requireEditable(campaignId, unitCode);
        List<InputError> missing = missing(campaignId, unitCode);
        if (!missing.isEmpty()) {
            throw incomplete(missing);
        }
        events.publishEvent(new SelfCheckSubmitted(campaignId, unitCode, actor));
    }

    private Catalogue requireEditable(Long campaignId, String unitCode) {
        CampaignInfo campaign = campaigns.get(campaignId);
        campaigns.requireOpen(campaign);
        UnitParticipation unit = campaigns.unit(campaignId, unitCode);
        if (unit.status() != UnitParticipation.Status.PENDING) {
            throw new BadInputException("自查不能再修改", InputError.field("unitCode", "自查状态",
                    "本单位自查状态为“" + unit.status().label() + "”，不能再修改"));
        }
        return catalogues.forYear(campaign.catalogueYear()).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Catalogue catalogue(Long campaignId) {
        return catalogues.forYear(campaigns.get(campaignId).catalogueYear()).orElseThrow();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
