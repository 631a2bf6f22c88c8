package cn.huangpu.assessment.verification;

import cn.huangpu.assessment.audit.AuditLog;
import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.UnitParticipation;
import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.catalogue.Catalogues;
import cn.huangpu.assessment.catalogue.Indicator;
import cn.huangpu.assessment.directory.ReferenceData;
import cn.huangpu.assessment.notification.Notification;
import cn.huangpu.assessment.notification.NotificationService;
import cn.huangpu.assessment.security.Groups;
import cn.huangpu.assessment.selfcheck.SelfCheckAnswer;
import cn.huangpu.assessment.selfcheck.SelfCheckService;
import cn.huangpu.assessment.verification.ClaimChangeRequest.Status;
import cn.huangpu.assessment.verification.internal.ClaimChange;
import cn.huangpu.assessment.verification.internal.ClaimChangeRepository;
import cn.huangpu.assessment.verification.internal.Finding;
import cn.huangpu.assessment.verification.internal.FindingRepository;
import cn.huangpu.assessment.verification.internal.NotInvolvedDecision;
import cn.huangpu.assessment.verification.internal.NotInvolvedDecisionRepository;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.InputError;
import cn.huangpu.assessment.web.NotFoundException;
import cn.huangpu.assessment.web.TypedText;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 不涉及 after submission (issue 20, part 5). During verification the office grants a unit 不涉及 on an indicator
 * whose catalogue entry allows it, with a reason. A unit that submitted asks the office, with a reason, to change
 * its claim on such an indicator (to claim 不涉及, or to withdraw its claim); the office grants or refuses each
 * request with a reason, and the unit is notified. A granted change is a ruling, one in force per indicator,
 * which decides the claim over the self-check's box (and over a “不涉及”不成立 finding, which a grant removes), so
 * that the scoring prices it. Every step is audited in the caller's transaction.
 */
@Service
@Transactional
public class NotInvolvedService {

    /** The most characters of a reason: the sheet cites the office's reason in one line of evidence. */
    static final int MAX_REASON = 300;

