package cn.huangpu.assessment.evaluation;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.EvaluatorParticipation;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.HandedOver;
import cn.huangpu.assessment.campaign.UnitParticipation;
import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.catalogue.Indicator;
import cn.huangpu.assessment.catalogue.Input;
import cn.huangpu.assessment.directory.ReferenceData;
import cn.huangpu.assessment.scoring.FactsParser;
import cn.huangpu.assessment.scoring.InvalidFactsException;
import cn.huangpu.assessment.security.CurrentUser;
import cn.huangpu.assessment.selfcheck.SelfCheckService;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.DisplayTime;
import cn.huangpu.assessment.web.EditConflictException;
import cn.huangpu.assessment.web.InputError;
import cn.huangpu.assessment.web.NotFoundException;
import cn.huangpu.assessment.web.NotTakingPartException;
import cn.huangpu.assessment.web.Workbooks;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A specialist evaluator's page: its indicators' inputs × every unit of the campaign. */

@Controller
class EvaluationController {

    /** One column of the grid: an input of an indicator the evaluator owns. */
    record Column(Indicator indicator, Input input) {
        String key() {
            return indicator.code() + "/" + input.name();
        }
    }

    private final EvaluationService evaluation;
    private final EvaluationSpreadsheet spreadsheet;
    private final CampaignService campaigns;
    private final ReferenceData referenceData;
    private final CurrentUser user;
    private final DisplayTime time;

    EvaluationController(EvaluationService evaluation, EvaluationSpreadsheet spreadsheet, CampaignService campaigns,
                         ReferenceData referenceData, CurrentUser user, DisplayTime time) {
        this.evaluation = evaluation;
        this.spreadsheet = spreadsheet;
        this.campaigns = campaigns;
        this.referenceData = referenceData;
        this.user = user;
        this.time = time;
    }

    @GetMapping("/app/evaluation/{campaignId}/{evaluatorCode}")
    String page(@PathVariable Long campaignId, @PathVariable String evaluatorCode, Model model) {
        requireReader(evaluatorCode);
        requireTakingPart(campaignId, evaluatorCode);
        return render(campaignId, evaluatorCode, model, List.of(), null, List.of());
    }

    /**
     * Saves the grid with the versions it was loaded at (hidden fields {@code ver[unit|indicator/input]}). Bad
     * input (400) shows the grid again with what was typed. A save over someone else's newer change (409) saves
     * nothing and shows the grid again: the cells that changed hold what is saved now (at its version, so saving
     * again keeps it), with what this user typed shown beside them; every other cell keeps what was typed.
     */
    @PostMapping("/app/evaluation/{campaignId}/{evaluatorCode}")
    String save(@PathVariable Long campaignId, @PathVariable String evaluatorCode, @RequestParam Map<String, String> form,
                Model model, HttpServletResponse response, RedirectAttributes redirect) {
        requireEditor(evaluatorCode, "只有本专项评估单位人员可以录入评估结果");
        requireTakingPart(campaignId, evaluatorCode);
        CampaignInfo campaign = campaigns.get(campaignId);
        List<InputError> errors = new ArrayList<>();
        List<FactEntry> entries = new ArrayList<>();
        for (UnitParticipation unit : campaigns.units(campaignId)) {
            for (Column column : columns(evaluation.catalogue(campaign), evaluatorCode)) {
                String cell = unit.unitCode() + "|" + column.key();
                if (!form.containsKey("v[" + cell + "]")) {
                    continue;
                }
                String unitName = referenceData.unitName(unit.unitCode());
                try {
                    JsonNode value = FormValues.toJson(column.input(), form.get("v[" + cell + "]"), form.get("r[" + cell + "]"));
                    if (value != null) {
                        FactsParser.parseInput(column.indicator(), column.input().name(), value);
                    }
                    entries.add(new FactEntry(unit.unitCode(), column.indicator().code(), column.input().name(), value,
                            null, FormValues.version(form.get("ver[" + cell + "]"))));
                } catch (IllegalArgumentException e) {
                    errors.add(new InputError(column.indicator().code(), column.input().name(), column.input().label(),
                            unitName + "：" + e.getMessage()));
                } catch (InvalidFactsException e) {
                    e.errors().forEach(err -> errors.add(new InputError(column.indicator().code(), column.input().name(),
                            column.input().label(), unitName + "：" + err.reason())));
                }
            }
        }
        try {
            if (!errors.isEmpty()) {
                throw new BadInputException("评估结果未保存", errors);
            }
            evaluation.record(campaignId, evaluatorCode, entries, false, user.id());
        } catch (BadInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return render(campaignId, evaluatorCode, model, e.errors(), form, List.of());
        } catch (EditConflictException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            List<FactEntry> conflicting = evaluation.conflicting(campaignId, evaluatorCode, entries);
            List<InputError> shown = new ArrayList<>();
            shown.add(InputError.field(null, EditConflictException.TITLE + (conflicting.isEmpty() ? "。"
                    : "。下列格中已换为当前保存的值，您填写的值列在其下，核对后再保存。")));
            shown.addAll(e.conflicts().isEmpty() ? conflicting.stream().map(c -> new InputError(c.indicatorCode(),
                    c.inputName(), referenceData.unitName(c.unitCode()) + "：已被他人修改")).toList() : e.conflicts());
            return render(campaignId, evaluatorCode, model, shown, form, conflicting);
        }
        List<InputError> missing = evaluation.missing(campaignId, evaluatorCode);
        boolean delivered = campaigns.evaluator(campaignId, evaluatorCode).status() == EvaluatorParticipation.Status.DELIVERED;
        redirect.addFlashAttribute("saved", delivered ? (missing.isEmpty() ? "已补录，补录的项已全部录入。"
                : "已补录。尚有" + missing.size() + "项待补录。")
                : missing.isEmpty() ? "已保存。全部录入完毕，可到待办任务中提交专项评估结果。"
                : "已保存。尚有" + missing.size() + "项未录入。");
        return "redirect:/app/evaluation/" + campaignId + "/" + evaluatorCode;
    }

