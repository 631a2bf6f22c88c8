package cn.huangpu.assessment.linkcheck;

import cn.huangpu.assessment.audit.AuditLog;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.catalogue.Catalogues;
import cn.huangpu.assessment.catalogue.Indicator;
import cn.huangpu.assessment.linkcheck.FetchResult.Outcome;
import cn.huangpu.assessment.linkcheck.internal.LinkCheck;
import cn.huangpu.assessment.linkcheck.internal.LinkCheckRepository;
import cn.huangpu.assessment.selfcheck.SelfCheckAnswer;
import cn.huangpu.assessment.selfcheck.SelfCheckService;
import cn.huangpu.assessment.verification.FindingKind;
import cn.huangpu.assessment.verification.RecordedFinding;
import cn.huangpu.assessment.verification.VerificationService;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.DisplayTime;
import cn.huangpu.assessment.web.InputError;
import cn.huangpu.assessment.web.NotFoundException;
import cn.huangpu.assessment.web.TypedText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the checks of a campaign's evidence links: queues them when a unit submits (no network work
 * in the process's transaction), hands due ones to the checker, records results with retries for
 * technical failures, and turns a proposal the verifier accepts into a verification finding.
 */
@Service
@Transactional
public class LinkCheckService {

    /** A check claimed by a node that then died is claimed again after this long. */
    static final Duration STALE_CLAIM = Duration.ofMinutes(10);

    private final LinkCheckRepository checks;
    private final SelfCheckService selfChecks;
    private final VerificationService verification;
    private final CampaignService campaigns;
    private final Catalogues catalogues;
    private final LinkCheckSettings settings;
    private final AuditLog audit;
    private final Clock clock;
    private final DisplayTime time;

    LinkCheckService(LinkCheckRepository checks, SelfCheckService selfChecks, VerificationService verification,
                     CampaignService campaigns, Catalogues catalogues, LinkCheckSettings settings, AuditLog audit,
                     Clock clock, DisplayTime time) {
        this.checks = checks;
        this.selfChecks = selfChecks;
        this.verification = verification;
        this.campaigns = campaigns;
        this.catalogues = catalogues;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
        this.time = time;
    }

    /** Queues a check of every evidence link of the unit's self-check; an already known link is checked again. */
    public int schedule(Long campaignId, String unitCode) {
        Catalogue catalogue = catalogues.forYear(campaigns.get(campaignId).catalogueYear()).orElseThrow();
        List<LinkCheck> existing = checks.findByCampaignIdAndUnitCodeAndRectificationItemIdIsNullOrderByIndicatorCodeAscIdAsc(campaignId, unitCode);
        int queued = 0;
        for (SelfCheckAnswer entry : selfChecks.entries(campaignId, unitCode).values()) {
            if (entry.notInvolved()) {
                continue;
            }
            String indicatorName = catalogue.indicator(entry.indicatorCode()).map(Indicator::name).orElse(null);
            for (String url : entry.links()) {
                String keyword = entry.keywordFor(url) != null ? entry.keywordFor(url) : indicatorName;
                LinkCheck known = existing.stream()
                        .filter(c -> c.getIndicatorCode().equals(entry.indicatorCode()) && c.getUrl().equals(url))
                        .findFirst().orElse(null);
                if (known != null) {
                    known.requeue(clock.instant(), null);
                } else {
                    checks.save(new LinkCheck(campaignId, unitCode, entry.indicatorCode(), url, keyword, clock.instant()));
                }
                queued++;
            }
        }
        return queued;
    }

    /** Claims up to {@code limit} due checks for this node; a check is claimed by one node only. */
    List<LinkCheck> claimDue(int limit) {
        Instant now = clock.instant();
        List<LinkCheck> due = checks.findDue(now, now.minus(STALE_CLAIM), PageRequest.of(0, limit));
        List<LinkCheck> claimed = new ArrayList<>();
        for (LinkCheck check : due) {
            if (checks.claim(check.getId(), now, now.minus(STALE_CLAIM)) == 1) {
                claimed.add(check);
            }
        }
        return claimed;
    }

