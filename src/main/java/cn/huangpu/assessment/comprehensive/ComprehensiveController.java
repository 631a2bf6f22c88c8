package cn.huangpu.assessment.comprehensive;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.UnitParticipation;
import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.catalogue.Indicator;
import cn.huangpu.assessment.catalogue.Input;
import cn.huangpu.assessment.catalogue.InputOwners;
import cn.huangpu.assessment.catalogue.InputType;
import cn.huangpu.assessment.directory.ReferenceData;
import cn.huangpu.assessment.directory.UnitOrder;
import cn.huangpu.assessment.evaluation.EvaluationService;
import cn.huangpu.assessment.evaluation.FactEntry;
import cn.huangpu.assessment.evaluation.FormValues;
import cn.huangpu.assessment.evaluation.MissingDecision;
import cn.huangpu.assessment.evaluation.StoredFact;
import cn.huangpu.assessment.rectification.PreviousRectification;
import cn.huangpu.assessment.results.CampaignScoring;
import cn.huangpu.assessment.results.UnitResult;
import cn.huangpu.assessment.security.AccessDenied;
import cn.huangpu.assessment.security.CurrentUser;
import cn.huangpu.assessment.verification.VerificationService;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.DisplayTime;
import cn.huangpu.assessment.web.EditConflictException;
import cn.huangpu.assessment.web.InputError;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private final DisplayTime time;
    private final EvaluationService evaluation;
    private final VerificationService verification;
    private final ReferenceData referenceData;
    private final CurrentUser user;
    private final PreviousRectification previousRectification;

    ComprehensiveController(CampaignScoring scoring, CampaignService campaigns, DisplayTime time,
                            EvaluationService evaluation, VerificationService verification,
                            ReferenceData referenceData, CurrentUser user, PreviousRectification previousRectification) {
        this.scoring = scoring;
        this.campaigns = campaigns;
        this.time = time;
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
        CampaignScoring.CurrentState state = scoring.currentState(campaignId);
        Map<String, CampaignScoring.CurrentScore> current = state.scores();
        model.addAttribute("campaign", campaign);
        model.addAttribute("recorded", recorded);
        model.addAttribute("current", current);
        model.addAttribute("groups", referenceData.unitOrder().grouped(current.entrySet(), Map.Entry::getKey));
        model.addAttribute("unitNames", referenceData.unitNames());
        model.addAttribute("invalid", invalidValues(campaignId, null));
        model.addAttribute("handedToOffice", campaigns.handedToOffice(campaignId));
        Map<String, Long> outstanding = state.outstanding().stream()
                .collect(Collectors.groupingBy(CampaignScoring.Outstanding::unitCode, Collectors.counting()));
        model.addAttribute("outstanding", outstanding);
        model.addAttribute("outstandingTotal", outstanding.values().stream().mapToLong(Long::longValue).sum());
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
        InputOwners owners = campaigns.owners(campaignId);
        for (Indicator indicator : owners.catalogue().indicators()) {
            for (Input input : owners.enteredAsValues(indicator, Catalogue.OFFICE)) {
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
     * 按缺失计分: the office decides that the ticked inputs of the unit that nobody entered are priced as missing, with
     * one reason for all of them (audited, cited on the sheet). Only inputs still outstanding can be ticked.
     */
    @PostMapping("/app/comprehensive/{campaignId}/{unitCode}/missing")
    String scoreAsMissing(@PathVariable Long campaignId, @PathVariable String unitCode,
                          @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                          RedirectAttributes redirect) {
        requireCoordinator();
        campaigns.get(campaignId);
        campaigns.unit(campaignId, unitCode);
        List<String> outstanding = scoring.outstanding(campaignId, unitCode).stream()
                .map(CampaignScoring.Outstanding::key).toList();
        List<String> ticked = form.keySet().stream().filter(k -> k.startsWith("missing[") && k.endsWith("]"))
                .map(k -> k.substring("missing[".length(), k.length() - 1)).toList();
        try {
            List<InputError> settled = ticked.stream().filter(k -> !outstanding.contains(k))
                    .map(k -> new InputError(k.split("/", 2)[0], null, "按缺失计分的项", k + "：该项已录入或无须录入"))
                    .toList();
            if (!settled.isEmpty()) {
                throw new BadInputException("未按缺失计分", settled);
            }
            evaluation.scoreAsMissing(campaignId, unitCode, ticked, form.get("missingReason"), user.id());
        } catch (BadInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("missingReason", form.get("missingReason"));
            model.addAttribute("ticked", ticked);
            return renderUnit(campaignId, unitCode, model, e.errors(), null, List.of());
        }
        redirect.addFlashAttribute("saved", "已将" + ticked.size() + "项按缺失计分并重新计算。");
        return "redirect:/app/comprehensive/" + campaignId + "/" + unitCode;
    }

    /** Withdraws a 按缺失计分 decision: the input is needed again. */
    @PostMapping("/app/comprehensive/{campaignId}/{unitCode}/missing/withdraw")
    String withdrawMissing(@PathVariable Long campaignId, @PathVariable String unitCode, @RequestParam String key,
                           Model model, HttpServletResponse response, RedirectAttributes redirect) {
        requireCoordinator();
        campaigns.get(campaignId);
        campaigns.unit(campaignId, unitCode);
        try {
            evaluation.withdrawMissing(campaignId, unitCode, key, user.id());
        } catch (BadInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return renderUnit(campaignId, unitCode, model, e.errors(), null, List.of());
        }
        redirect.addFlashAttribute("saved", "已撤销按缺失计分，该项须录入。");
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
        InputOwners owners = campaigns.owners(campaignId);
        Map<String, List<Input>> officeInputs = new LinkedHashMap<>();
        owners.catalogue().indicators().forEach(i -> {
            List<Input> inputs = owners.enteredAsValues(i, Catalogue.OFFICE);
            if (!inputs.isEmpty()) {
                officeInputs.put(i.code(), inputs);
            }
        });
        List<Indicator> withOfficeInputs = owners.catalogue().indicators().stream()
                .filter(i -> officeInputs.containsKey(i.code())).toList();
        Map<String, String> handedOver = new HashMap<>();
        owners.all().stream().filter(InputOwners.Owner::handedOver).forEach(o -> handedOver.put(o.key(),
                owners.catalogue().evaluator(o.handedOverFrom()).map(Catalogue.Evaluator::name).orElse(o.handedOverFrom())));
        Set<String> rejected = verification.rejectedClaims(campaignId).getOrDefault(unitCode, Set.of());
        model.addAttribute("campaign", campaign);
        model.addAttribute("unitCode", unitCode);
        model.addAttribute("unitName", referenceData.unitName(unitCode));
        UnitOrder.Neighbours steps = unitSteps(campaignId, unitCode);
        model.addAttribute("previous", steps.previous());
        model.addAttribute("next", steps.next());
        model.addAttribute("unitNames", referenceData.unitNames());
        model.addAttribute("indicators", withOfficeInputs);
        model.addAttribute("officeInputs", officeInputs);
        model.addAttribute("handedOver", handedOver);
        model.addAttribute("rejected", rejected);
        model.addAttribute("outstanding", scoring.outstanding(campaignId, unitCode));
        List<String> order = owners.all().stream().map(InputOwners.Owner::key).toList();
        model.addAttribute("decided", evaluation.missingDecisions(campaignId).getOrDefault(unitCode, Map.of()).values()
                .stream().sorted(Comparator.comparingInt((MissingDecision d) -> order.indexOf(d.key()))).toList());
        model.addAttribute("labels", labels(owners.catalogue()));
        if (!model.containsAttribute("ticked")) {
            model.addAttribute("ticked", List.of());
        }
        model.addAttribute("time", time);
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
        previousRectification.suggestions(campaign, owners.catalogue()).forEach((key, units) -> {
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

    /** "indicator/input" → "指标 2.3 解读质量：«label»", for the decisions the page lists. */
    private static Map<String, String> labels(Catalogue catalogue) {
        Map<String, String> labels = new HashMap<>();
        catalogue.indicators().forEach(i -> i.inputs().forEach(in -> labels.put(i.code() + "/" + in.name(),
                i.code() + " " + i.name() + "：" + in.label())));
        return labels;
    }

    private void requireCoordinator() {
        if (!user.isCoordinator()) {
            throw new AccessDenied("综合评估由区政府办公室办理");
        }
    }
}
