package cn.huangpu.assessment.comprehensive;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.UnitParticipation;
import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.catalogue.Catalogues;
import cn.huangpu.assessment.catalogue.Indicator;
import cn.huangpu.assessment.catalogue.Input;
import cn.huangpu.assessment.catalogue.InputType;
import cn.huangpu.assessment.directory.ReferenceData;
import cn.huangpu.assessment.directory.UnitOrder;
import cn.huangpu.assessment.evaluation.EvaluationService;
import cn.huangpu.assessment.evaluation.FactEntry;
import cn.huangpu.assessment.evaluation.FormValues;
import cn.huangpu.assessment.evaluation.StoredFact;
import cn.huangpu.assessment.rectification.PreviousRectification;
import cn.huangpu.assessment.results.CampaignScoring;
import cn.huangpu.assessment.results.UnitResult;
import cn.huangpu.assessment.security.AccessDenied;
import cn.huangpu.assessment.security.CurrentUser;
import cn.huangpu.assessment.verification.VerificationService;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.EditConflictException;
import cn.huangpu.assessment.web.InputError;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Comprehensive evaluation (综合评估): the current scores of every unit, priced again from what is stored now,
 * and per unit the office's own inputs, each change with its reason, then rescoring. The coordinator's work.
 */
@Controller
class ComprehensiveController {

    private final CampaignScoring scoring;
    private final CampaignService campaigns;
    private final Catalogues catalogues;
    private final EvaluationService evaluation;
    private final VerificationService verification;
    private final ReferenceData referenceData;
    private final CurrentUser user;
    private final PreviousRectification previousRectification;

    ComprehensiveController(CampaignScoring scoring, CampaignService campaigns, Catalogues catalogues,
                            EvaluationService evaluation, VerificationService verification,
                            ReferenceData referenceData, CurrentUser user, PreviousRectification previousRectification) {
        this.scoring = scoring;
        this.campaigns = campaigns;
        this.catalogues = catalogues;
        this.evaluation = evaluation;
        this.verification = verification;
        this.referenceData = referenceData;
        this.user = user;
        this.previousRectification = previousRectification;
    }

    @GetMapping("/app/comprehensive/{campaignId}")
    String comprehensive(@PathVariable Long campaignId, Model model) {
        requireCoordinator();
        CampaignInfo campaign = campaigns.get(campaignId);
        Map<String, UnitResult> recorded = new HashMap<>();
        scoring.latest(campaignId).forEach(r -> recorded.put(r.unitCode(), r));
        Map<String, CampaignScoring.CurrentScore> current = scoring.currentScores(campaignId);
        model.addAttribute("campaign", campaign);
        model.addAttribute("recorded", recorded);
        model.addAttribute("current", current);
        model.addAttribute("groups", referenceData.unitOrder().grouped(current.entrySet(), Map.Entry::getKey));
        model.addAttribute("unitNames", referenceData.unitNames());
        model.addAttribute("invalid", invalidValues(campaignId, null));
        return "comprehensive";
    }

    @GetMapping("/app/comprehensive/{campaignId}/{unitCode}")
    String comprehensiveUnit(@PathVariable Long campaignId, @PathVariable String unitCode, Model model) {
        requireCoordinator();
        return renderUnit(campaignId, unitCode, model, List.of(), null, List.of());
    }

