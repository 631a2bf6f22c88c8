package cn.huangpu.assessment.verification;

import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.UnitParticipation;
import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.catalogue.Catalogues;
import cn.huangpu.assessment.catalogue.Indicator;
import cn.huangpu.assessment.directory.ReferenceData;
import cn.huangpu.assessment.security.AccessDenied;
import cn.huangpu.assessment.security.CurrentUser;
import cn.huangpu.assessment.selfcheck.SelfCheckService;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.InputError;
import cn.huangpu.assessment.web.TypedText;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The office's verification page: the unit's claims beside each indicator, the findings recorded, and 不涉及
 * after submission: the office's grants (with a reason) and its answers to the unit's requests to change a claim.
 */
@Controller
class VerificationController {

    private final VerificationService verification;
    private final SelfCheckService selfChecks;
    private final CampaignService campaigns;
    private final Catalogues catalogues;
    private final ReferenceData referenceData;
    private final CurrentUser user;
    private final NotInvolvedService notInvolved;

    VerificationController(VerificationService verification, SelfCheckService selfChecks, CampaignService campaigns,
                           Catalogues catalogues, ReferenceData referenceData, CurrentUser user,
                           NotInvolvedService notInvolved) {
        this.verification = verification;
        this.notInvolved = notInvolved;
        this.selfChecks = selfChecks;
        this.campaigns = campaigns;
        this.catalogues = catalogues;
        this.referenceData = referenceData;
        this.user = user;
    }

    /** What the office typed into a finding form that was refused, so that the page shows it again. */
    record TypedFinding(String indicatorCode, String inputName, String kind, String note, String url, String count) {
    }

    /**
     * What the office typed into a 不涉及 form that was refused: a grant on an indicator, the answer to a request
     * or the revocation of a ruling (the one of {@code indicatorCode}, {@code requestId} or {@code rulingId} given).
     */
    record TypedRuling(String indicatorCode, Long requestId, Long rulingId, String reason) {
    }

    @GetMapping("/app/verification/{campaignId}/{unitCode}")
    String page(@PathVariable Long campaignId, @PathVariable String unitCode, Model model) {
        requireOffice(false);
        return render(campaignId, unitCode, model, List.of(), null, null);
    }

