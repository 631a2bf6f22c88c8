package cn.huangpu.assessment.results;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.CampaignStatus;
import cn.huangpu.assessment.campaign.ScoreVisibility;
import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.catalogue.Catalogues;
import cn.huangpu.assessment.directory.ReferenceData;
import cn.huangpu.assessment.linkcheck.LinkCheckResult;
import cn.huangpu.assessment.linkcheck.LinkCheckService;
import cn.huangpu.assessment.security.AccessDenied;
import cn.huangpu.assessment.security.CurrentUser;
import cn.huangpu.assessment.selfcheck.SelfCheckService;
import cn.huangpu.assessment.verification.VerificationService;
import cn.huangpu.assessment.web.DisplayTime;
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
import org.springframework.beans.factory.ObjectProvider;
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
 * Results (考核结果): the ranking within 委办局 and within 街道, the leading group's export, and each unit's score
 * sheet (评分说明) explained point by point, as a page and as PDF. A unit sees its own sheet when
 * {@link ScoreVisibility} lets it, and is told when it will instead; the coordinator and the leaders see all.
 */
@Controller
class ResultsController {

    private final CampaignScoring scoring;
    private final CampaignService campaigns;
    private final Catalogues catalogues;
    private final VerificationService verification;
    private final ReferenceData referenceData;
    private final CurrentUser user;
    private final SheetPdf sheetPdf;
    private final SelfCheckService selfChecks;
    private final LinkCheckService linkChecks;
    private final DisplayTime time;
    private final ObjectProvider<ReviewNotes> reviewNotes;
    private final ScoreVisibility visibility;

    ResultsController(CampaignScoring scoring, CampaignService campaigns, Catalogues catalogues,
                      VerificationService verification, ReferenceData referenceData, CurrentUser user,
                      SheetPdf sheetPdf, SelfCheckService selfChecks, LinkCheckService linkChecks, DisplayTime time,
                      ObjectProvider<ReviewNotes> reviewNotes,
                      ScoreVisibility visibility) {
        this.scoring = scoring;
        this.campaigns = campaigns;
        this.catalogues = catalogues;
        this.verification = verification;
        this.referenceData = referenceData;
        this.user = user;
        this.sheetPdf = sheetPdf;
        this.selfChecks = selfChecks;
        this.linkChecks = linkChecks;
        this.time = time;
        this.reviewNotes = reviewNotes;
        this.visibility = visibility;
    }

    /** Notes under a sheet's indicators from the review of objections (经复核调整), none without a review. */
    private Map<String, List<String>> notes(Long campaignId, String unitCode) {
        ReviewNotes notes = reviewNotes.getIfAvailable();
        return notes == null ? Map.of() : notes.indicatorNotes(campaignId, unitCode, false);
    }

    @GetMapping("/app/results/{campaignId}")
    String results(@PathVariable Long campaignId, Model model) {
        if (!user.isCoordinator() && !user.isLeader()) {
            throw new AccessDenied("考核结果汇总仅区政府办公室和区领导可查看");
        }
        model.addAttribute("campaign", campaigns.get(campaignId));
        List<UnitResult> ranked = new ArrayList<>(scoring.latest(campaignId));
        ranked.sort((a, b) -> b.total().compareTo(a.total()));
        model.addAttribute("records", ranked);
        // the page ranks within each kind of unit; the overall rank is the export's
        model.addAttribute("groups", referenceData.unitOrder().grouped(ranked, UnitResult::unitCode,
                Comparator.comparing(UnitResult::total).reversed()));
        Map<String, Integer> overallRank = new HashMap<>();
        ranked.forEach(r -> overallRank.put(r.unitCode(), overallRank.size() + 1));
        model.addAttribute("overallRank", overallRank);
        model.addAttribute("unitNames", referenceData.unitNames());
        ReviewNotes notes = reviewNotes.getIfAvailable();
        model.addAttribute("review", notes == null ? null : notes.overview(campaignId).orElse(null));
        return "results";
    }