    @PostMapping("/app/comprehensive/{campaignId}/{unitCode}")
    String saveOfficeInputs(@PathVariable Long campaignId, @PathVariable String unitCode,
                            @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                            RedirectAttributes redirect) {
        requireCoordinator();
        CampaignInfo campaign = campaigns.get(campaignId);
        campaigns.unit(campaignId, unitCode);
        Map<String, StoredFact> stored = evaluation.facts(campaignId).getOrDefault(unitCode, Map.of());
        List<FactEntry> changes = new ArrayList<>();
        List<InputError> errors = new ArrayList<>();
        for (Indicator indicator : catalogue(campaign).indicators()) {
            for (Input input : indicator.directInputs(Catalogue.OFFICE)) {
                String key = indicator.code() + "/" + input.name();
                if (!form.containsKey("v[" + key + "]")) {
                    continue;
                }
                try {
                    JsonNode value = FormValues.toJson(input, form.get("v[" + key + "]"), form.get("jr[" + key + "]"));
                    String before = stored.containsKey(key) ? stored.get(key).valueJson() : null;
                    String after = value == null ? null : value.toString();
                    if (before == null ? after != null : !before.equals(after)) {
                        changes.add(new FactEntry(unitCode, indicator.code(), input.name(), value, changeReason(input, key, form),
                                FormValues.version(form.get("ver[" + key + "]"))));
                    }
                } catch (IllegalArgumentException e) {
                    errors.add(new InputError(indicator.code(), input.name(), input.label(), e.getMessage()));
                }
            }
        }
        try {
            if (!errors.isEmpty()) {
                throw new BadInputException("未保存", errors);
            }
            evaluation.record(campaignId, Catalogue.OFFICE, changes, true, user.id());
        } catch (BadInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return renderUnit(campaignId, unitCode, model, e.errors(), form, List.of());
        } catch (EditConflictException e) {
            // As on the evaluator's page: nothing saved; the changed values shown as saved now, the typed ones beside.
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            List<FactEntry> conflicting = evaluation.conflicting(campaignId, Catalogue.OFFICE, changes);
            List<InputError> shown = new ArrayList<>();
            shown.add(InputError.field(null, EditConflictException.TITLE + (conflicting.isEmpty() ? "。"
                    : "。下列项已换为当前保存的值，您填写的值列在其下，核对后再保存。")));
            shown.addAll(e.conflicts());
            return renderUnit(campaignId, unitCode, model, shown, form, conflicting);
        }
        // 保存并下一个: on to the next unit of the list's order, the message naming the unit just saved
        String next = "next".equals(form.get("then")) ? unitSteps(campaignId, unitCode).next() : null;
        if (next != null) {
            redirect.addFlashAttribute("saved", referenceData.unitName(unitCode) + "：已保存" + changes.size() + "项并重新计算。");
            return "redirect:/app/comprehensive/" + campaignId + "/" + next;
        }
        redirect.addFlashAttribute("saved", "已保存" + changes.size() + "项并重新计算。");
        return "redirect:/app/comprehensive/" + campaignId + "/" + unitCode;
    }

    /**
     * Why a value changed. A judgement (视情评分) carries its own reason, stored with its score; the page asks for
     * that one only, and it is the change's reason too. Every other input has the page's 修改理由.
     */
    private static String changeReason(Input input, String key, Map<String, String> form) {
        return form.get((input.type() == InputType.JUDGEMENT ? "jr[" : "why[") + key + "]");
    }

    /** The units before and after this one in the comprehensive list's order. */
    private UnitOrder.Neighbours unitSteps(Long campaignId, String unitCode) {
        return referenceData.unitOrder().neighbours(campaigns.units(campaignId).stream()
                .map(UnitParticipation::unitCode).toList(), unitCode);
    }