    @PostMapping("/app/verification/{campaignId}/{unitCode}/findings")
    String add(@PathVariable Long campaignId, @PathVariable String unitCode, @RequestParam String indicatorCode,
               @RequestParam(required = false) String inputName, @RequestParam(required = false) String kind,
               @RequestParam(required = false) String note, @RequestParam(required = false) String url,
               @RequestParam(required = false) String count, Model model, HttpServletResponse response) {
        requireOffice(true);
        TypedFinding typed = new TypedFinding(indicatorCode, inputName, kind, note, url, count);
        FindingKind parsed = null;
        if (kind != null && !kind.isBlank()) {
            parsed = Arrays.stream(FindingKind.values()).filter(k -> k.name().equals(kind)).findFirst().orElse(null);
            if (parsed == null) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                return render(campaignId, unitCode, model,
                        List.of(new InputError(known(campaignId, indicatorCode), "kind", "问题类型",
                                "问题类型“" + TypedText.shown(kind.strip()) + "”不是可选的问题类型")), typed,
                        null);
            }
        }
        try {
            verification.record(campaignId, unitCode,
                    new VerificationService.NewFinding(indicatorCode, inputName, parsed, note, url, count), user.id());
        } catch (BadInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return render(campaignId, unitCode, model, e.errors(), typed, null);
        }
        return "redirect:/app/verification/" + campaignId + "/" + unitCode + "#i-" + indicatorCode;
    }

    /** The office grants 不涉及 on an indicator, with a reason (400 with the page again when refused). */
    @PostMapping("/app/verification/{campaignId}/{unitCode}/not-involved")
    String grant(@PathVariable Long campaignId, @PathVariable String unitCode,
                 @RequestParam(required = false) String indicatorCode, @RequestParam(required = false) String reason,
                 Model model, HttpServletResponse response) {
        requireOffice(true);
        try {
            notInvolved.grant(campaignId, unitCode, indicatorCode, reason, user.id());
        } catch (BadInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return render(campaignId, unitCode, model, e.errors(), null, new TypedRuling(indicatorCode, null, null, reason));
        }
        return "redirect:/app/verification/" + campaignId + "/" + unitCode + "#i-" + indicatorCode;
    }

    /** The office takes back its ruling on an indicator, with a reason. */
    @PostMapping("/app/verification/{campaignId}/{unitCode}/not-involved/{rulingId}/revoke")
    String revoke(@PathVariable Long campaignId, @PathVariable String unitCode, @PathVariable Long rulingId,
                  @RequestParam(required = false) String reason, Model model, HttpServletResponse response) {
        requireOffice(true);
        try {
            notInvolved.revoke(campaignId, unitCode, rulingId, reason, user.id());
        } catch (BadInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return render(campaignId, unitCode, model, e.errors(), null, new TypedRuling(null, null, rulingId, reason));
        }
        return "redirect:/app/verification/" + campaignId + "/" + unitCode;
    }

    /** The office answers a unit's request to change its claim: {@code decision} GRANT or REFUSE, with a reason. */
    @PostMapping("/app/verification/{campaignId}/{unitCode}/claim-changes/{requestId}")
    String answer(@PathVariable Long campaignId, @PathVariable String unitCode, @PathVariable Long requestId,
                  @RequestParam(required = false) String decision, @RequestParam(required = false) String reason,
                  Model model, HttpServletResponse response) {
        requireOffice(true);
        Boolean grant = "GRANT".equals(decision) ? Boolean.TRUE : "REFUSE".equals(decision) ? Boolean.FALSE : null;
        try {
            notInvolved.answer(campaignId, unitCode, requestId, grant, reason, user.id());
        } catch (BadInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return render(campaignId, unitCode, model, e.errors(), null, new TypedRuling(null, requestId, null, reason));
        }
        return "redirect:/app/verification/" + campaignId + "/" + unitCode + "#claim-changes";
    }

    @PostMapping("/app/verification/{campaignId}/{unitCode}/findings/{findingId}/delete")
    String remove(@PathVariable Long campaignId, @PathVariable String unitCode, @PathVariable Long findingId) {
        requireOffice(true);
        verification.remove(campaignId, unitCode, findingId, user.id());
        return "redirect:/app/verification/" + campaignId + "/" + unitCode;
    }

    /**
     * The page, also as the answer to a refused finding (HTTP 400): everything the page shows, the link checks'
     * loader included, and the refused form with what was typed into it.
     */
    private String render(Long campaignId, String unitCode, Model model, List<InputError> errors, TypedFinding typed,
                          TypedRuling typedRuling) {
        var campaign = campaigns.get(campaignId);
        Catalogue catalogue = catalogues.forYear(campaign.catalogueYear()).orElseThrow();
        model.addAttribute("campaign", campaign);
        model.addAttribute("unit", campaigns.unit(campaignId, unitCode));
        model.addAttribute("unitName", referenceData.unitName(unitCode));
        model.addAttribute("catalogue", catalogue);
        model.addAttribute("indicatorNames", catalogue.indicators().stream()
                .collect(Collectors.toMap(Indicator::code, Indicator::name)));
        model.addAttribute("entries", selfChecks.entries(campaignId, unitCode));
        model.addAttribute("files", selfChecks.files(campaignId, unitCode));
        model.addAttribute("findings", verification.findings(campaignId, unitCode));
        model.addAttribute("kinds", FindingKind.values());
        model.addAttribute("notInvolvedClaims", verification.notInvolvedClaims(campaignId, unitCode));
        model.addAttribute("typed", typed);
        model.addAttribute("typedRuling", typedRuling);
        model.addAttribute("errorTitle", typedRuling == null ? "核查问题未保存，请修改以下内容："
                : typedRuling.requestId() != null ? "更改申请未办理，请修改以下内容："
                : typedRuling.rulingId() != null ? "认定未撤销，请修改以下内容：" : "“不涉及”认定未保存，请修改以下内容：");
        var claims = notInvolved.claims(campaignId, unitCode);
        model.addAttribute("claims", claims);
        List<ClaimChangeRequest> requests = notInvolved.requests(campaignId, unitCode);
        model.addAttribute("requests", requests);
        model.addAttribute("openRequests", requests.stream().filter(ClaimChangeRequest::isOpen)
                .map(ClaimChangeRequest::indicatorCode).collect(Collectors.toSet()));
        model.addAttribute("grantable", user.isCoordinator() && !campaign.isFrozen()
                && campaigns.unit(campaignId, unitCode).status() != UnitParticipation.Status.PENDING);
        model.addAttribute("failedFields", typed == null ? Set.of() : errors.stream()
                .filter(e -> typed.indicatorCode().equals(e.indicator())).map(InputError::field)
                .collect(Collectors.toSet()));
        model.addAttribute("editable", user.isCoordinator() && !campaign.isFrozen());
        model.addAttribute("errors", errors);
        return "verification";
    }

    private void requireOffice(boolean write) {
        if (!user.isCoordinator() && (write || !user.isLeader())) {
            throw new AccessDenied("网上核查由区政府办公室办理");
        }
    }

    /** The typed indicator code if the campaign's catalogue holds it, else null: an error names only real indicators. */
    private String known(Long campaignId, String indicatorCode) {
        return catalogues.forYear(campaigns.get(campaignId).catalogueYear()).orElseThrow()
                .indicator(indicatorCode).map(Indicator::code).orElse(null);
    }
}
