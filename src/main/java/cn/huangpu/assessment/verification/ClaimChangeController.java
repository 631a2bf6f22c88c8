package cn.huangpu.assessment.verification;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.UnitParticipation;
import cn.huangpu.assessment.catalogue.Catalogues;
import cn.huangpu.assessment.catalogue.Indicator;
import cn.huangpu.assessment.directory.ReferenceData;
import cn.huangpu.assessment.security.CurrentUser;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.InputError;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The unit's page for changing its 不涉及 claims after submission (linked from its self-check page): every
 * indicator that allows 不涉及, how it is priced now, the unit's requests with the office's answers, and a form to
 * file a request with a reason. Only the unit files, for itself; the office and the leaders read it; another unit's
 * page looks like one that does not exist.
 */
@Controller
class ClaimChangeController {

    private final NotInvolvedService notInvolved;
    private final CampaignService campaigns;
    private final Catalogues catalogues;
    private final ReferenceData referenceData;
    private final CurrentUser user;

    ClaimChangeController(NotInvolvedService notInvolved, CampaignService campaigns, Catalogues catalogues,
                          ReferenceData referenceData, CurrentUser user) {
        this.notInvolved = notInvolved;
        this.campaigns = campaigns;
        this.catalogues = catalogues;
        this.referenceData = referenceData;
        this.user = user;
    }

    /** What the unit typed into a request that was refused, so that the page shows it again. */
    record TypedRequest(String indicatorCode, String reason) {
    }

    @GetMapping("/app/claim-changes/{campaignId}/{unitCode}")
    String page(@PathVariable Long campaignId, @PathVariable String unitCode, Model model) {
        user.requireUnit(unitCode, true, "只能查看本单位的“不涉及”更改申请");
        return render(campaignId, unitCode, model, List.of(), null);
    }

    @PostMapping("/app/claim-changes/{campaignId}/{unitCode}")
    String file(@PathVariable Long campaignId, @PathVariable String unitCode,
                @RequestParam(required = false) String indicatorCode, @RequestParam(required = false) String reason,
                Model model, HttpServletResponse response, RedirectAttributes redirect) {
        user.requireUnit(unitCode, false, "“不涉及”的更改由参评单位申请");
        try {
            ClaimChangeRequest filed = notInvolved.file(campaignId, unitCode, indicatorCode, reason, user.id());
            redirect.addFlashAttribute("saved", "已向区政府办公室提交指标 " + filed.indicatorCode() + " 的更改申请（"
                    + filed.asked() + "），办理结果将通知本单位。");
        } catch (BadInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return render(campaignId, unitCode, model, e.errors(), new TypedRequest(indicatorCode, reason));
        }
        return "redirect:/app/claim-changes/" + campaignId + "/" + unitCode + "#i-" + indicatorCode;
    }

    private String render(Long campaignId, String unitCode, Model model, List<InputError> errors, TypedRequest typed) {
        CampaignInfo campaign = campaigns.get(campaignId);
        UnitParticipation unit = campaigns.unit(campaignId, unitCode);
        Map<String, Indicator> indicators = catalogues.forYear(campaign.catalogueYear()).orElseThrow().indicators()
                .stream().collect(Collectors.toMap(Indicator::code, i -> i));
        model.addAttribute("campaign", campaign);
        model.addAttribute("unit", unit);
        model.addAttribute("unitName", referenceData.unitName(unitCode));
        model.addAttribute("indicators", indicators);
        model.addAttribute("claims", notInvolved.claims(campaignId, unitCode));
        List<ClaimChangeRequest> requests = notInvolved.requests(campaignId, unitCode);
        model.addAttribute("requests", requests.stream().collect(Collectors.groupingBy(ClaimChangeRequest::indicatorCode)));
        model.addAttribute("submitted", unit.status() != UnitParticipation.Status.PENDING);
        model.addAttribute("editable", user.isUnit(unitCode) && unit.status() != UnitParticipation.Status.PENDING
                && !campaign.isFrozen());
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "claim-changes";
    }
}
