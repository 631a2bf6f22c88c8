package cn.huangpu.assessment.linkcheck.internal;

import cn.huangpu.assessment.linkcheck.FetchResult;
import cn.huangpu.assessment.linkcheck.FetchResult.Outcome;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One evidence link and its latest check: a timestamped record the verifier can cite. The link-check module's
 * own: other modules read it as {@link cn.huangpu.assessment.linkcheck.LinkCheckResult}.
 */
@Entity
@Table(name = "link_check")
public class LinkCheck {

    /** Where the check is in its life. */
    public enum Status { PENDING, RUNNING, DONE }

    /** The finding the check proposes, and the verifier's decision on it. */
    public enum Proposal {
        NONE, PROPOSED, ACCEPTED, REJECTED;

        public String label() {
            return switch (this) {
                case NONE -> "";
                case PROPOSED -> "待确认";
                case ACCEPTED -> "已采纳";
                case REJECTED -> "已驳回";
            };
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "campaign_id", nullable = false)
    private Long campaignId;

    @Column(name = "unit_code", nullable = false)
    private String unitCode;

    @Column(name = "indicator_code", nullable = false)
    private String indicatorCode;

    @Column(nullable = false)
    private String url;

    private String keyword;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "claimed_at")
    private Instant claimedAt;

    @Enumerated(EnumType.STRING)
    private Outcome outcome;

    @Column(name = "http_status")
    private Integer httpStatus;

    @Column(name = "final_url")
    private String finalUrl;

    private String redirects;

    @Column(name = "response_ms")
    private Long responseMs;

    private String title;

    @Column(name = "content_hash")
    private String contentHash;

    @Column(nullable = false)
    private boolean soft404;

    @Column(name = "keyword_found")
    private Boolean keywordFound;

    private String detail;

    @Column(name = "checked_at")
    private Instant checkedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Proposal proposal;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "finding_id")
    private Long findingId;

    /** The rectification item whose report gave the link; null for a self-check's evidence link. */
    @Column(name = "rectification_item_id")
    private Long rectificationItemId;

    protected LinkCheck() {
    }

    /** A check of a link a unit gave as evidence that a rectification item is fixed. */
    public static LinkCheck ofRectification(Long campaignId, String unitCode, String indicatorCode, Long itemId,
                                            String url, String keyword, Instant now) {
        LinkCheck check = new LinkCheck(campaignId, unitCode, indicatorCode, url, keyword, now);
        check.rectificationItemId = itemId;
        return check;
    }

    public LinkCheck(Long campaignId, String unitCode, String indicatorCode, String url, String keyword, Instant now) {
        this.campaignId = campaignId;
        this.unitCode = unitCode;
        this.indicatorCode = indicatorCode;
        this.url = url;
        this.keyword = keyword;
        this.status = Status.PENDING;
        this.nextAttemptAt = now;
        this.proposal = Proposal.NONE;
    }

    public void recorded(FetchResult result, Instant now) {
        attempts++;
        outcome = result.outcome();
        httpStatus = result.httpStatus();
        finalUrl = truncate(result.finalUrl(), 1000);
        redirects = truncate(String.join("\n", result.redirects()), 4000);
        responseMs = result.responseMs();
        title = truncate(result.title(), 500);
        contentHash = result.contentHash();
        soft404 = result.soft404();
        keywordFound = result.keywordFound();
        detail = truncate(result.detail(), 1000);
        checkedAt = now;
        claimedAt = null;
        if (proposal == Proposal.NONE || proposal == Proposal.PROPOSED) {
            proposal = outcome == Outcome.BROKEN || outcome == Outcome.WRONG ? Proposal.PROPOSED : Proposal.NONE;
        }
    }

    public void retryAt(Instant when) {
        status = Status.PENDING;
        nextAttemptAt = when;
    }

    public void done() {
        status = Status.DONE;
    }

    public void requeue(Instant now, String newKeyword) {
        status = Status.PENDING;
        nextAttemptAt = now;
        attempts = 0;
        if (newKeyword != null) {
            keyword = newKeyword;
        }
    }

    public void decide(Proposal decision, String actor, Long findingId) {
        this.proposal = decision;
        this.decidedBy = actor;
        this.findingId = findingId;
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    /** Queued (first time or again) and not yet fetched: a result is on its way. A retry after a failure is not. */
    public boolean isAwaitingResult() {
        return status != Status.DONE && attempts == 0;
    }

    public Long getId() {
        return id;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public String getUnitCode() {
        return unitCode;
    }

    public String getIndicatorCode() {
        return indicatorCode;
    }

    public String getUrl() {
        return url;
    }

    public String getKeyword() {
        return keyword;
    }

    public Status getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public Integer getHttpStatus() {
        return httpStatus;
    }

    public String getFinalUrl() {
        return finalUrl;
    }

    public String getRedirects() {
        return redirects;
    }

    public Long getResponseMs() {
        return responseMs;
    }

    public String getTitle() {
        return title;
    }

    public String getContentHash() {
        return contentHash;
    }

    public boolean isSoft404() {
        return soft404;
    }

    public Boolean getKeywordFound() {
        return keywordFound;
    }

    public String getDetail() {
        return detail;
    }

    public Instant getCheckedAt() {
        return checkedAt;
    }

    public Proposal getProposal() {
        return proposal;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Long getFindingId() {
        return findingId;
    }

    public Long getRectificationItemId() {
        return rectificationItemId;
    }
}