    /** Records a result; a technical failure is tried again with back-off until the attempts are used. */
    public void record(Long checkId, FetchResult result) {
        LinkCheck check = checks.findById(checkId).orElseThrow();
        check.recorded(result, clock.instant());
        if (result.outcome() == Outcome.TECHNICAL && check.getAttempts() < settings.maxAttempts()) {
            check.retryAt(clock.instant().plus(settings.retryBackoff().multipliedBy(1L << (check.getAttempts() - 1))));
        } else {
            check.done();
        }
    }

    /** "Re-check now" for one link, optionally with another expected keyword. */
    public void recheck(Long campaignId, Long checkId, String keyword) {
        LinkCheck check = get(campaignId, checkId);
        String expected = keyword == null || keyword.isBlank() ? null : keyword.strip();
        if (expected != null && expected.length() > SelfCheckService.LIMITS.keywordChars()) {
            throw new BadInputException("不能重新检查", new InputError(check.getIndicatorCode(), "keyword",
                    "关键词不能超过" + SelfCheckService.LIMITS.keywordChars() + "个字"));
        }
        // the keyword replaces the one the self-check's links gave, which may hold no control character either
        if (TypedText.hasControlCharacters(expected)) {
            throw new BadInputException("不能重新检查", new InputError(check.getIndicatorCode(), "keyword",
                    "关键词含有控制字符，请删除后再检查"));
        }
        check.requeue(clock.instant(), expected);
    }

    /** Re-checks every link of one unit (from its verification page); answers how many. */
    public int recheckUnit(Long campaignId, String unitCode) {
        campaigns.requireOpen(campaigns.get(campaignId));
        List<LinkCheck> all = checks.findByCampaignIdAndUnitCodeAndRectificationItemIdIsNullOrderByIndicatorCodeAscIdAsc(campaignId, unitCode);
        all.forEach(c -> c.requeue(clock.instant(), null));
        return all.size();
    }

    /** Re-checks every link of a campaign (before comprehensive evaluation). */
    public int recheckCampaign(Long campaignId) {
        List<LinkCheck> all = checks.findByCampaignIdAndRectificationItemIdIsNull(campaignId);
        all.forEach(c -> c.requeue(clock.instant(), null));
        return all.size();
    }

    /** The verifier accepts a proposal: it becomes a verification finding and so counts in the score. */
    public void accept(Long campaignId, Long checkId, String actor) {
        LinkCheck check = get(campaignId, checkId);
        if (check.getProposal() != LinkCheck.Proposal.PROPOSED) {
            throw new BadInputException("不能采纳", InputError.field("checkId", "链接检查", "该链接检查没有待确认的问题"));
        }
        Indicator indicator = catalogues.forYear(campaigns.get(campaignId).catalogueYear()).orElseThrow()
                .indicator(check.getIndicatorCode()).orElseThrow();
        if (indicator.findingInputs().isEmpty()) {
            throw new BadInputException("不能采纳", new InputError(indicator.code(), "checkId", "链接检查",
                    "该指标不按核查问题扣分，请在综合评估中处理"));
        }
        RecordedFinding finding = verification.record(campaignId, check.getUnitCode(), new VerificationService.NewFinding(
                indicator.code(), indicator.findingInputs().get(0).name(),
                check.getOutcome() == Outcome.BROKEN ? FindingKind.BROKEN_LINK : FindingKind.WRONG_LINK,
                "链接自动检查（" + time.format(check.getCheckedAt()) + "）：" + check.getDetail(), check.getUrl()),
                actor);
        check.decide(LinkCheck.Proposal.ACCEPTED, actor, finding.id());
    }

