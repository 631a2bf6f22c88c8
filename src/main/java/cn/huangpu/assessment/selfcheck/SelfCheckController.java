package cn.huangpu.assessment.selfcheck;

import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.directory.ReferenceData;
import cn.huangpu.assessment.security.CurrentUser;
import cn.huangpu.assessment.selfcheck.SelfCheckService.Draft;
import cn.huangpu.assessment.selfcheck.SelfCheckService.NewFile;
import cn.huangpu.assessment.selfcheck.internal.EvidenceFile;
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
import java.util.Set;
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
        return render(campaignId, unitCode, model, stored(campaignId, unitCode), "", List.of(), Map.of());
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
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return render(campaignId, unitCode, model, drafts, "草稿未保存，请修改以下内容后再保存：", e.errors(), Map.of());
        } catch (EditConflictException e) {
            return conflict(campaignId, unitCode, drafts, model, response, "");
        }
        // A form posted without the page's script sends a chosen file's name only, never the file.
        boolean filesLeft = form.entrySet().stream()
                .anyMatch(field -> field.getKey().startsWith("file[") && !field.getValue().isBlank());
        redirect.addFlashAttribute("saved", "草稿已保存。" + progressNote(campaignId, unitCode)
                + (filesLeft ? "所选文件未上传：请点击该指标的“上传”按钮上传。" : ""));
        return "redirect:/app/self-check/" + campaignId + "/" + unitCode;
    }

    /**
     * Uploads the files chosen on the page (fields {@code file[code]}; or {@code file} for the indicator named by
     * {@code indicatorCode}) together with the drafts of the same form, in one transaction: the page's upload
     * buttons submit the whole self-check form, so that nothing typed is lost by uploading. A bad draft or file
     * refuses both (400, the page again with what was typed); a draft someone else changed refuses both as a
     * save does (409).
     *
     * @param upload the indicator whose 上传 button was pressed: where the page returns to
     */
    @PostMapping("/app/self-check/{campaignId}/{unitCode}/files")
    String upload(@PathVariable Long campaignId, @PathVariable String unitCode, @RequestParam Map<String, String> form,
                  @RequestParam Map<String, MultipartFile> chosen, @RequestParam(required = false) String upload,
                  @RequestParam(required = false) String indicatorCode, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) throws IOException {
        requireEditor(unitCode);
        Map<String, Draft> drafts = drafts(campaignId, form);
        String row = upload != null ? upload : indicatorCode;
        List<NewFile> files = new ArrayList<>();
        for (Map.Entry<String, MultipartFile> part : chosen.entrySet()) {
            String code = part.getKey().equals("file") ? indicatorCode : bracketed("file", part.getKey());
            MultipartFile file = part.getValue();
            // a file field left empty arrives as a part without a name
            if (code != null && file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank()) {
                files.add(new NewFile(code, file.getOriginalFilename(), file.getContentType(), file.getBytes()));
            }
        }
        if (files.isEmpty() && row != null) {
            files.add(new NewFile(row, null, null, null)); // refused as no file chosen, naming the indicator
        }
        try {
            selfChecks.saveDraftWithFiles(campaignId, unitCode, drafts, files, user.id());
        } catch (BadInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return render(campaignId, unitCode, model, drafts,
                    "附件未上传，填写的内容也未保存（仍在页面上）。请修改以下内容，再重新选择文件上传：", e.errors(), Map.of());
        } catch (EditConflictException e) {
            return conflict(campaignId, unitCode, drafts, model, response, "附件未上传，请核对后重新选择文件上传。");
        }
        redirect.addFlashAttribute("saved", "草稿已保存，附件已上传："
                + files.stream().map(f -> f.fileName().strip() + "（指标 " + f.indicatorCode() + "）")
                .collect(Collectors.joining("、")) + "。" + progressNote(campaignId, unitCode));
        return "redirect:/app/self-check/" + campaignId + "/" + unitCode
                + (row != null && selfChecks.catalogue(campaignId).indicator(row).isPresent() ? "#i-" + row : "");
    }

    /**
     * A save or upload over someone else's newer change (409): nothing is saved; the indicators that changed show
     * what is saved now, at its version, with what this user typed beside them ({@code yours}).
     */
    private String conflict(Long campaignId, String unitCode, Map<String, Draft> drafts, Model model,
                            HttpServletResponse response, String also) {
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
                : "。下列指标框中已换为当前保存的内容，您填写的内容列在其下，核对后再保存。") + also));
        errors.addAll(conflicts);
        return render(campaignId, unitCode, model, shown, "未保存：", errors, yours);
    }

    private String progressNote(Long campaignId, String unitCode) {
        int missing = selfChecks.missing(campaignId, unitCode).size();
        return missing == 0 ? "各项已填写完整，可到待办任务中提交自查。" : "尚有" + missing + "项未填写完整，见下方提示。";
    }

    /** {@code code} of a field named {@code prefix[code]}, or null. */
    private static String bracketed(String prefix, String name) {
        return name.startsWith(prefix + "[") && name.endsWith("]")
                ? name.substring(prefix.length() + 1, name.length() - 1) : null;
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
        Map<String, SelfCheckAnswer> entries = selfChecks.entries(campaignId, unitCode);
        Map<String, Long> fileCounts = new HashMap<>();
        selfChecks.files(campaignId, unitCode).forEach(f -> fileCounts.merge(f.indicatorCode(), 1L, Long::sum));
        var workbook = Workbooks.workbook();
        var sheet = Workbooks.sheet(workbook, "单位自查",
                List.of("序号", "指标", "分值", "不涉及", "完成情况", "证明链接", "附件数"));
        int r = 1;
        for (var indicator : catalogue.indicators()) {
            SelfCheckAnswer entry = entries.get(indicator.code());
            var row = sheet.createRow(r++);
            row.createCell(0).setCellValue(indicator.code());
            row.createCell(1).setCellValue(indicator.name());
            row.createCell(2).setCellValue(indicator.points().doubleValue());
            row.createCell(3).setCellValue(entry != null && entry.notInvolved() ? "是" : "");
            row.createCell(4).setCellValue(entry == null || entry.completion() == null ? "" : entry.completion());
            row.createCell(5).setCellValue(entry == null ? "" : String.join("\n", entry.links()));
            row.createCell(6).setCellValue(fileCounts.getOrDefault(indicator.code(), 0L));
        }
        var campaign = campaigns.get(campaignId);
        return Workbooks.download(workbook,
                campaign.year() + "年度" + referenceData.unitName(unitCode) + "自查表.xlsx");
    }

    /**
     * @param drafts     what the fields show, with the version each was loaded at
     * @param errorTitle what the list of {@code errors} is about (a refused save or upload: the fields hold text
     *                   that is not saved, which the page's script then guards against being left)
     * @param yours      after a conflict, what this user typed for the indicators someone else changed
     */
    private String render(Long campaignId, String unitCode, Model model, Map<String, Draft> drafts, String errorTitle,
                          List<InputError> errors, Map<String, Draft> yours) {
        Catalogue catalogue = selfChecks.catalogue(campaignId);
        List<InputError> missing = selfChecks.missing(campaignId, unitCode);
        boolean editable = user.isUnit(unitCode) && selfChecks.isEditable(campaignId, unitCode);
        model.addAttribute("campaign", campaigns.get(campaignId));
        model.addAttribute("unit", campaigns.unit(campaignId, unitCode));
        model.addAttribute("unitName", referenceData.unitName(unitCode));
        model.addAttribute("catalogue", catalogue);
        model.addAttribute("drafts", drafts);
        model.addAttribute("yours", yours);
        model.addAttribute("files", selfChecks.files(campaignId, unitCode));
        model.addAttribute("editable", editable);
        model.addAttribute("errorTitle", errorTitle);
        model.addAttribute("errors", errors);
        model.addAttribute("limits", SelfCheckService.LIMITS);
        model.addAttribute("maxFileBytes", SelfCheckService.MAX_FILE_BYTES);
        model.addAttribute("fileAccept", SelfCheckService.FILE_TYPES.stream().sorted().map(type -> "." + type)
                .collect(Collectors.joining(",")));
        model.addAttribute("missing", missing);
        model.addAttribute("progress", Progress.of(catalogue, missing));
        if (!editable) {
            Map<String, List<EvidenceLine>> evidence = new HashMap<>();
            drafts.forEach((code, draft) -> evidence.put(code, EvidenceLine.of(draft.evidenceLinks())));
            model.addAttribute("evidence", evidence);
        }
        return "self-check";
    }

    /**
     * How far the self-check is: the indicators filled in completely as {@link SelfCheckService#missing} counts
     * them (not involved, or a completion with a link or a file), in all and per section.
     */
    record Progress(int filled, int total, Set<String> missingCodes, Map<String, Integer> filledBySection) {

        static Progress of(Catalogue catalogue, List<InputError> missing) {
            Set<String> missingCodes = missing.stream().map(InputError::indicator).collect(Collectors.toSet());
            Map<String, Integer> bySection = new HashMap<>();
            for (Catalogue.Section section : catalogue.sections()) {
                bySection.put(section.number(), (int) section.indicators().stream()
                        .filter(indicator -> !missingCodes.contains(indicator.code())).count());
            }
            int total = catalogue.indicators().size();
            return new Progress(total - missingCodes.size(), total, missingCodes, bySection);
        }

        /** Whole percent, for the progress bar. */
        public int percent() {
            return total == 0 ? 100 : filled * 100 / total;
        }
    }

    /** One line of the evidence links as the read-only page shows it: the address, a link only if it is a web one. */
    record EvidenceLine(String url, String keyword, boolean web) {

        static List<EvidenceLine> of(String links) {
            if (links == null) {
                return List.of();
            }
            return links.lines().map(String::strip).filter(line -> !line.isEmpty()).map(line -> {
                String[] parts = line.split("\\s+", 2);
                return new EvidenceLine(parts[0], parts.length > 1 ? parts[1].strip() : null,
                        SelfCheckService.isWebLink(parts[0]));
            }).toList();
        }
    }

    private void requireReader(String unitCode) {
        user.requireUnit(unitCode, true, "只能查看本单位的自查");
    }

    private void requireEditor(String unitCode) {
        user.requireUnit(unitCode, false, "只有本单位人员可以填报本单位的自查");
    }
}
