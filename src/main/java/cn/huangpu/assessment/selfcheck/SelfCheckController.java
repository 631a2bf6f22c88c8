package cn.huangpu.assessment.selfcheck;

import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.directory.ReferenceData;
import cn.huangpu.assessment.security.CurrentUser;
import cn.huangpu.assessment.selfcheck.SelfCheckService.Draft;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.EditConflictException;
import cn.huangpu.assessment.web.InputError;
import cn.huangpu.assessment.web.Workbooks;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The self-check page (自查填报): built from the catalogue, indicator by indicator. The unit's staff
 * edit it until submission; the office reads it.
 */

@Controller
class SelfCheckController {

    private final SelfCheckService selfChecks;
    private final CampaignService campaigns;
    private final ReferenceData referenceData;
    private final CurrentUser user;

    SelfCheckController(SelfCheckService selfChecks, CampaignService campaigns, ReferenceData referenceData,
                        CurrentUser user) {
        this.selfChecks = selfChecks;
        this.campaigns = campaigns;
        this.referenceData = referenceData;
        this.user = user;
    }

    @GetMapping("/app/self-check/{campaignId}/{unitCode}")
    String page(@PathVariable Long campaignId, @PathVariable String unitCode, Model model) {
        requireReader(unitCode);
        return render(campaignId, unitCode, model, stored(campaignId, unitCode), List.of(), Map.of());
    }

    /**
     * Saves the drafts with the versions the page was loaded at (hidden fields {@code version[code]}). Bad input
     * (400) shows the page again with what was typed. A save over someone else's newer change (409) saves
     * nothing and shows the page again: the indicators that changed hold what is saved now (at its version, so
     * saving again keeps it), with what this user typed shown beside them; every other indicator keeps what
     * this user typed.
     */
    @PostMapping("/app/self-check/{campaignId}/{unitCode}")
    String save(@PathVariable Long campaignId, @PathVariable String unitCode, @RequestParam Map<String, String> form,
                @RequestParam(defaultValue = "save") String action, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        requireEditor(unitCode);
        Map<String, Draft> drafts = drafts(campaignId, form);
        try {
            selfChecks.saveDraft(campaignId, unitCode, drafts, user.id());
        } catch (BadInputException e) {
            // The page again with what was typed, not what is stored, so that nothing typed is lost.
            Map<String, SelfCheckEntry> typed = new HashMap<>(selfChecks.entries(campaignId, unitCode));
            drafts.forEach((code, draft) -> typed.put(code, SelfCheckEntry.unsaved(campaignId, unitCode, code, draft)));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return render(campaignId, unitCode, model, drafts, e.errors(), Map.of());
        } catch (EditConflictException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            List<InputError> conflicts = selfChecks.conflicts(campaignId, unitCode, drafts);
            Map<String, Draft> current = stored(campaignId, unitCode);
            Map<String, Draft> shown = new LinkedHashMap<>(drafts);
            Map<String, Draft> yours = new LinkedHashMap<>();
            for (InputError conflict : conflicts) {
                String code = conflict.indicator();
                yours.put(code, drafts.get(code));
                shown.put(code, current.getOrDefault(code, new Draft(null, null, false, 0L)));
            }
            List<InputError> errors = new ArrayList<>();
            errors.add(InputError.field(null, EditConflictException.TITLE + (conflicts.isEmpty() ? "。"
                    : "。下列指标框中已换为当前保存的内容，您填写的内容列在其下，核对后再保存。")));
            errors.addAll(conflicts);
            return render(campaignId, unitCode, model, shown, errors, yours);
        }
        List<InputError> missing = selfChecks.missing(campaignId, unitCode);
        redirect.addFlashAttribute("saved", missing.isEmpty()
                ? "草稿已保存。各项已填写完整，可到待办任务中提交自查。"
                : "草稿已保存。尚有" + missing.size() + "项未填写完整，见下方提示。");
        return "redirect:/app/self-check/" + campaignId + "/" + unitCode;
    }

    /** The drafts of the form; an indicator without a version field was loaded without an entry (version 0). */
    private Map<String, Draft> drafts(Long campaignId, Map<String, String> form) {
        Map<String, Draft> drafts = new LinkedHashMap<>();
        List<InputError> errors = new ArrayList<>();
        selfChecks.catalogue(campaignId).indicators().forEach(indicator -> {
            String code = indicator.code();
            if (form.containsKey("completion[" + code + "]")) {
                String version = form.getOrDefault("version[" + code + "]", "");
                long loaded = 0;
                try {
                    loaded = version.isBlank() ? 0 : Long.parseLong(version.strip());
                } catch (NumberFormatException e) {
                    errors.add(new InputError(code, "version", "页面数据有误，请刷新后再保存"));
                }
                drafts.put(code, new Draft(form.get("completion[" + code + "]"), form.get("links[" + code + "]"),
                        "on".equals(form.get("notInvolved[" + code + "]")), loaded));
            }
        });
        if (!errors.isEmpty()) {
            throw new BadInputException("自查草稿未保存", errors);
        }
        return drafts;
    }