    private final NotInvolvedDecisionRepository rulings;
    private final ClaimChangeRepository requests;
    private final FindingRepository findings;
    private final CampaignService campaigns;
    private final SelfCheckService selfChecks;
    private final Catalogues catalogues;
    private final ReferenceData referenceData;
    private final AuditLog audit;
    private final NotificationService notifications;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    NotInvolvedService(NotInvolvedDecisionRepository rulings, ClaimChangeRepository requests, FindingRepository findings,
                       CampaignService campaigns, SelfCheckService selfChecks, Catalogues catalogues,
                       ReferenceData referenceData, AuditLog audit, NotificationService notifications, Clock clock,
                       ApplicationEventPublisher events) {
        this.events = events;
        this.rulings = rulings;
        this.requests = requests;
        this.findings = findings;
        this.campaigns = campaigns;
        this.selfChecks = selfChecks;
        this.catalogues = catalogues;
        this.referenceData = referenceData;
        this.audit = audit;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** The unit's claims on every indicator of the catalogue that allows 不涉及, in catalogue order. */
    @Transactional(readOnly = true)
    public Map<String, NotInvolvedClaim> claims(Long campaignId, String unitCode) {
        Catalogue catalogue = catalogue(campaignId);
        Map<String, SelfCheckAnswer> entries = selfChecks.entries(campaignId, unitCode);
        Set<String> rejected = new TreeSet<>();
        findings.findByCampaignIdAndUnitCodeOrderById(campaignId, unitCode).stream()
                .filter(f -> f.getKind() == FindingKind.NOT_INVOLVED_REJECTED).forEach(f -> rejected.add(f.getIndicatorCode()));
        Map<String, NotInvolvedRuling> ruled = rulings(campaignId, unitCode);
        Map<String, NotInvolvedClaim> claims = new LinkedHashMap<>();
        for (Indicator indicator : catalogue.indicators()) {
            if (indicator.notInvolvedAllowed()) {
                SelfCheckAnswer entry = entries.get(indicator.code());
                claims.put(indicator.code(), new NotInvolvedClaim(indicator.code(), entry != null && entry.notInvolved(),
                        rejected.contains(indicator.code()), ruled.get(indicator.code())));
            }
        }
        return claims;
    }

    /** The office's rulings in force for one unit, by indicator. */
    @Transactional(readOnly = true)
    public Map<String, NotInvolvedRuling> rulings(Long campaignId, String unitCode) {
        Map<String, NotInvolvedRuling> byIndicator = new LinkedHashMap<>();
        rulings.findByCampaignIdAndUnitCodeOrderByIndicatorCode(campaignId, unitCode)
                .forEach(r -> byIndicator.put(r.getIndicatorCode(), ruling(r)));
        return byIndicator;
    }

    /** The office's rulings in force for every unit of a campaign (one read), by unit and indicator. */
    @Transactional(readOnly = true)
    public Map<String, Map<String, NotInvolvedRuling>> allRulings(Long campaignId) {
        Map<String, Map<String, NotInvolvedRuling>> byUnit = new HashMap<>();
        rulings.findByCampaignId(campaignId).forEach(r ->
                byUnit.computeIfAbsent(r.getUnitCode(), u -> new HashMap<>()).put(r.getIndicatorCode(), ruling(r)));
        return byUnit;
    }

    /** The unit's requests, newest first. */
    @Transactional(readOnly = true)
    public List<ClaimChangeRequest> requests(Long campaignId, String unitCode) {
        return requests.findByCampaignIdAndUnitCodeOrderByIdDesc(campaignId, unitCode).stream()
                .map(NotInvolvedService::request).toList();
    }

    /**
     * The unit asks for its claim on one indicator to be changed: to 不涉及 where it is priced as involved, else
     * back to involved. Only after it submitted (before, it changes its self-check itself), while the results are
     * open, on an indicator that allows 不涉及, with a reason, and one open request per indicator at a time.
     */
    public ClaimChangeRequest file(Long campaignId, String unitCode, String indicatorCode, String reason, String actor) {
        CampaignInfo campaign = openCampaign(campaignId, unitCode);
        // one request of the unit at a time: two sent at once would both find no open request on the indicator
        campaigns.lockUnit(campaignId, unitCode);
        List<InputError> errors = new ArrayList<>();
        Indicator indicator = allowing(campaign, indicatorCode, errors);
        if (campaigns.unit(campaignId, unitCode).status() == UnitParticipation.Status.PENDING) {
            errors.add(new InputError(indicator == null ? null : indicator.code(), "indicatorCode", "指标",
                    "本单位尚未提交自查：提交前请直接在自查中勾选或取消“不涉及此项工作”"));
        }
        if (indicator != null && requests(campaignId, unitCode).stream()
                .anyMatch(r -> r.isOpen() && r.indicatorCode().equals(indicator.code()))) {
            errors.add(new InputError(indicator.code(), "indicatorCode", "指标", "本单位对该指标已有待区政府办公室办理的更改申请，请等待办理结果"));
        }
        String why = reason(reason, "申请更改的理由", errors, indicator == null ? null : indicator.code());
        if (!errors.isEmpty()) {
            throw new BadInputException("更改申请未提交", errors);
        }
        NotInvolvedClaim claim = claims(campaignId, unitCode).get(indicator.code());
        boolean asked = !claim.notInvolved();
        ClaimChange saved = requests.save(new ClaimChange(campaignId, unitCode, indicator.code(), asked, why, actor,
                clock.instant()));
        audit.record(campaignId, subject(unitCode, indicator.code()), "REQUEST", claim.label(),
                "申请" + ClaimChangeRequest.asked(asked), why, actor);
        notifications.notify(campaignId, Groups.COORDINATOR, Notification.Kind.CLAIM_CHANGE,
                referenceData.unitName(unitCode) + "申请更改指标 " + named(indicator) + " 的“不涉及”申报："
                        + ClaimChangeRequest.asked(asked) + "。理由：" + why,
                "claim-change-" + saved.getId() + "-filed",
                Notification.Link.page("/app/verification/" + campaignId + "/" + unitCode + "#claim-changes"));
        return request(saved);
    }

    /**
     * The office grants 不涉及 on its own finding: on an indicator that allows it, of a unit that submitted, not
     * yet priced as not involved, with a reason. A request of the unit's on the indicator is answered instead
     * ({@link #answer}). A “不涉及”不成立 recorded on the indicator is removed with the grant.
     */
    public NotInvolvedRuling grant(Long campaignId, String unitCode, String indicatorCode, String reason, String actor) {
        CampaignInfo campaign = openCampaign(campaignId, unitCode);
        List<InputError> errors = new ArrayList<>();
        Indicator indicator = allowing(campaign, indicatorCode, errors);
        if (campaigns.unit(campaignId, unitCode).status() == UnitParticipation.Status.PENDING) {
            errors.add(new InputError(indicator == null ? null : indicator.code(), "indicatorCode", "指标",
                    "单位尚未提交自查：提交前“不涉及”由单位在自查中申报"));
        } else if (indicator != null) {
            NotInvolvedClaim claim = claims(campaignId, unitCode).get(indicator.code());
            if (claim.notInvolved()) {
                errors.add(new InputError(indicator.code(), "indicatorCode", "指标",
                        "该指标已按“不涉及”计分（" + claim.label() + "），无需再认定"));
            } else if (requests(campaignId, unitCode).stream()
                    .anyMatch(r -> r.isOpen() && r.indicatorCode().equals(indicator.code()))) {
                errors.add(new InputError(indicator.code(), "indicatorCode", "指标",
                        "单位对该指标有待办理的更改申请，请在“单位的更改申请”中办理"));
            }
        }
        String why = reason(reason, "认定“不涉及”的理由", errors, indicator == null ? null : indicator.code());
        if (!errors.isEmpty()) {
            throw new BadInputException("“不涉及”认定未保存", errors);
        }
        NotInvolvedRuling ruling = rule(campaignId, unitCode, indicator.code(), true, why, null, "GRANT", actor);
        notifications.notify(campaignId, Groups.unit(unitCode), Notification.Kind.CLAIM_CHANGE,
                "区政府办公室认定" + referenceData.unitName(unitCode) + "指标 " + named(indicator)
                        + " 不涉及此项工作，按“不涉及”计分。理由：" + why,
                "not-involved-ruling-" + ruling.id() + "-granted", unitPage(campaignId, unitCode));
        return ruling;
    }

    /** The office answers a unit's open request: granted (the ruling it asked for) or refused, with a reason. */
    public ClaimChangeRequest answer(Long campaignId, String unitCode, Long requestId, Boolean grant, String reason,
                                     String actor) {
        openCampaign(campaignId, unitCode);
        ClaimChange request = requests.lockById(requestId)
                .filter(r -> r.getCampaignId().equals(campaignId) && r.getUnitCode().equals(unitCode))
                .orElseThrow(() -> new NotFoundException("claim change " + requestId + " of " + unitCode + " in " + campaignId));
        List<InputError> errors = new ArrayList<>();
        String code = request.getIndicatorCode();
        if (request.getStatus() != Status.OPEN) {
            errors.add(new InputError(code, "requestId", "更改申请", "该申请已办理（" + request.getStatus().label() + "），不能再次办理"));
        }
        if (grant == null) {
            errors.add(new InputError(code, "decision", "办理结果", "办理结果须为“同意”或“不同意”"));
        }
        String why = reason(reason, "办理的理由", errors, code);
        if (!errors.isEmpty()) {
            throw new BadInputException("更改申请未办理", errors);
        }
        NotInvolvedClaim claim = claims(campaignId, unitCode).get(code);
        if (grant) {
            rule(campaignId, unitCode, code, request.isNotInvolved(), why, request.getId(), "GRANT_REQUEST", actor);
            if (claim != null && claim.notInvolved() && !request.isNotInvolved()) {
                // the withdrawn claim is priced as involved again: its owners are asked for the inputs (补录)
                events.publishEvent(new NotInvolvedRejected(campaignId, unitCode, code, actor, true));
            }
        } else {
            audit.record(campaignId, subject(unitCode, code), "REFUSE_REQUEST", claim == null ? null : claim.label(),
                    "不同意" + ClaimChangeRequest.asked(request.isNotInvolved()), why, actor);
        }
        request.rule(grant, why, actor, clock.instant());
        Indicator indicator = catalogue(campaignId).indicator(code).orElseThrow();
        notifications.notify(campaignId, Groups.unit(unitCode), Notification.Kind.CLAIM_CHANGE,
                "区政府办公室" + (grant ? "同意" : "不同意") + referenceData.unitName(unitCode) + "关于指标 " + named(indicator)
                        + " 的更改申请（" + ClaimChangeRequest.asked(request.isNotInvolved()) + "）。理由：" + why,
                "claim-change-" + request.getId() + "-answered", unitPage(campaignId, unitCode));
        return request(request);
    }

    /** The office takes back a ruling, with a reason: the self-check's claim (and any finding) decides again. */
    public void revoke(Long campaignId, String unitCode, Long rulingId, String reason, String actor) {
        openCampaign(campaignId, unitCode);
        NotInvolvedDecision decision = rulings.findById(rulingId)
                .filter(r -> r.getCampaignId().equals(campaignId) && r.getUnitCode().equals(unitCode))
                .orElseThrow(() -> new NotFoundException("not-involved ruling " + rulingId + " of " + unitCode + " in " + campaignId));
        List<InputError> errors = new ArrayList<>();
        String why = reason(reason, "撤销认定的理由", errors, decision.getIndicatorCode());
        if (!errors.isEmpty()) {
            throw new BadInputException("认定未撤销", errors);
        }
        String code = decision.getIndicatorCode();
        NotInvolvedClaim before = claims(campaignId, unitCode).get(code);
        rulings.delete(decision);
        rulings.flush();
        NotInvolvedClaim after = claims(campaignId, unitCode).get(code);
        audit.record(campaignId, subject(unitCode, code), "REVOKE", before == null ? null : before.label(),
                after == null ? null : after.label(), why, actor);
        Indicator indicator = catalogue(campaignId).indicator(code).orElseThrow();
        notifications.notify(campaignId, Groups.unit(unitCode), Notification.Kind.CLAIM_CHANGE,
                "区政府办公室撤销了对" + referenceData.unitName(unitCode) + "指标 " + named(indicator) + " 的“"
                        + ruling(decision).label() + "”。理由：" + why,
                "not-involved-ruling-" + rulingId + "-revoked", unitPage(campaignId, unitCode));
    }

    /**
     * Puts a ruling in force in place of any before it, audited as {@code action}. A grant of 不涉及 also removes
     * the “不涉及”不成立 recorded on the indicator, each removal audited: the office has decided otherwise.
     */
    private NotInvolvedRuling rule(Long campaignId, String unitCode, String code, boolean notInvolved, String reason,
                                   Long requestId, String action, String actor) {
        NotInvolvedClaim before = claims(campaignId, unitCode).get(code);
        rulings.findByCampaignIdAndUnitCodeAndIndicatorCode(campaignId, unitCode, code).ifPresent(old -> {
            rulings.delete(old);
            rulings.flush();
        });
        if (notInvolved) {
            for (Finding rejection : findings.findByCampaignIdAndUnitCodeOrderById(campaignId, unitCode)) {
                if (rejection.getKind() == FindingKind.NOT_INVOLVED_REJECTED && rejection.getIndicatorCode().equals(code)) {
                    audit.record(campaignId, "finding " + unitCode + " " + code, "REMOVE",
                            VerificationService.recorded(rejection).toString(), null, "区政府办公室认定不涉及：" + reason, actor);
                    findings.delete(rejection);
                }
            }
        }
        NotInvolvedRuling ruling = ruling(rulings.save(new NotInvolvedDecision(campaignId, unitCode, code, notInvolved,
                reason, requestId, actor, clock.instant())));
        audit.record(campaignId, subject(unitCode, code), action, before == null ? null : before.label(),
                notInvolved ? "不涉及（区政府办公室认定）" : "涉及（单位已撤回“不涉及”）", reason, actor);
        return ruling;
    }

    private CampaignInfo openCampaign(Long campaignId, String unitCode) {
        CampaignInfo campaign = campaigns.get(campaignId);
        campaigns.unit(campaignId, unitCode);
        campaigns.requireOpen(campaign);
        return campaign;
    }

    /** The indicator, if the catalogue has it and allows 不涉及; else null with the reason added. */
    private Indicator allowing(CampaignInfo campaign, String indicatorCode, List<InputError> errors) {
        Indicator indicator = indicatorCode == null ? null
                : catalogues.forYear(campaign.catalogueYear()).orElseThrow().indicator(indicatorCode.strip()).orElse(null);
        if (indicator == null) {
            errors.add(new InputError(null, "indicatorCode", "指标", VerificationService.unknownIndicator(indicatorCode)));
            return null;
        }
        if (!indicator.notInvolvedAllowed()) {
            errors.add(new InputError(indicator.code(), "indicatorCode", "指标", "指标 " + named(indicator)
                    + " 不适用“不涉及此项工作”：指标目录未规定该指标不涉及时的计分"));
            return null;
        }
        return indicator;
    }

    /** The reason, stripped, or null with the refusal added: required, and short enough to be cited in one line. */
    private static String reason(String reason, String what, List<InputError> errors, String indicatorCode) {
        if (reason == null || reason.isBlank()) {
            errors.add(new InputError(indicatorCode, "reason", "理由", "理由为必填项，请写明" + what));
            return null;
        }
        String stripped = reason.strip();
        if (stripped.length() > MAX_REASON) {
            errors.add(new InputError(indicatorCode, "reason", "理由", "理由不能超过" + MAX_REASON + "字，收到 "
                    + stripped.length() + " 字"));
            return null;
        }
        if (TypedText.hasControlCharacters(stripped)) {
            errors.add(new InputError(indicatorCode, "reason", "理由", "理由含有控制字符，请删除后再保存"));
            return null;
        }
        return stripped;
    }

    private Catalogue catalogue(Long campaignId) {
        return catalogues.forYear(campaigns.get(campaignId).catalogueYear()).orElseThrow();
    }

    private static Notification.Link unitPage(Long campaignId, String unitCode) {
        return Notification.Link.page("/app/claim-changes/" + campaignId + "/" + unitCode);
    }

    private static String named(Indicator indicator) {
        return indicator.code() + " " + indicator.name();
    }

    /** The audit trail's subject of a unit's claim on an indicator (audit/AuditSubject: {@code not_involved}). */
    private static String subject(String unitCode, String indicatorCode) {
        return "not_involved " + unitCode + " " + indicatorCode;
    }

    private static NotInvolvedRuling ruling(NotInvolvedDecision r) {
        return new NotInvolvedRuling(r.getId(), r.getUnitCode(), r.getIndicatorCode(), r.isNotInvolved(), r.getReason(),
                r.getRequestId(), r.getDecidedBy(), r.getDecidedAt());
    }

    private static ClaimChangeRequest request(ClaimChange c) {
        return new ClaimChangeRequest(c.getId(), c.getUnitCode(), c.getIndicatorCode(), c.isNotInvolved(), c.getReason(),
                c.getRequestedBy(), c.getRequestedAt(), c.getStatus(), c.getRulingReason(), c.getRuledBy(), c.getRuledAt());
    }
}
