package cn.huangpu.assessment.grading;

import cn.huangpu.assessment.campaign.Campaign;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.CampaignUnit;
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
import cn.huangpu.assessment.evaluation.UnitFact;
import cn.huangpu.assessment.linkcheck.LinkCheck;
import cn.huangpu.assessment.linkcheck.LinkCheckService;
import cn.huangpu.assessment.security.AccessDenied;
import cn.huangpu.assessment.security.CurrentUser;
import cn.huangpu.assessment.selfcheck.SelfCheckService;
import cn.huangpu.assessment.verification.VerificationService;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.DisplayTime;
import cn.huangpu.assessment.web.EditConflictException;
import cn.huangpu.assessment.web.InputError;
import cn.huangpu.assessment.web.Workbooks;
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
 * Comprehensive evaluation (综合评估) and results: score sheets (评分说明) explained point by point, the
 * office's own inputs with a reason for every change, and the ranking. A unit sees its own sheet; the
 * coordinator and the leaders see all.
 */

@Controller
class ResultsController {

    private final CampaignScoring scoring;
    private final CampaignService campaigns;
    private final Catalogues catalogues;
    private final EvaluationService evaluation;
    private final VerificationService verification;
    private final ReferenceData referenceData;
    private final CurrentUser user;
    private final SheetPdf sheetPdf;
    private final SelfCheckService selfChecks;
    private final LinkCheckService linkChecks;
    private final DisplayTime time;

    ResultsController(CampaignScoring scoring, CampaignService campaigns, Catalogues catalogues,
                      EvaluationService evaluation, VerificationService verification, ReferenceData referenceData,
                      CurrentUser user, SheetPdf sheetPdf,
                      SelfCheckService selfChecks,
                      LinkCheckService linkChecks, DisplayTime time) {
        this.scoring = scoring;
        this.campaigns = campaigns;
        this.catalogues = catalogues;
        this.evaluation = evaluation;
        this.verification = verification;
        this.referenceData = referenceData;
        this.user = user;
        this.sheetPdf = sheetPdf;
        this.selfChecks = selfChecks;
        this.linkChecks = linkChecks;
        this.time = time;
    }

    @GetMapping("/app/results/{campaignId}")
    String results(@PathVariable Long campaignId, Model model) {
        if (!user.isCoordinator() && !user.isLeader()) {
            throw new AccessDenied("考核结果汇总仅区政府办公室和区领导可查看");
        }
        model.addAttribute("campaign", campaigns.get(campaignId));
        List<ScoreRecord> ranked = new ArrayList<>(scoring.latest(campaignId));
        ranked.sort((a, b) -> b.getTotal().compareTo(a.getTotal()));
        model.addAttribute("records", ranked);
        // the page ranks within each kind of unit; the overall rank is the export's
        model.addAttribute("groups", referenceData.unitOrder().grouped(ranked, ScoreRecord::getUnitCode,
                Comparator.comparing(ScoreRecord::getTotal).reversed()));
        Map<String, Integer> overallRank = new HashMap<>();
        ranked.forEach(r -> overallRank.put(r.getUnitCode(), overallRank.size() + 1));
        model.addAttribute("overallRank", overallRank);
        model.addAttribute("unitNames", referenceData.unitNames());
        return "results";
    }