    @GetMapping("/app/evaluation/{campaignId}/{evaluatorCode}/template.xlsx")
    ResponseEntity<byte[]> template(@PathVariable Long campaignId, @PathVariable String evaluatorCode) {
        requireReader(evaluatorCode);
        requireTakingPart(campaignId, evaluatorCode);
        CampaignInfo campaign = campaigns.get(campaignId);
        return Workbooks.download(spreadsheet.template(campaignId, evaluatorCode),
                campaign.year() + "年度" + referenceData.evaluatorName(evaluatorCode) + "专项评估模板.xlsx");
    }

    @PostMapping("/app/evaluation/{campaignId}/{evaluatorCode}/upload")
    String upload(@PathVariable Long campaignId, @PathVariable String evaluatorCode,
                  @RequestParam("file") MultipartFile file, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        requireEditor(evaluatorCode, "只有本专项评估单位人员可以导入评估结果");
        requireTakingPart(campaignId, evaluatorCode);
        try (var in = file.getInputStream()) {
            if (file.getSize() > SelfCheckService.MAX_FILE_BYTES) {
                throw new BadInputException("表格未导入", InputError.field("file", "文件过大，表格不超过10MB"));
            }
            int saved = spreadsheet.upload(campaignId, evaluatorCode, in, user.id());
            redirect.addFlashAttribute("saved", "表格已导入，保存" + saved + "项。");
        } catch (BadInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return render(campaignId, evaluatorCode, model, e.errors(), null, List.of());
        } catch (EditConflictException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            List<InputError> shown = new ArrayList<>();
            shown.add(InputError.field(null, EditConflictException.TITLE
                    + "。表格下载后下列值已被他人修改，表格未导入（全部未保存）；请重新下载模板，填写后再导入。"));
            shown.addAll(e.conflicts());
            return render(campaignId, evaluatorCode, model, shown, null, List.of());
        }
        return "redirect:/app/evaluation/" + campaignId + "/" + evaluatorCode;
    }