    private Map<String, Draft> stored(Long campaignId, String unitCode) {
        return selfChecks.entries(campaignId, unitCode).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> Draft.of(e.getValue())));
    }

    @PostMapping("/app/self-check/{campaignId}/{unitCode}/files")
    String upload(@PathVariable Long campaignId, @PathVariable String unitCode, @RequestParam String indicatorCode,
                  @RequestParam("file") MultipartFile file, Model model, HttpServletResponse response) throws IOException {
        requireEditor(unitCode);
        try {
            selfChecks.upload(campaignId, unitCode, indicatorCode, file.getOriginalFilename(), file.getContentType(),
                    file.getBytes(), user.id());
        } catch (BadInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return render(campaignId, unitCode, model, stored(campaignId, unitCode), e.errors(), Map.of());
        }
        return "redirect:/app/self-check/" + campaignId + "/" + unitCode + "#i-" + indicatorCode;
    }

    @PostMapping("/app/self-check/{campaignId}/{unitCode}/files/{fileId}/delete")
    String deleteFile(@PathVariable Long campaignId, @PathVariable String unitCode, @PathVariable Long fileId) {
        requireEditor(unitCode);
        selfChecks.deleteFile(campaignId, unitCode, fileId);
        return "redirect:/app/self-check/" + campaignId + "/" + unitCode;
    }

    @GetMapping("/app/self-check/{campaignId}/{unitCode}/files/{fileId}")
    ResponseEntity<byte[]> download(@PathVariable Long campaignId, @PathVariable String unitCode, @PathVariable Long fileId) {
        requireReader(unitCode);
        EvidenceFile file = selfChecks.file(campaignId, unitCode, fileId);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.getFileName(), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(file.getContent());
    }

    @GetMapping("/app/self-check/{campaignId}/{unitCode}/export.xlsx")
    ResponseEntity<byte[]> export(@PathVariable Long campaignId, @PathVariable String unitCode) {
        requireReader(unitCode);
        campaigns.unit(campaignId, unitCode);
        var catalogue = selfChecks.catalogue(campaignId);
        Map<String, SelfCheckEntry> entries = selfChecks.entries(campaignId, unitCode);
        Map<String, Long> fileCounts = new HashMap<>();
        selfChecks.files(campaignId, unitCode).forEach(f -> fileCounts.merge(f.indicatorCode(), 1L, Long::sum));
        var workbook = Workbooks.workbook();
        var sheet = Workbooks.sheet(workbook, "单位自查",
                List.of("序号", "指标", "分值", "不涉及", "完成情况", "证明链接", "附件数"));
        int r = 1;
        for (var indicator : catalogue.indicators()) {
            SelfCheckEntry entry = entries.get(indicator.code());
            var row = sheet.createRow(r++);
            row.createCell(0).setCellValue(indicator.code());
            row.createCell(1).setCellValue(indicator.name());
            row.createCell(2).setCellValue(indicator.points().doubleValue());
            row.createCell(3).setCellValue(entry != null && entry.isNotInvolved() ? "是" : "");
            row.createCell(4).setCellValue(entry == null || entry.getCompletion() == null ? "" : entry.getCompletion());
            row.createCell(5).setCellValue(entry == null ? "" : String.join("\n", entry.links()));
            row.createCell(6).setCellValue(fileCounts.getOrDefault(indicator.code(), 0L));
        }
        var campaign = campaigns.get(campaignId);
        return Workbooks.download(workbook,
                campaign.getYear() + "年度" + referenceData.unitName(unitCode) + "自查表.xlsx");
    }

    /**
     * @param drafts what the fields show, with the version each was loaded at
     * @param yours  after a conflict, what this user typed for the indicators someone else changed
     */
    private String render(Long campaignId, String unitCode, Model model, Map<String, Draft> drafts,
                          List<InputError> errors, Map<String, Draft> yours) {
        model.addAttribute("campaign", campaigns.get(campaignId));
        model.addAttribute("unit", campaigns.unit(campaignId, unitCode));
        model.addAttribute("unitName", referenceData.unitName(unitCode));
        model.addAttribute("catalogue", selfChecks.catalogue(campaignId));
        model.addAttribute("drafts", drafts);
        model.addAttribute("yours", yours);
        model.addAttribute("files", selfChecks.files(campaignId, unitCode));
        model.addAttribute("editable", user.isUnit(unitCode) && selfChecks.isEditable(campaignId, unitCode));
        model.addAttribute("errors", errors);
        model.addAttribute("limits", SelfCheckService.LIMITS);
        model.addAttribute("missing", selfChecks.missing(campaignId, unitCode));
        return "self-check";
    }

    private void requireReader(String unitCode) {
        user.requireUnit(unitCode, true, "只能查看本单位的自查");
    }

    private void requireEditor(String unitCode) {
        user.requireUnit(unitCode, false, "只有本单位人员可以填报本单位的自查");
    }
}