    /**
     * @param submitted   what the coordinator typed, shown instead of what is stored (null: what is stored)
     * @param conflicting after a conflict, the values someone else changed: they show what is stored, at its
     *                    version, and what was typed beside
     */
    private String renderUnit(Long campaignId, String unitCode, Model model, List<InputError> errors,
                              Map<String, String> submitted, List<FactEntry> conflicting) {
        CampaignInfo campaign = campaigns.get(campaignId);
        campaigns.unit(campaignId, unitCode);
        Map<String, String> stored = new HashMap<>();
        evaluation.values(campaignId, unitCode).forEach((key, value) -> {
            stored.put("v[" + key + "]", FormValues.display(value.fact().valueJson(), value.parsed()));
            if (value.parsed() != null && value.parsed().isObject()) {
                stored.put("jr[" + key + "]", value.parsed().path("reason").asText());
            }
            stored.put("ver[" + key + "]", String.valueOf(value.fact().version()));
        });
        Map<String, String> shown = new HashMap<>(stored);
        if (submitted != null) {
            shown.putAll(submitted);
        }
        Map<String, String> yours = new HashMap<>();
        for (FactEntry entry : conflicting) {
            String key = entry.indicatorCode() + "/" + entry.inputName();
            for (String field : List.of("v[" + key + "]", "jr[" + key + "]", "ver[" + key + "]")) {
                if (submitted != null && submitted.containsKey(field) && !field.startsWith("ver")) {
                    yours.put(field, submitted.get(field));
                }
                shown.remove(field);
                if (stored.containsKey(field)) {
                    shown.put(field, stored.get(field));
                }
            }
        }
        Map<String, String> values = new HashMap<>();
        Map<String, String> reasons = new HashMap<>();
        Map<String, String> versions = new HashMap<>();
        shown.forEach((k, v) -> (k.startsWith("v[") ? values : k.startsWith("ver[") ? versions : reasons).put(k, v));
        Catalogue catalogue = catalogue(campaign);
        List<Indicator> withOfficeInputs = catalogue.indicators().stream()
                .filter(i -> !i.directInputs(Catalogue.OFFICE).isEmpty()).toList();
        model.addAttribute("campaign", campaign);
        model.addAttribute("unitCode", unitCode);
        model.addAttribute("unitName", referenceData.unitName(unitCode));
        UnitOrder.Neighbours steps = unitSteps(campaignId, unitCode);
        model.addAttribute("previous", steps.previous());
        model.addAttribute("next", steps.next());
        model.addAttribute("unitNames", referenceData.unitNames());
        model.addAttribute("indicators", withOfficeInputs);
        model.addAttribute("office", Catalogue.OFFICE);
        model.addAttribute("values", values);
        model.addAttribute("reasons", reasons);
        model.addAttribute("versions", versions);
        model.addAttribute("yours", yours);
        model.addAttribute("editable", !campaign.isFrozen());
        model.addAttribute("errors", errors);
        model.addAttribute("invalid", invalidValues(campaignId, unitCode));
        model.addAttribute("sheet", scoring.currentSheet(campaignId, unitCode));
        model.addAttribute("findings", verification.findings(campaignId, unitCode));
        // 5.5: the unit's rectification of the previous campaign and the catalogue's suggested score, by input
        Map<String, PreviousRectification.Suggested> suggested = new HashMap<>();
        previousRectification.suggestions(campaign, catalogue).forEach((key, units) -> {
            if (units.containsKey(unitCode)) {
                suggested.put(key, units.get(unitCode));
            }
        });
        model.addAttribute("suggested", suggested);
        return "comprehensive-unit";
    }

    /** The stored values today's rules refuse, of one unit or (null) of all, with the unit's name. */
    private List<InputError> invalidValues(Long campaignId, String unitCode) {
        List<InputError> invalid = new ArrayList<>();
        Map<String, Map<String, EvaluationService.StoredValue>> values = unitCode == null ? evaluation.values(campaignId)
                : Map.of(unitCode, evaluation.values(campaignId, unitCode));
        Map<String, String> names = referenceData.unitNames();
        values.forEach((unit, stored) -> stored.values().stream().filter(v -> !v.usable())
                .forEach(v -> invalid.add(v.refusal(names.getOrDefault(unit, unit)))));
        return invalid;
    }

    private Catalogue catalogue(CampaignInfo campaign) {
        return catalogues.forYear(campaign.catalogueYear()).orElseThrow();
    }

    private void requireCoordinator() {
        if (!user.isCoordinator()) {
            throw new AccessDenied("综合评估由区政府办公室办理");
        }
    }
}