    /**
     * @param submitted   what the user typed, shown instead of what is stored (null: show what is stored)
     * @param conflicting after a conflict, the cells someone else changed: they show what is stored, at its
     *                    version, and what the user typed beside
     */
    private String render(Long campaignId, String evaluatorCode, Model model, List<InputError> errors,
                          Map<String, String> submitted, List<FactEntry> conflicting) {
        CampaignInfo campaign = campaigns.get(campaignId);
        EvaluatorParticipation evaluator = campaigns.evaluator(campaignId, evaluatorCode);
        Catalogue catalogue = evaluation.catalogue(campaign);
        Map<String, String> values = new HashMap<>();
        Map<String, String> reasons = new HashMap<>();
        Map<String, String> versions = new HashMap<>();
        Map<String, String> stored = new HashMap<>();
        List<InputError> invalid = new ArrayList<>();
        // only this evaluator's columns are shown: the other evaluators' values of the campaign are skipped
        List<Column> columns = columns(catalogue, evaluatorCode);
        Set<String> owned = columns.stream().map(Column::key).collect(Collectors.toSet());
        Set<String> indicators = columns.stream().map(c -> c.indicator().code()).collect(Collectors.toSet());
        evaluation.values(campaignId, indicators).forEach((unit, facts) -> facts.forEach((key, value) -> {
            if (!owned.contains(key)) {
                return;
            }
            StoredFact fact = value.fact();
            stored.put("v[" + unit + "|" + key + "]", FormValues.display(fact.valueJson(), value.parsed()));
            if (value.parsed() != null && value.parsed().isObject()) {
                stored.put("r[" + unit + "|" + key + "]", value.parsed().path("reason").asText());
            }
            if (!value.usable()) {
                invalid.add(value.refusal(referenceData.unitName(unit)));
            }
            stored.put("ver[" + unit + "|" + key + "]", String.valueOf(fact.version()));
        }));
        Map<String, String> shown = new HashMap<>(stored);
        if (submitted != null) {
            shown.putAll(submitted);
        }
        Map<String, String> yours = new HashMap<>();
        for (FactEntry entry : conflicting) {
            String cell = entry.unitCode() + "|" + entry.indicatorCode() + "/" + entry.inputName();
            for (String field : List.of("v[" + cell + "]", "r[" + cell + "]", "ver[" + cell + "]")) {
                if (submitted != null && submitted.containsKey(field) && !field.startsWith("ver")) {
                    yours.put(field, submitted.get(field));
                }
                shown.remove(field);
                if (stored.containsKey(field)) {
                    shown.put(field, stored.get(field));
                }
            }
        }
        shown.forEach((k, v) -> (k.startsWith("r[") ? reasons : k.startsWith("ver[") ? versions : values).put(k, v));
        model.addAttribute("campaign", campaign);
        model.addAttribute("evaluator", evaluator);
        model.addAttribute("evaluatorName", referenceData.evaluatorName(evaluatorCode));
        model.addAttribute("columns", columns);
        List<UnitParticipation> units = campaigns.units(campaignId);
        model.addAttribute("units", units);
        model.addAttribute("groups", referenceData.unitOrder().grouped(units, UnitParticipation::unitCode));
        model.addAttribute("unitNames", referenceData.unitNames());
        model.addAttribute("values", values);
        model.addAttribute("reasons", reasons);
        model.addAttribute("versions", versions);
        model.addAttribute("yours", yours);
        model.addAttribute("editable", user.isEvaluator(evaluatorCode) && !campaign.isFrozen()
                && evaluator.status() == EvaluatorParticipation.Status.PENDING);
        // after delivery, the cells a rejected 不涉及 claim reopened stay open to the evaluator for a late entry (补录)
        Set<String> reopened = evaluator.status() == EvaluatorParticipation.Status.DELIVERED && !campaign.isFrozen()
                ? evaluation.reopened(campaignId, evaluatorCode) : Set.of();
        model.addAttribute("reopened", reopened);
        model.addAttribute("lateEntry", user.isEvaluator(evaluatorCode) && !reopened.isEmpty());
        model.addAttribute("locked", locked(campaign, evaluator));
        model.addAttribute("errors", errors);
        model.addAttribute("invalid", invalid);
        model.addAttribute("missingCount", evaluation.missing(campaignId, evaluatorCode).size());
        return "evaluation";
    }

    /** Why the grid cannot be changed (shown when it is not editable). */
    private String locked(CampaignInfo campaign, EvaluatorParticipation evaluator) {
        return switch (evaluator.status()) {
            case DELIVERED -> evaluator.deliveredAt() == null ? "已提交（未记录提交时间），不能再修改。"
                    : "已于 " + time.format(evaluator.deliveredAt()) + " 提交，不能再修改。";
            case CLOSED -> "逾期未提交，区政府办公室已关闭本项专项评估，不能再修改。";
            case PENDING -> campaign.isFrozen() ? "考核结果已审定，评估结果不能再修改。"
                    : "尚未提交。评估结果由" + referenceData.evaluatorName(evaluator.evaluatorCode()) + "录入，本页只读。";
        };
    }

    static List<Column> columns(Catalogue catalogue, String evaluatorCode) {
        List<Column> columns = new ArrayList<>();
        for (Indicator indicator : catalogue.indicators()) {
            indicator.directInputs(evaluatorCode).forEach(input -> columns.add(new Column(indicator, input)));
        }
        return columns;
    }

    /**
     * An evaluator the catalogue names but the campaign left out has no grid in it: 404, saying so and who enters its
     * indicators instead. An unknown code is not found like any unknown id.
     */
    private void requireTakingPart(Long campaignId, String evaluatorCode) {
        CampaignInfo campaign = campaigns.get(campaignId);
        if (campaigns.evaluators(campaignId).stream().anyMatch(e -> e.evaluatorCode().equals(evaluatorCode))) {
            return;
        }
        if (referenceData.evaluator(evaluatorCode).isEmpty()) {
            throw new NotFoundException("evaluator " + evaluatorCode);
        }
        String handed = campaigns.handedToOffice(campaignId).stream()
                .filter(h -> h.evaluatorCode().equals(evaluatorCode)).findFirst()
                .map(h -> "其指标（" + h.indicators().stream().map(HandedOver.Item::code).collect(Collectors.joining("、"))
                        + "）由区政府办公室在综合评估中录入。")
                .orElse("");
        throw new NotTakingPartException(referenceData.evaluatorName(evaluatorCode) + "未参加" + campaign.year()
                + "年度政务公开考核评估，没有本次专项评估页面。" + handed);
    }

    private void requireReader(String evaluatorCode) {
        user.requireEvaluator(evaluatorCode, true, "只能查看本专项评估单位的评估结果");
    }

    private void requireEditor(String evaluatorCode, String refusal) {
        user.requireEvaluator(evaluatorCode, false, refusal);
    }
}