    /** The results for the performance leading group: per unit the section subtotals, bonus, total and grade. */
    @GetMapping("/app/results/{campaignId}/export.xlsx")
    ResponseEntity<byte[]> export(@PathVariable Long campaignId) {
        if (!user.isCoordinator() && !user.isLeader()) {
            throw new AccessDenied("考核结果导出仅区政府办公室和区领导可用");
        }
        Campaign campaign = campaigns.get(campaignId);
        Catalogue catalogue = catalogue(campaign);
        List<String> headers = new ArrayList<>(List.of("名次", "单位代码", "单位"));
        catalogue.sections().forEach(s -> headers.add(s.number() + ". " + s.name() + "（" + s.points().stripTrailingZeros()
                .toPlainString() + "分）"));
        headers.addAll(List.of("基础得分", "额外加分", "总分", "考核等次", "计分轮次"));
        var workbook = Workbooks.workbook();
        var sheet = Workbooks.sheet(workbook, "考核结果", headers);
        List<ScoreRecord> ranked = new ArrayList<>(scoring.latest(campaignId));
        ranked.sort((a, b) -> b.getTotal().compareTo(a.getTotal()));
        Map<String, String> names = referenceData.unitNames();
        Map<String, Row> rows = new HashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            ScoreRecord record = ranked.get(i);
            rows.put(record.getUnitCode(), sheet.createRow(i + 1));
        }
        int sections = catalogue.sections().size();
        // the section subtotals from each stored sheet, read one at a time; the rest from the result itself
        scoring.forEachLatestSheet(campaignId, (unitCode, sheetOfUnit) -> {
            var row = rows.get(unitCode);
            for (int s = 0; s < sheetOfUnit.sections().size(); s++) {
                row.createCell(3 + s).setCellValue(sheetOfUnit.sections().get(s).points().doubleValue());
            }
        });
        for (int i = 0; i < ranked.size(); i++) {
            ScoreRecord record = ranked.get(i);
            var row = rows.get(record.getUnitCode());
            row.createCell(0).setCellValue(i + 1);
            row.createCell(1).setCellValue(record.getUnitCode());
            row.createCell(2).setCellValue(names.getOrDefault(record.getUnitCode(), record.getUnitCode()));
            int c = 3 + sections;
            row.createCell(c++).setCellValue(record.getBasePoints().doubleValue());
            row.createCell(c++).setCellValue(record.getBonus().doubleValue());
            row.createCell(c++).setCellValue(record.getTotal().doubleValue());
            row.createCell(c++).setCellValue(record.getGrade());
            row.createCell(c).setCellValue(record.getRound());
        }
        return Workbooks.download(workbook, campaign.getYear() + "年度政务公开考核评估结果.xlsx");
    }

    @GetMapping("/app/results/{campaignId}/{unitCode}")
    String sheet(@PathVariable Long campaignId, @PathVariable String unitCode, Model model) {
        user.requireUnit(unitCode, true, "只能查看本单位的评分说明");
        Campaign campaign = campaigns.get(campaignId);
        campaigns.unit(campaignId, unitCode);
        var record = scoring.latest(campaignId, unitCode);
        model.addAttribute("campaign", campaign);
        model.addAttribute("unitCode", unitCode);
        model.addAttribute("unitName", referenceData.unitName(unitCode));
        model.addAttribute("record", record.orElse(null));
        model.addAttribute("sheet", record.map(scoring::sheet).orElse(null));
        model.addAttribute("findings", verification.findings(campaignId, unitCode));
        model.addAttribute("entries", selfChecks.entries(campaignId, unitCode));
        model.addAttribute("checks", linkChecks.checks(campaignId, unitCode).stream()
                .collect(Collectors.groupingBy(LinkCheck::getIndicatorCode)));
        return "sheet";
    }

    @GetMapping(value = "/app/results/{campaignId}/{unitCode}.pdf")
    ResponseEntity<byte[]> sheetPdf(@PathVariable Long campaignId, @PathVariable String unitCode) {
        user.requireUnit(unitCode, true, "只能查看本单位的评分说明");
        Campaign campaign = campaigns.get(campaignId);
        campaigns.unit(campaignId, unitCode);
        ScoreRecord record = scoring.latest(campaignId, unitCode).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "尚未评分，预计 "
                        + time.formatDay(campaign.getDates().comprehensiveDue()) + " 综合评估后生成"));
        Map<String, Object> model = new HashMap<>();
        model.put("year", campaign.getYear());
        model.put("unitName", referenceData.unitName(unitCode));
        model.put("round", record.getRound());
        model.put("pricedWith", record.getPricedWith());
        model.put("status", campaign.getStatus().label());
        model.put("generatedAt", time.format(Instant.now()));
        model.put("sheet", scoring.sheet(record));
        model.put("findings", verification.findings(campaignId, unitCode));
        model.put("entries", selfChecks.entries(campaignId, unitCode));
        Map<String, String> checkOutcomes = new HashMap<>();
        linkChecks.checks(campaignId, unitCode).stream().filter(c -> c.getOutcome() != null).forEach(c ->
                checkOutcomes.put(c.getIndicatorCode() + " " + c.getUrl(), "（链接检查：" + c.getOutcome().label()
                        + (c.getHttpStatus() == null ? "" : "，HTTP " + c.getHttpStatus()) + "）"));
        model.put("checkOutcomes", checkOutcomes);
        String fileName = campaign.getYear() + "年度" + referenceData.unitName(unitCode) + "评分说明.pdf";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition
                        .inline().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.APPLICATION_PDF)
                .body(sheetPdf.render(model));
    }

    @GetMapping("/app/comprehensive/{campaignId}")
    String comprehensive(@PathVariable Long campaignId, Model model) {
        requireCoordinator();
        Campaign campaign = campaigns.get(campaignId);
        Map<String, ScoreRecord> recorded = new HashMap<>();
        scoring.latest(campaignId).forEach(r -> recorded.put(r.getUnitCode(), r));
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
        Campaign campaign = campaigns.get(campaignId);
        campaigns.unit(campaignId, unitCode);
        Map<String, UnitFact> stored = evaluation.facts(campaignId).getOrDefault(unitCode, Map.of());
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
                    String before = stored.containsKey(key) ? stored.get(key).getValueJson() : null;
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
                .map(CampaignUnit::getUnitCode).toList(), unitCode);
    }

    /**
     * @param submitted   what the coordinator typed, shown instead of what is stored (null: what is stored)
     * @param conflicting after a conflict, the values someone else changed: they show what is stored, at its
     *                    version, and what was typed beside
     */
    private String renderUnit(Long campaignId, String unitCode, Model model, List<InputError> errors,
                              Map<String, String> submitted, List<FactEntry> conflicting) {
        Campaign campaign = campaigns.get(campaignId);
        campaigns.unit(campaignId, unitCode);
        Map<String, String> stored = new HashMap<>();
        evaluation.values(campaignId, unitCode).forEach((key, value) -> {
            stored.put("v[" + key + "]", FormValues.display(value.fact().getValueJson(), value.parsed()));
            if (value.parsed() != null && value.parsed().isObject()) {
                stored.put("jr[" + key + "]", value.parsed().path("reason").asText());
            }
            stored.put("ver[" + key + "]", String.valueOf(value.fact().getVersion()));
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

    private Catalogue catalogue(Campaign campaign) {
        return catalogues.forYear(campaign.getCatalogueYear()).orElseThrow();
    }

    private void requireCoordinator() {
        if (!user.isCoordinator()) {
            throw new AccessDenied("综合评估由区政府办公室办理");
        }
    }
}