    /** The results for the performance leading group: per unit the section subtotals, bonus, total and grade. */
    @GetMapping("/app/results/{campaignId}/export.xlsx")
    ResponseEntity<byte[]> export(@PathVariable Long campaignId) {
        if (!user.isCoordinator() && !user.isLeader()) {
            throw new AccessDenied("考核结果导出仅区政府办公室和区领导可用");
        }
        CampaignInfo campaign = campaigns.get(campaignId);
        Catalogue catalogue = catalogue(campaign);
        List<String> headers = new ArrayList<>(List.of("名次", "单位代码", "单位"));
        catalogue.sections().forEach(s -> headers.add(s.number() + ". " + s.name() + "（" + s.points().stripTrailingZeros()
                .toPlainString() + "分）"));
        headers.addAll(List.of("基础得分", "额外加分", "总分", "考核等次", "计分轮次"));
        var workbook = Workbooks.workbook();
        var sheet = Workbooks.sheet(workbook, "考核结果", headers);
        List<UnitResult> ranked = new ArrayList<>(scoring.latest(campaignId));
        ranked.sort((a, b) -> b.total().compareTo(a.total()));
        Map<String, String> names = referenceData.unitNames();
        Map<String, Row> rows = new HashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            UnitResult record = ranked.get(i);
            rows.put(record.unitCode(), sheet.createRow(i + 1));
        }
        int sections = catalogue.sections().size();
        // the section subtotals from each stored sheet, read one at a time; the rest from the result itself
        scoring.forEachLatestSections(campaignId, (unitCode, sectionsOfUnit) -> {
            var row = rows.get(unitCode);
            for (int s = 0; s < sectionsOfUnit.size(); s++) {
                row.createCell(3 + s).setCellValue(sectionsOfUnit.get(s).points().doubleValue());
            }
        });
        for (int i = 0; i < ranked.size(); i++) {
            UnitResult record = ranked.get(i);
            var row = rows.get(record.unitCode());
            row.createCell(0).setCellValue(i + 1);
            row.createCell(1).setCellValue(record.unitCode());
            row.createCell(2).setCellValue(names.getOrDefault(record.unitCode(), record.unitCode()));
            int c = 3 + sections;
            row.createCell(c++).setCellValue(record.basePoints().doubleValue());
            row.createCell(c++).setCellValue(record.bonus().doubleValue());
            row.createCell(c++).setCellValue(record.total().doubleValue());
            row.createCell(c++).setCellValue(record.grade());
            row.createCell(c).setCellValue(record.round());
        }
        return Workbooks.download(workbook, campaign.year() + "年度政务公开考核评估结果.xlsx");
    }

    @GetMapping("/app/results/{campaignId}/{unitCode}")
    String sheet(@PathVariable Long campaignId, @PathVariable String unitCode, Model model) {
        user.requireUnit(unitCode, true, "只能查看本单位的评分说明");
        CampaignInfo campaign = campaigns.get(campaignId);
        campaigns.unit(campaignId, unitCode);
        model.addAttribute("campaign", campaign);
        model.addAttribute("unitCode", unitCode);
        model.addAttribute("unitName", referenceData.unitName(unitCode));
        String notYet = notYetForUnit(campaign);
        if (notYet != null) {
            // nothing priced reaches the page: no total, grade, points or findings of a round nobody approved
            model.addAttribute("notYet", notYet);
            model.addAttribute("publishedBefore", campaign.status() == CampaignStatus.REOPENED);
            return "sheet";
        }
        var record = scoring.latest(campaignId, unitCode);
        model.addAttribute("record", record.orElse(null));
        model.addAttribute("sheet", record.map(scoring::sheet).orElse(null));
        model.addAttribute("findings", verification.findings(campaignId, unitCode));
        model.addAttribute("entries", selfChecks.entries(campaignId, unitCode));
        model.addAttribute("checks", linkChecks.results(campaignId, unitCode).stream()
                .collect(Collectors.groupingBy(LinkCheckResult::indicatorCode)));
        model.addAttribute("notes", notes(campaignId, unitCode));
        return "sheet";
    }

    @GetMapping(value = "/app/results/{campaignId}/{unitCode}.pdf")
    ResponseEntity<byte[]> sheetPdf(@PathVariable Long campaignId, @PathVariable String unitCode) {
        user.requireUnit(unitCode, true, "只能查看本单位的评分说明");
        CampaignInfo campaign = campaigns.get(campaignId);
        campaigns.unit(campaignId, unitCode);
        String notYet = notYetForUnit(campaign);
        if (notYet != null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, notYet);
        }
        UnitResult record = scoring.latest(campaignId, unitCode).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "尚未评分，预计 "
                        + time.formatDay(campaign.dates().comprehensiveDue()) + " 综合评估后生成"));
        Map<String, Object> model = new HashMap<>();
        model.put("year", campaign.year());
        model.put("unitName", referenceData.unitName(unitCode));
        model.put("round", record.round());
        model.put("pricedWith", record.pricedWith());
        model.put("status", campaign.status().label());
        model.put("generatedAt", time.format(Instant.now()));
        model.put("sheet", scoring.sheet(record));
        model.put("findings", verification.findings(campaignId, unitCode));
        model.put("entries", selfChecks.entries(campaignId, unitCode));
        Map<String, String> checkOutcomes = new HashMap<>();
        linkChecks.results(campaignId, unitCode).stream().filter(c -> c.outcome() != null).forEach(c ->
                checkOutcomes.put(c.indicatorCode() + " " + c.url(), "（链接检查：" + c.outcome().label()
                        + (c.httpStatus() == null ? "" : "，HTTP " + c.httpStatus()) + "）"));
        model.put("checkOutcomes", checkOutcomes);
        model.put("notes", notes(campaignId, unitCode));
        String fileName = campaign.year() + "年度" + referenceData.unitName(unitCode) + "评分说明.pdf";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition
                        .inline().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.APPLICATION_PDF)
                .body(sheetPdf.render(model));
    }

    /**
     * What the caller is told instead of the unit's scores, or null when the caller may see them: the office and
     * the leaders always may; a unit's staff as {@link ScoreVisibility} says.
     */
    private String notYetForUnit(CampaignInfo campaign) {
        return user.isCoordinator() || user.isLeader() ? null : visibility.notYet(campaign);
    }

    private Catalogue catalogue(CampaignInfo campaign) {
        return catalogues.forYear(campaign.catalogueYear()).orElseThrow();
    }
}
