package cn.huangpu.assessment.linkcheck;

import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.security.AccessDenied;
import cn.huangpu.assessment.security.CurrentUser;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The link checks beside each indicator of the verification page (loaded there by htmx), and the
 * verifier's actions on them: accept or reject a proposed finding, re-check one link, re-check all.
 */

@Controller
class LinkCheckController {

    private final LinkCheckService linkChecks;
    private final CampaignService campaigns;
    private final LinkCheckSettings settings;
    private final CurrentUser user;

    LinkCheckController(LinkCheckService linkChecks, CampaignService campaigns, LinkCheckSettings settings,
                        CurrentUser user) {
        this.linkChecks = linkChecks;
        this.campaigns = campaigns;
        this.settings = settings;
        this.user = user;
    }

    @GetMapping("/app/link-checks/{campaignId}/{unitCode}")
    String checks(@PathVariable Long campaignId, @PathVariable String unitCode, Model model) {
        requireOffice(false);
        campaigns.unit(campaignId, unitCode);
        Map<String, List<LinkCheck>> byIndicator = linkChecks.checks(campaignId, unitCode).stream()
                .collect(Collectors.groupingBy(LinkCheck::getIndicatorCode));
        model.addAttribute("byIndicator", byIndicator);
        model.addAttribute("campaignId", campaignId);
        model.addAttribute("unitCode", unitCode);
        model.addAttribute("editable", user.isCoordinator() && !campaigns.get(campaignId).isFrozen());
        model.addAttribute("checkerEnabled", settings.workerEnabled());
        model.addAttribute("format", (Function<Instant, String>)
                i -> i == null ? "" : campaigns.format(i));
        return "fragments/link-checks :: checks";
    }

    @PostMapping("/app/link-checks/{campaignId}/{unitCode}/{checkId}/{action}")
    String act(@PathVariable Long campaignId, @PathVariable String unitCode, @PathVariable Long checkId,
               @PathVariable String action, @RequestParam(required = false) String keyword, RedirectAttributes redirect) {
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
            redirect.addFlashAttribute("linkCheckError", BadInputException.describe(e.errors()));
        }
        return "redirect:/app/verification/" + campaignId + "/" + unitCode;
    }

    @PostMapping("/app/link-checks/{campaignId}/recheck-all")
    String recheckAll(@PathVariable Long campaignId, RedirectAttributes redirect) {
        requireOffice(true);
        campaigns.get(campaignId);
        int count = linkChecks.recheckCampaign(campaignId);
        redirect.addFlashAttribute("saved", "已安排重新检查全部 " + count + " 个证明链接，结果将陆续更新。");
        return "redirect:/app/comprehensive/" + campaignId;
    }

    private void requireOffice(boolean write) {
        if (!user.isCoordinator() && (write || !user.isLeader())) {
            throw new AccessDenied("链接检查由区政府办公室办理");
        }
    }
}
