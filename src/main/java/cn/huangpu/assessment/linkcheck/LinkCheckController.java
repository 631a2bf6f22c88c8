package cn.huangpu.assessment.linkcheck;

import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.linkcheck.FetchResult.Outcome;
import cn.huangpu.assessment.linkcheck.internal.LinkCheck;
import cn.huangpu.assessment.security.AccessDenied;
import cn.huangpu.assessment.security.CurrentUser;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.DisplayTime;
import cn.huangpu.assessment.web.InputError;
import cn.huangpu.assessment.web.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The link checks beside each indicator of the verification page (loaded there by htmx), and the
 * verifier's actions on them: accept or reject a proposed finding, re-check one link, re-check all.
 * A re-check sent by htmx answers the card (or all cards and their summary) at once, and while the
 * background checker has not yet fetched the link, the answer asks to be polled again; a re-check sent
 * by a plain form post goes back to the page with a notice.
 */
@Controller
class LinkCheckController {

    /**
     * How long after a re-check the page keeps polling for its result. The checker's own limits (5 s to
     * connect, 15 s per response, 5 redirects) end a check well within it; past it the checker is busy
     * or stopped, and the page says so instead of polling on.
     */
    static final Duration POLL_FOR = Duration.ofMinutes(3);

    private final LinkCheckService linkChecks;
    private final CampaignService campaigns;
    private final LinkCheckSettings settings;
    private final CurrentUser user;
    private final Clock clock;
    private final DisplayTime time;

    LinkCheckController(LinkCheckService linkChecks, CampaignService campaigns, LinkCheckSettings settings,
                        CurrentUser user, Clock clock, DisplayTime time) {
        this.linkChecks = linkChecks;
        this.campaigns = campaigns;
        this.settings = settings;
        this.user = user;
        this.clock = clock;
        this.time = time;
    }

    /**
     * What the checks of one unit add up to, for the line above the verification table.
     *
     * @param total    links checked for the unit
     * @param awaiting queued and not yet fetched
     * @param problems broken or probably wrong (proposed as findings)
     * @param failed   could not be checked (timeout, server error); retried
     * @param refused  not fetched on principle (outside the allowed hosts)
     * @param stalled  some awaiting check has waited longer than {@link #POLL_FOR}
     */
    record Summary(int total, int awaiting, int problems, int failed, int refused, boolean stalled) {
    }

    /** All cards of a unit, out of band into their indicators' boxes, and their summary. */
    @GetMapping("/app/link-checks/{campaignId}/{unitCode}")
    String checks(@PathVariable Long campaignId, @PathVariable String unitCode,
                  @RequestParam(required = false) String after, Model model) {
        requireOffice(false);
        campaigns.unit(campaignId, unitCode);
        return all(campaignId, unitCode, "recheck".equals(after), model);
    }

    /** One card, as its re-check polls it until the result is in. */
    @GetMapping("/app/link-checks/{campaignId}/{unitCode}/{checkId}")
    String card(@PathVariable Long campaignId, @PathVariable String unitCode, @PathVariable Long checkId, Model model) {
        requireOffice(false);
        return one(linkChecks.check(campaignId, unitCode, checkId), model);
    }

    @PostMapping("/app/link-checks/{campaignId}/{unitCode}/{checkId}/{action}")
    String act(@PathVariable Long campaignId, @PathVariable String unitCode, @PathVariable Long checkId,
               @PathVariable String action, @RequestParam(required = false) String keyword,
               @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
               RedirectAttributes redirect) {
        requireOffice(true);
        if (!List.of("accept", "reject", "recheck").contains(action)) {
            throw new NotFoundException("link check action " + action);
        }
        linkChecks.check(campaignId, unitCode, checkId);
        try {
            switch (action) {
                case "accept" -> linkChecks.accept(campaignId, checkId, user.id());
                case "reject" -> linkChecks.reject(campaignId, checkId, user.id());
                default -> linkChecks.recheck(campaignId, checkId, keyword);
            }
        } catch (BadInputException e) {
            if (htmx != null) {
                throw refused(e);
            }
            redirect.addFlashAttribute("linkCheckError", reasons(e));
            return page(campaignId, unitCode);
        }
        if (htmx != null && action.equals("recheck")) {
            return one(linkChecks.check(campaignId, unitCode, checkId), model);
        }
        if (action.equals("recheck")) {
            redirect.addFlashAttribute("linkCheckNotice", scheduled(1));
        }
        return page(campaignId, unitCode);
    }

