package cn.huangpu.assessment.verification;

import cn.huangpu.assessment.audit.AuditLog;
import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.UnitParticipation;
import cn.huangpu.assessment.campaign.progress.SelfCheckVerified;
import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.catalogue.Catalogues;
import cn.huangpu.assessment.catalogue.Indicator;
import cn.huangpu.assessment.catalogue.Input;
import cn.huangpu.assessment.scoring.NumberRules;
import cn.huangpu.assessment.selfcheck.SelfCheckAnswer;
import cn.huangpu.assessment.selfcheck.SelfCheckService;
import cn.huangpu.assessment.verification.internal.Finding;
import cn.huangpu.assessment.verification.internal.FindingRepository;
import cn.huangpu.assessment.verification.internal.NotInvolvedDecisionRepository;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.InputError;
import cn.huangpu.assessment.web.NotFoundException;
import cn.huangpu.assessment.web.TypedText;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records and removes the office's verification findings; each change is audited. */
@Service
@Transactional
public class VerificationService {

    private final FindingRepository findings;
    private final CampaignService campaigns;
    private final SelfCheckService selfChecks;
    private final Catalogues catalogues;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final NotInvolvedDecisionRepository rulings;

    VerificationService(FindingRepository findings, CampaignService campaigns, SelfCheckService selfChecks,
                        Catalogues catalogues, AuditLog audit, Clock clock, ApplicationEventPublisher events,
                        NotInvolvedDecisionRepository rulings) {
        this.findings = findings;
        this.rulings = rulings;
        this.campaigns = campaigns;
        this.selfChecks = selfChecks;
        this.catalogues = catalogues;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    /** The most lines a note may list, one item a line. */
    static final int MAX_LINES = 1000;

    /** The most characters of a note, a list of items included. */
    static final int MAX_NOTE_LENGTH = 20_000;

    /**
     * A finding as the office enters it. {@code inputName} is null only for a rejected "not involved" claim.
     *
     * @param count how many items it stands for, as typed (a positive whole number); null or blank: as many as the
     *              note's non-empty lines, one item a line
     */
    public record NewFinding(String indicatorCode, String inputName, FindingKind kind, String note, String url,
                             String count) {

        /** A finding of one item, or of as many as its note lists line by line. */
        public NewFinding(String indicatorCode, String inputName, FindingKind kind, String note, String url) {
            this(indicatorCode, inputName, kind, note, url, null);
        }
    }

    public RecordedFinding record(Long campaignId, String unitCode, NewFinding request, String actor) {
        CampaignInfo campaign = campaigns.get(campaignId);
        campaigns.requireOpen(campaign);
        campaigns.unit(campaignId, unitCode);
        Catalogue catalogue = catalogues.forYear(campaign.catalogueYear()).orElseThrow();
        List<InputError> errors = new ArrayList<>();
        Indicator indicator = catalogue.indicator(request.indicatorCode()).orElse(null);
        // an errors' indicator is one of the catalogue's: a typed code that is none is quoted cut, never in full
        String code = indicator == null ? null : indicator.code();
        if (indicator == null) {
            errors.add(new InputError(null, "indicatorCode", "指标", unknownIndicator(request.indicatorCode())));
        } else if (request.kind() == null) {
            errors.add(new InputError(code, "kind", "问题类型", "问题类型为必选项，请选择问题类型"));
        } else if (request.kind() == FindingKind.NOT_INVOLVED_REJECTED) {
            if (!notInvolvedClaims(campaignId, unitCode).contains(indicator.code())) {
                boolean submitted = campaigns.unit(campaignId, unitCode).status() != UnitParticipation.Status.PENDING;
                errors.add(new InputError(indicator.code(), "kind", "问题类型", "问题类型“" + FindingKind.NOT_INVOLVED_REJECTED.label()
                        + "”只能用于单位在已提交的自查中申报了“不涉及”的指标：" + (submitted
                        ? "单位在指标 " + indicator.code() + " " + indicator.name() + " 中没有申报“不涉及”"
                        + (indicator.notInvolvedAllowed() ? "" : "（该指标也不允许申报“不涉及”）")
                        : "单位尚未提交自查，指标 " + indicator.code() + " " + indicator.name() + " 的“不涉及”尚未申报")));
            }
        } else if (indicator.findingInputs().stream().noneMatch(in -> in.name().equals(request.inputName()))) {
            errors.add(new InputError(code, "inputName", "扣分项", indicator.findingInputs().isEmpty()
                    ? "该指标不按网上核查问题扣分，请在综合评估中录入"
                    : "扣分项为必选项，请选择问题计入的扣分项：" + indicator.findingInputs().stream().map(i -> i.label()).toList()));
        }
        List<String> items = RecordedFinding.lines(request.note());
        if (request.note() == null || request.note().isBlank()) {
            errors.add(new InputError(code, "note", "问题说明", "问题说明为必填项，请写明发现的问题"));
        } else if (request.note().length() > MAX_NOTE_LENGTH) {
            errors.add(new InputError(code, "note", "问题说明", "问题说明不能超过" + MAX_NOTE_LENGTH
                    + "字，收到 " + request.note().length() + " 字"));
        } else if (TypedText.hasControlCharacters(request.note())) {
            errors.add(new InputError(code, "note", "问题说明", "问题说明含有控制字符，请删除后再保存"));
        } else if (items.size() > MAX_LINES) {
            errors.add(new InputError(code, "note", "问题说明", "问题说明最多逐行列出" + MAX_LINES
                    + "项，收到 " + items.size() + " 行；更多的问题请分几条记录"));
        }
        Integer count = count(request, indicator, items, campaignId, unitCode, errors);
        if (request.url() != null && request.url().length() > 1000) {
            errors.add(new InputError(code, "url", "问题网址", "问题网址不能超过1000个字符"));
        } else if (TypedText.hasControlCharacters(request.url())) {
            errors.add(new InputError(code, "url", "问题网址", "问题网址含有控制字符，请删除后再保存"));
        }
        if (!errors.isEmpty()) {
            throw new BadInputException("核查问题未保存", errors);
        }
        String input = request.kind() == FindingKind.NOT_INVOLVED_REJECTED ? null : request.inputName();
        RecordedFinding finding = recorded(findings.save(new Finding(campaignId, unitCode, request.indicatorCode(), input,
                request.kind(), request.note().strip(), count,
                request.url() == null || request.url().isBlank() ? null : request.url().strip(), actor, clock.instant())));
        audit.record(campaignId, "finding " + unitCode + " " + request.indicatorCode() + (input == null ? "" : " " + input),
                "ADD", null, finding.toString(), null, actor);
        if (request.kind() == FindingKind.NOT_INVOLVED_REJECTED) {
            events.publishEvent(new NotInvolvedRejected(campaignId, unitCode, request.indicatorCode(), actor));
        }
        return finding;
    }

    /**
     * The number of items a finding stands for, or null with the reason added to {@code errors}. Left empty it
     * is the number of the note's lines, one item a line. A note that lists several lines is exactly that many
     * items, so a typed number must agree with it; a one-line note may state any number of items (共37条未公开),
     * which the office then types. The items of one input together stay within the input's range, so that the
     * facts of the unit can always be priced. A rejected "not involved" claim is one finding of one item.
     */
    private Integer count(NewFinding request, Indicator indicator, List<String> items, Long campaignId, String unitCode,
                          List<InputError> errors) {
        String typed = request.count() == null ? "" : Normalizer.normalize(request.count(), Normalizer.Form.NFKC).strip();
        String code = indicator == null ? null : indicator.code();
        if (request.kind() == FindingKind.NOT_INVOLVED_REJECTED) {
            if (!typed.isEmpty() && !typed.equals("1")) {
                errors.add(new InputError(code, "count", "项数", "“" + FindingKind.NOT_INVOLVED_REJECTED.label()
                        + "”按一项记录，项数须留空或为1，收到“" + NumberRules.shown(typed) + "”"));
                return null;
            }
            return 1;
        }
        if (typed.isEmpty()) {
            return Math.max(1, items.size());
        }
        if (!typed.matches("[0-9]+")) {
            errors.add(new InputError(code, "count", "项数", "项数须为正整数（如 12），收到“" + NumberRules.shown(typed) + "”"));
            return null;
        }
        String digits = typed.replaceFirst("^0+(?=.)", "");
        if (digits.equals("0")) {
            errors.add(new InputError(code, "count", "项数", "项数须为正整数，至少为1，收到“" + NumberRules.shown(typed) + "”"));
            return null;
        }
        Input input = indicator == null ? null : indicator.input(request.inputName()).orElse(null);
        BigDecimal highest = input == null ? NumberRules.DEFAULT_MAX : NumberRules.highest(input);
        BigDecimal recorded = input == null ? BigDecimal.ZERO : BigDecimal.valueOf(findings(campaignId, unitCode).stream()
                .filter(f -> f.indicatorCode().equals(code) && input.name().equals(f.inputName()))
                .mapToLong(RecordedFinding::count).sum());
        BigDecimal room = highest.subtract(recorded);
        if (digits.length() > 10 || new BigDecimal(digits).compareTo(room) > 0) {
            errors.add(new InputError(code, "count", "项数", "项数不能超过" + room.toPlainString()
                    + (recorded.signum() > 0 ? "（该扣分项已记录 " + recorded.toPlainString() + " 项，合计不超过"
                    + highest.toPlainString() + "）" : "") + "，收到 " + NumberRules.shown(digits)));
            return null;
        }
        int count = Integer.parseInt(digits);
        if (items.size() > 1 && count != items.size()) {
            errors.add(new InputError(code, "count", "项数", "问题说明逐行列出了 " + items.size() + " 项，项数须为 "
                    + items.size() + "（留空即按行数计），收到 " + count + "；未逐一列出的问题请另记一条，用一行写明并填写项数"));
            return null;
        }
        return count;
    }

    /**
     * The indicators on which the office can reject the unit's "not involved" claim: those the unit's
     * self-check marks 不涉及 (where the catalogue allows it) once the self-check is submitted, or closed
     * and scored on what exists. A draft's claim may still change, so it cannot be rejected yet. Where the
     * office has ruled on the claim ({@link NotInvolvedService}), the ruling decides, so there is nothing to reject.
     */
    @Transactional(readOnly = true)
    public Set<String> notInvolvedClaims(Long campaignId, String unitCode) {
        if (campaigns.unit(campaignId, unitCode).status() == UnitParticipation.Status.PENDING) {
            return Set.of();
        }
        Catalogue catalogue = catalogues.forYear(campaigns.get(campaignId).catalogueYear()).orElseThrow();
        Set<String> ruled = new TreeSet<>();
        rulings.findByCampaignIdAndUnitCodeOrderByIndicatorCode(campaignId, unitCode)
                .forEach(r -> ruled.add(r.getIndicatorCode()));
        Set<String> claimed = new TreeSet<>();
        for (SelfCheckAnswer entry : selfChecks.entries(campaignId, unitCode).values()) {
            if (entry.notInvolved() && !ruled.contains(entry.indicatorCode())
                    && catalogue.indicator(entry.indicatorCode()).map(Indicator::notInvolvedAllowed).orElse(false)) {
                claimed.add(entry.indicatorCode());
            }
        }
        return claimed;
    }

    /**
     * The indicators on which the office recorded “不涉及”不成立, by unit code: the unit's claim no longer prices them,
     * so their inputs are needed from their owners.
     */
    @Transactional(readOnly = true)
    public Map<String, Set<String>> rejectedClaims(Long campaignId) {
        return findings.findByCampaignIdOrderById(campaignId).stream()
                .filter(f -> f.getKind() == FindingKind.NOT_INVOLVED_REJECTED)
                .collect(Collectors.groupingBy(Finding::getUnitCode, Collectors.mapping(Finding::getIndicatorCode,
                        Collectors.toSet())));
    }

    public void remove(Long campaignId, String unitCode, Long findingId, String actor) {
        campaigns.requireOpen(campaigns.get(campaignId));
        Finding finding = findings.findById(findingId)
                .filter(f -> f.getCampaignId().equals(campaignId) && f.getUnitCode().equals(unitCode))
                .orElseThrow(() -> new NotFoundException("finding " + findingId + " of " + unitCode + " in " + campaignId));
        audit.record(campaignId, "finding " + unitCode + " " + finding.getIndicatorCode(), "REMOVE",
                recorded(finding).toString(), null, null, actor);
        findings.delete(finding);
    }

    @Transactional(readOnly = true)
    public List<RecordedFinding> findings(Long campaignId, String unitCode) {
        return findings.findByCampaignIdAndUnitCodeOrderById(campaignId, unitCode).stream()
                .map(VerificationService::recorded).toList();
    }

    @Transactional(readOnly = true)
    public List<RecordedFinding> allFindings(Long campaignId) {
        return findings.findByCampaignIdOrderById(campaignId).stream().map(VerificationService::recorded).toList();
    }

    static RecordedFinding recorded(Finding finding) {
        return new RecordedFinding(finding.getId(), finding.getUnitCode(), finding.getIndicatorCode(),
                finding.getInputName(), finding.getKind(), finding.getNote(), finding.getCount(), finding.getUrl(),
                finding.getRecordedBy(), finding.getRecordedAt());
    }

    /** The office finished verifying a submitted self-check. */
    public void complete(Long campaignId, String unitCode, String actor) {
        campaigns.requireOpen(campaigns.get(campaignId));
        if (campaigns.unit(campaignId, unitCode).status() != UnitParticipation.Status.SUBMITTED) {
            throw new BadInputException("不能完成核查", InputError.field("unitCode", "自查", "该单位自查尚未提交"));
        }
        events.publishEvent(new SelfCheckVerified(campaignId, unitCode, actor));
    }

    /** The refusal of an indicator code the catalogue does not hold, quoting what was typed cut. */
    static String unknownIndicator(String typed) {
        return typed == null || typed.isBlank() ? "须选择指标" : "指标目录中没有指标“" + TypedText.shown(typed.strip()) + "”";
    }
}
