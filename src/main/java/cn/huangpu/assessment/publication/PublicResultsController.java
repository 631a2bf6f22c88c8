package cn.huangpu.assessment.publication;

import cn.huangpu.assessment.directory.ReferenceData;
import cn.huangpu.assessment.rectification.RectificationTracking;
import cn.huangpu.assessment.results.CampaignScoring;
import cn.huangpu.assessment.results.ReviewNotes;
import cn.huangpu.assessment.results.UnitResult;
import cn.huangpu.assessment.publication.PublicationService.Published;
import cn.huangpu.assessment.web.NotFoundException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public results (考核评估结果主动向社会公开), without login: published campaigns only, each unit's
 * total, grade and public score sheet, exactly as published. Anything else answers 404.
 */
@Controller
class PublicResultsController {

    private final PublicationService publication;
    private final CampaignScoring scoring;
    private final ReferenceData referenceData;
    private final RectificationTracking rectification;
    private final ObjectProvider<ReviewNotes> reviewNotes;

    PublicResultsController(PublicationService publication, CampaignScoring scoring, ReferenceData referenceData,
                            RectificationTracking rectification, ObjectProvider<ReviewNotes> reviewNotes) {
        this.publication = publication;
        this.scoring = scoring;
        this.referenceData = referenceData;
        this.rectification = rectification;
        this.reviewNotes = reviewNotes;
    }

    @GetMapping("/public/results")
    String campaigns(Model model) {
        model.addAttribute("published", publication.published());
        return "public/results";
    }

    @GetMapping("/public/results/{campaignId}")
    String campaign(@PathVariable Long campaignId, Model model) {
        Published published = published(campaignId);
        model.addAttribute("published", published);
        List<UnitResult> records = scoring.round(campaignId, published.round());
        model.addAttribute("records", records);
        // as the office's results page: 委办局 and 街道 each ranked by total
        model.addAttribute("groups", referenceData.unitOrder().grouped(records, UnitResult::unitCode,
                Comparator.comparing(UnitResult::total).reversed()));
        model.addAttribute("unitNames", referenceData.unitNames());
        // each unit's rectification status, only where the office publishes it (a setting, off by default)
        model.addAttribute("rectification", rectification.publicStatus(campaignId).orElse(null));
        return "public/campaign";
    }

    @GetMapping("/public/results/{campaignId}/{unitCode}")
    String sheet(@PathVariable Long campaignId, @PathVariable String unitCode, Model model) {
        Published published = published(campaignId);
        UnitResult record = scoring.result(campaignId, unitCode, published.round())
                .orElseThrow(() -> new NotFoundException("published result of " + unitCode + " in " + campaignId));
        model.addAttribute("published", published);
        model.addAttribute("unitName", referenceData.unitName(unitCode));
        model.addAttribute("sheet", scoring.sheet(record));
        model.addAttribute("findings", List.of());
        // points changed on review are marked 经复核调整; the rulings themselves only where the campaign makes them public
        ReviewNotes notes = reviewNotes.getIfAvailable();
        model.addAttribute("notes", notes == null ? Map.of() : notes.indicatorNotes(campaignId, unitCode, true));
        return "public/sheet";
    }

    private Published published(Long campaignId) {
        // an unpublished campaign looks exactly like one that does not exist
        return publication.published(campaignId).orElseThrow(() -> new NotFoundException("published campaign " + campaignId));
    }
}
