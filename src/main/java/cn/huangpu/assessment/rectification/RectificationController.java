package cn.huangpu.assessment.rectification;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.catalogue.Catalogues;
import cn.huangpu.assessment.catalogue.Indicator;
import cn.huangpu.assessment.directory.ReferenceData;
import cn.huangpu.assessment.linkcheck.FetchResult.Outcome;
import cn.huangpu.assessment.linkcheck.LinkCheckResult;
import cn.huangpu.assessment.rectification.internal.RectificationFile;
import cn.huangpu.assessment.security.AccessDenied;
import cn.huangpu.assessment.security.CurrentUser;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.DisplayTime;
import cn.huangpu.assessment.web.EditConflictException;
import cn.huangpu.assessment.web.InputError;
import cn.huangpu.assessment.web.Workbooks;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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

/**
 * 整改 pages: a unit's list of items, where the unit reports on each (its own staff), the office accepts or sends
 * back each report and adds or removes items (coordinator), and leaders read; and the office's circular as xlsx.
 * Staff of another unit are answered as for a unit that does not exist (404); evaluators and the public get 403.
 */
@Controller
class RectificationController {

    private final RectificationService rectification;
    private final RectificationTracking tracking;
    private final CampaignService campaigns;
    private final Catalogues catalogues;
    private final ReferenceData referenceData;
    private final DisplayTime time;
    private final CurrentUser user;

    RectificationController(RectificationService rectification, RectificationTracking tracking,
                            CampaignService campaigns, Catalogues catalogues, ReferenceData referenceData,
                            DisplayTime time, CurrentUser user) {
        this.rectification = rectification;
        this.tracking = tracking;
        this.campaigns = campaigns;
        this.catalogues = catalogues;
        this.referenceData = referenceData;
        this.time = time;
        this.user = user;
    }

    @GetMapping("/app/rectification/{campaignId}/{unitCode}")
    String page(@PathVariable Long campaignId, @PathVariable String unitCode, Model model) {
        requireReader(unitCode);
        return render(campaignId, unitCode, model, List.of());
    }

    @PostMapping("/app/rectification/{campaignId}/{unitCode}/items/{itemId}/report")
    String report(@PathVariable Long campaignId, @PathVariable String unitCode, @PathVariable Long itemId,
                  @RequestParam(required = false) String kind, @RequestParam(required = false) String note,
                  @RequestParam(required = false) String link, @RequestParam(required = false) Long version,
                  Model model, HttpServletResponse response) {
        requireUnitStaff(unitCode);
        try {
            rectification.report(campaignId, unitCode, itemId, new RectificationService.Report(kind, note, link, version),
                    user.id());
        } catch (BadInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return render(campaignId, unitCode, model, e.errors());
        } catch (EditConflictException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return render(campaignId, unitCode, model, e.conflicts());
        }
        return "redirect:/app/rectification/" + campaignId + "/" + unitCode + "#item-" + itemId;
    }

    @PostMapping("/app/rectification/{campaignId}/{unitCode}/items/{itemId}/files")
    String upload(@PathVariable Long campaignId, @PathVariable String unitCode, @PathVariable Long itemId,
                  @RequestParam(required = false) MultipartFile file, Model model, HttpServletResponse response)
            throws IOException {
        requireUnitStaff(unitCode);
        try {
            rectification.attach(campaignId, unitCode, itemId, file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getContentType(), file == null ? null : file.getBytes(), user.id());
        } catch (BadInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return render(campaignId, unitCode, model, e.errors());
        }
        return "redirect:/app/rectification/" + campaignId + "/" + unitCode + "#item-" + itemId;
    }

    @GetMapping("/app/rectification/{campaignId}/{unitCode}/files/{fileId}")
    ResponseEntity<byte[]> download(@PathVariable Long campaignId, @PathVariable String unitCode,
                                    @PathVariable Long fileId) {
        requireReader(unitCode);
        RectificationFile file = rectification.file(campaignId, unitCode, fileId);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.getFileName(), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(file.getContent());
    }

    @PostMapping("/app/rectification/{campaignId}/{unitCode}/items/{itemId}/accept")
    String accept(@PathVariable Long campaignId, @PathVariable String unitCode, @PathVariable Long itemId,
                  Model model, HttpServletResponse response) {
        requireCoordinator();
        try {
            rectification.accept(campaignId, unitCode, itemId, user.id());
        } catch (BadInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return render(campaignId, unitCode, model, e.errors());
        }
        return "redirect:/app/rectification/" + campaignId + "/" + unitCode + "#item-" + itemId;
    }