    /** Re-checks every link of one unit, from its verification page. */
    @PostMapping("/app/link-checks/{campaignId}/{unitCode}/recheck")
    String recheckUnit(@PathVariable Long campaignId, @PathVariable String unitCode,
                       @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
                       RedirectAttributes redirect) {
        requireOffice(true);
        campaigns.unit(campaignId, unitCode);
        int count;
        try {
            count = linkChecks.recheckUnit(campaignId, unitCode);
        } catch (BadInputException e) {
            if (htmx != null) {
                throw refused(e);
            }
            redirect.addFlashAttribute("linkCheckError", reasons(e));
            return page(campaignId, unitCode);
        }
        if (htmx != null) {
            return all(campaignId, unitCode, true, model);
        }
        redirect.addFlashAttribute("linkCheckNotice", scheduled(count));
        return page(campaignId, unitCode);
    }

    @PostMapping("/app/link-checks/{campaignId}/recheck-all")
    String recheckAll(@PathVariable Long campaignId, RedirectAttributes redirect) {
        requireOffice(true);
        campaigns.get(campaignId);
        int count = linkChecks.recheckCampaign(campaignId);
        redirect.addFlashAttribute("saved", "已安排重新检查全部 " + count + " 个证明链接。" + (settings.workerEnabled()
                ? "检查在后台进行，各单位网上核查页面陆续显示每个链接的新结果和检查时间。"
                : "本环境未启用自动检查，链接不会被实际检查。"));
        return "redirect:/app/comprehensive/" + campaignId;
    }

    private String all(Long campaignId, String unitCode, boolean afterRecheck, Model model) {
        List<LinkCheck> checks = linkChecks.checks(campaignId, unitCode);
        Map<String, List<LinkCheck>> byIndicator = checks.stream()
                .collect(Collectors.groupingBy(LinkCheck::getIndicatorCode, TreeMap::new, Collectors.toList()));
        model.addAttribute("byIndicator", byIndicator);
        model.addAttribute("summary", new Summary(checks.size(),
                count(checks, LinkCheck::isAwaitingResult),
                count(checks, c -> !c.isAwaitingResult() && (c.getOutcome() == Outcome.BROKEN || c.getOutcome() == Outcome.WRONG)),
                count(checks, c -> !c.isAwaitingResult() && c.getOutcome() == Outcome.TECHNICAL),
                count(checks, c -> !c.isAwaitingResult() && c.getOutcome() == Outcome.REFUSED),
                checks.stream().anyMatch(this::stalled)));
        model.addAttribute("afterRecheck", afterRecheck);
        common(campaignId, unitCode, model);
        return "fragments/link-checks :: checks";
    }

    private String one(LinkCheck check, Model model) {
        model.addAttribute("c", check);
        common(check.getCampaignId(), check.getUnitCode(), model);
        return "fragments/link-checks :: watched";
    }

    private void common(Long campaignId, String unitCode, Model model) {
        model.addAttribute("campaignId", campaignId);
        model.addAttribute("unitCode", unitCode);
        model.addAttribute("editable", user.isCoordinator() && !campaigns.get(campaignId).isFrozen());
        model.addAttribute("checkerEnabled", settings.workerEnabled());
        model.addAttribute("stalled", (Predicate<LinkCheck>) this::stalled);
        model.addAttribute("format", (Function<Instant, String>)
                i -> i == null ? "" : time.format(i));
    }

    /** Queued longer ago than the page polls for, and still not fetched. */
    private boolean stalled(LinkCheck check) {
        return check.isAwaitingResult() && check.getNextAttemptAt().isBefore(clock.instant().minus(POLL_FOR));
    }

    private String scheduled(int count) {
        return "已安排重新检查 " + count + " 个证明链接。" + (settings.workerEnabled()
                ? "检查在后台进行，稍后刷新页面即可看到新结果和检查时间。"
                : "本环境未启用自动检查，链接不会被实际检查。");
    }

    /** A refusal answered to htmx: the error page (400) with the reasons, which the page shows beside the button. */
    private static ResponseStatusException refused(BadInputException e) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, reasons(e));
    }

    private static String reasons(BadInputException e) {
        return e.errors().stream().map(InputError::reason).collect(Collectors.joining("；"));
    }

    private static int count(List<LinkCheck> checks, Predicate<LinkCheck> which) {
        return (int) checks.stream().filter(which).count();
    }

    private static String page(Long campaignId, String unitCode) {
        return "redirect:/app/verification/" + campaignId + "/" + unitCode;
    }

    private void requireOffice(boolean write) {
        if (!user.isCoordinator() && (write || !user.isLeader())) {
            throw new AccessDenied("链接检查由区政府办公室办理");
        }
    }
}