    /** The verifier rejects a proposal: it never reaches the score. */
    public void reject(Long campaignId, Long checkId, String actor) {
        LinkCheck check = get(campaignId, checkId);
        if (check.getProposal() != LinkCheck.Proposal.PROPOSED) {
            throw new BadInputException("不能驳回", InputError.field("checkId", "链接检查", "该链接检查没有待确认的问题"));
        }
        audit.record(campaignId, "link_check " + check.getUnitCode() + " " + check.getIndicatorCode() + " " + check.getUrl(),
                "REJECT_PROPOSAL", check.getOutcome().label() + "：" + check.getDetail(), null, null, actor);
        check.decide(LinkCheck.Proposal.REJECTED, actor, null);
    }

    /** The unit's checks, for this module's pages and its checker. */
    @Transactional(readOnly = true)
    List<LinkCheck> checks(Long campaignId, String unitCode) {
        return checks.findByCampaignIdAndUnitCodeAndRectificationItemIdIsNullOrderByIndicatorCodeAscIdAsc(campaignId, unitCode);
    }

    /** The latest check of each of the unit's evidence links, by indicator code, then link. */
    @Transactional(readOnly = true)
    public List<LinkCheckResult> results(Long campaignId, String unitCode) {
        return checks(campaignId, unitCode).stream().map(c -> new LinkCheckResult(c.getId(), c.getIndicatorCode(),
                c.getUrl(), c.getOutcome(), c.getHttpStatus(), c.getDetail(), c.getCheckedAt())).toList();
    }

    /**
     * Queues a check of a link a unit gave as evidence that a rectification item is fixed, with the same safety and
     * retries as a self-check's; a link already checked for the item is checked again. The keyword is the one the
     * page should show (the indicator's name, as for the self-check). Such checks never become findings.
     */
    public void scheduleRectification(Long campaignId, String unitCode, String indicatorCode, Long itemId, String url,
                                      String keyword) {
        LinkCheck known = checks.findByRectificationItemIdIn(List.of(itemId)).stream()
                .filter(c -> c.getUrl().equals(url)).findFirst().orElse(null);
        if (known != null) {
            known.requeue(clock.instant(), null);
        } else {
            checks.save(LinkCheck.ofRectification(campaignId, unitCode, indicatorCode, itemId, url, keyword,
                    clock.instant()));
        }
    }

    /** The latest check of each link given in the items' rectification reports, by item id. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, List<LinkCheckResult>> rectificationResults(java.util.Collection<Long> itemIds) {
        java.util.Map<Long, List<LinkCheckResult>> byItem = new java.util.HashMap<>();
        if (itemIds.isEmpty()) {
            return byItem;
        }
        for (LinkCheck c : checks.findByRectificationItemIdIn(itemIds)) {
            byItem.computeIfAbsent(c.getRectificationItemId(), id -> new ArrayList<>()).add(new LinkCheckResult(c.getId(),
                    c.getIndicatorCode(), c.getUrl(), c.getOutcome(), c.getHttpStatus(), c.getDetail(), c.getCheckedAt()));
        }
        return byItem;
    }

    @Transactional(readOnly = true)
    public long pending() {
        // the statuses before DONE; a metrics gauge, so one index range read, not a scan of every check ever made
        return checks.countByStatusIn(java.util.EnumSet.of(LinkCheck.Status.PENDING, LinkCheck.Status.RUNNING));
    }

    /** A check of this unit's links in this campaign; an unknown id and one of another unit are not found alike. */
    @Transactional(readOnly = true)
    LinkCheck check(Long campaignId, String unitCode, Long checkId) {
        return checks.findById(checkId)
                .filter(c -> c.getCampaignId().equals(campaignId) && c.getUnitCode().equals(unitCode)
                        && c.getRectificationItemId() == null)
                .orElseThrow(() -> new NotFoundException("link check " + checkId + " of " + unitCode + " in " + campaignId));
    }

    private LinkCheck get(Long campaignId, Long checkId) {
        LinkCheck check = checks.findById(checkId)
                .filter(c -> c.getCampaignId().equals(campaignId) && c.getRectificationItemId() == null)
                .orElseThrow(() -> new NotFoundException("link check " + checkId + " in " + campaignId));
        campaigns.requireOpen(campaigns.get(campaignId));
        return check;
    }
}