    @PostMapping("/app/rectification/{campaignId}/{unitCode}/items/{itemId}/send-back")
    String sendBack(@PathVariable Long campaignId, @PathVariable String unitCode, @PathVariable Long itemId,
                    @RequestParam(required = false) String reason, Model model, HttpServletResponse response) {
        requireCoordinator();
        try {
            rectification.sendBack(campaignId, unitCode, itemId, reason, user.id());
        } catch (BadInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return render(campaignId, unitCode, model, e.errors());
        }
        return "redirect:/app/rectification/" + campaignId + "/" + unitCode + "#item-" + itemId;
    }

    @PostMapping("/app/rectification/{campaignId}/{unitCode}/items")
    String add(@PathVariable Long campaignId, @PathVariable String unitCode,
               @RequestParam(required = false) String indicatorCode, @RequestParam(required = false) String text,
               @RequestParam(required = false) String url, @RequestParam(required = false) String points,
               Model model, HttpServletResponse response) {
        requireCoordinator();
        try {
            rectification.add(campaignId, unitCode, indicatorCode, text, url, points, user.id());
        } catch (BadInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return render(campaignId, unitCode, model, e.errors());
        }
        return "redirect:/app/rectification/" + campaignId + "/" + unitCode;
    }

    @PostMapping("/app/rectification/{campaignId}/{unitCode}/items/{itemId}/remove")
    String remove(@PathVariable Long campaignId, @PathVariable String unitCode, @PathVariable Long itemId,
                  @RequestParam(required = false) String reason, Model model, HttpServletResponse response) {
        requireCoordinator();
        try {
            rectification.remove(campaignId, unitCode, itemId, reason, user.id());
        } catch (BadInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return render(campaignId, unitCode, model, e.errors());
        }
        return "redirect:/app/rectification/" + campaignId + "/" + unitCode;
    }

    /** Every unit's rectification with the dashboard's counts (office and leaders). */
    @GetMapping("/app/campaigns/{campaignId}/rectification")
    String overview(@PathVariable Long campaignId, Model model) {
        requireOffice();
        RectificationTracking.Overview overview = tracking.overview(campaignId);
        Map<String, String> dues = new HashMap<>();
        overview.units().stream().filter(r -> r.due() != null).forEach(r -> dues.put(r.unitCode(), time.format(r.due())));
        model.addAttribute("campaign", campaigns.get(campaignId));
        model.addAttribute("campaignId", campaignId);
        model.addAttribute("overview", overview);
        model.addAttribute("dues", dues);
        return "rectification-overview";
    }

    /** The dashboard's rectification stage, loaded into the dashboard by htmx. */
    @GetMapping("/app/campaigns/{campaignId}/rectification/stage")
    String stage(@PathVariable Long campaignId, Model model) {
        requireOffice();
        campaigns.get(campaignId);
        model.addAttribute("campaignId", campaignId);
        model.addAttribute("overview", tracking.overview(campaignId));
        return "fragments/rectification-stage :: stage";
    }

    /** The office's circular (通报): every unit's counts, then every item not removed, as xlsx. */
    @GetMapping("/app/campaigns/{campaignId}/rectification/export.xlsx")
    ResponseEntity<byte[]> export(@PathVariable Long campaignId) {
        requireOffice();
        CampaignInfo campaign = campaigns.get(campaignId);
        RectificationTracking.Overview overview = tracking.overview(campaignId);
        XSSFWorkbook workbook = Workbooks.workbook();
        Sheet units = Workbooks.sheet(workbook, "整改情况", List.of("单位", "整改项", "已整改", "未整改关闭", "待复核",
                "待整改", "退回次数", "截止时间", "是否逾期", "状态"));
        int r = 1;
        for (RectificationTracking.UnitRow row : overview.units()) {
            Row line = units.createRow(r++);
            line.createCell(0).setCellValue(row.unitName());
            line.createCell(1).setCellValue(row.items());
            line.createCell(2).setCellValue(row.fixed());
            line.createCell(3).setCellValue(row.closedUnfixed());
            line.createCell(4).setCellValue(row.toReview());
            line.createCell(5).setCellValue(row.open());
            line.createCell(6).setCellValue(row.sentBack());
            line.createCell(7).setCellValue(row.due() == null ? "" : time.format(row.due()));
            line.createCell(8).setCellValue(row.overdue() ? "逾期" : "");
            line.createCell(9).setCellValue(row.status());
        }
        Sheet items = Workbooks.sheet(workbook, "整改项", List.of("单位", "指标", "来源", "问题", "链接", "涉及分值",
                "状态", "单位报告", "说明", "证明链接", "退回或关闭理由"));
        r = 1;
        Map<String, String> names = referenceData.unitNames();
        for (RectificationItem item : rectification.allItems(campaignId)) {
            if (item.status() == ItemStatus.REMOVED) {
                continue;
            }
            Row line = items.createRow(r++);
            line.createCell(0).setCellValue(names.getOrDefault(item.unitCode(), item.unitCode()));
            line.createCell(1).setCellValue(item.indicatorCode());
            line.createCell(2).setCellValue(item.originLabel());
            line.createCell(3).setCellValue(item.findingText());
            line.createCell(4).setCellValue(item.findingUrl() == null ? "" : item.findingUrl());
            line.createCell(5).setCellValue(item.points().doubleValue());
            line.createCell(6).setCellValue(item.status().label());
            line.createCell(7).setCellValue(item.reportLabel());
            line.createCell(8).setCellValue(item.reportNote() == null ? "" : item.reportNote());
            line.createCell(9).setCellValue(item.reportLink() == null ? "" : item.reportLink());
            line.createCell(10).setCellValue(item.decisionReason() == null ? "" : item.decisionReason());
        }
        return Workbooks.download(workbook, campaign.year() + "年度政务公开考核评估整改情况.xlsx");
    }

    private String render(Long campaignId, String unitCode, Model model, List<InputError> errors) {
        CampaignInfo campaign = campaigns.get(campaignId);
        UnitStage stage = rectification.stage(campaignId, unitCode);
        List<RectificationItem> items = rectification.items(campaignId, unitCode);
        Catalogue catalogue = catalogues.forYear(campaign.catalogueYear()).orElseThrow();
        Map<String, String> indicatorNames = catalogue.indicators().stream()
                .collect(Collectors.toMap(Indicator::code, Indicator::name));
        Map<Long, List<LinkCheckResult>> checks = rectification.linkChecks(items);
        Map<Long, String> proposals = new HashMap<>();
        checks.forEach((id, results) -> proposals.put(id, proposal(results)));
        model.addAttribute("campaign", campaign);
        model.addAttribute("stage", stage);
        model.addAttribute("unitCode", unitCode);
        model.addAttribute("unitName", referenceData.unitName(unitCode));
        model.addAttribute("items", items);
        model.addAttribute("files", rectification.files(items));
        model.addAttribute("checks", checks);
        model.addAttribute("proposals", proposals);
        model.addAttribute("indicators", catalogue.indicators());
        model.addAttribute("indicatorNames", indicatorNames);
        model.addAttribute("unitEdits", user.isUnit(unitCode) && stage.status() == UnitStage.Status.RECTIFYING);
        model.addAttribute("office", user.isCoordinator());
        model.addAttribute("due", stage.due() == null ? null : time.format(stage.due()));
        model.addAttribute("errors", errors);
        model.addAttribute("noteChars", RectificationService.NOTE_CHARS);
        model.addAttribute("reasonChars", RectificationService.REASON_CHARS);
        model.addAttribute("urlChars", RectificationService.URL_CHARS);
        return "rectification";
    }

    /**
     * What the automatic re-check proposes for a reported fix: fixed when every link it gave answers with the page
     * and its keyword, not fixed when one is broken or the wrong page; the office decides.
     */
    static String proposal(List<LinkCheckResult> results) {
        List<String> parts = new ArrayList<>();
        boolean pending = false;
        boolean broken = false;
        for (LinkCheckResult result : results) {
            if (result.outcome() == null) {
                pending = true;
            } else if (result.outcome() == Outcome.BROKEN || result.outcome() == Outcome.WRONG) {
                broken = true;
                parts.add(result.outcome().label() + (result.detail() == null ? "" : "：" + result.detail()));
            } else if (result.outcome() != Outcome.OK) {
                parts.add(result.outcome().label() + (result.detail() == null ? "" : "：" + result.detail()) + "，请人工核对");
            }
        }
        if (pending) {
            return "自动检查进行中…";
        }
        if (broken) {
            return "自动检查：" + String.join("；", parts) + "。建议退回";
        }
        return parts.isEmpty() ? "自动检查：链接可访问，页面含关键词。建议通过（已整改）" : "自动检查：" + String.join("；", parts);
    }

    private void requireReader(String unitCode) {
        user.requireUnit(unitCode, true, "整改情况由参评单位和区政府办公室查看");
    }

    private void requireUnitStaff(String unitCode) {
        user.requireUnit(unitCode, false, "整改情况由参评单位报告");
    }

    private void requireCoordinator() {
        if (!user.isCoordinator()) {
            throw new AccessDenied("整改复核和整改清单由区政府办公室办理");
        }
    }

    private void requireOffice() {
        if (!user.isCoordinator() && !user.isLeader()) {
            throw new AccessDenied("整改情况汇总由区政府办公室和区领导查看");
        }
    }
}
