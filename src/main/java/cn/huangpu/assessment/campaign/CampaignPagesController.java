package cn.huangpu.assessment.campaign;

import cn.huangpu.assessment.directory.ReferenceData;
import cn.huangpu.assessment.notification.NotificationService;
import cn.huangpu.assessment.security.AccessDenied;
import cn.huangpu.assessment.security.CurrentUser;
import cn.huangpu.assessment.web.DisplayTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The work overview (工作台), a campaign's progress and notifications; the audit trail is the audit module's. */

@Controller
class CampaignPagesController {

    private final CampaignService campaigns;
    private final ReferenceData referenceData;
    private final NotificationService notifications;
    private final CurrentUser user;
    private final DisplayTime time;
    private final ScoreVisibility visibility;

    CampaignPagesController(CampaignService campaigns, ReferenceData referenceData, NotificationService notifications,
                            CurrentUser user, DisplayTime time, ScoreVisibility visibility) {
        this.campaigns = campaigns;
        this.referenceData = referenceData;
        this.notifications = notifications;
        this.user = user;
        this.time = time;
        this.visibility = visibility;
    }

    @GetMapping("/app")
    String home(Model model) {
        List<CampaignInfo> all = campaigns.all();
        model.addAttribute("campaigns", all);
        // a unit's staff are told when their sheet opens instead of a link to it (campaign/ScoreVisibility)
        Map<Long, String> sheetNotYet = new HashMap<>();
        if (!user.isCoordinator() && !user.isLeader()) {
            all.forEach(c -> {
                String notYet = visibility.notYet(c);
                if (notYet != null) {
                    sheetNotYet.put(c.id(), notYet);
                }
            });
        }
        model.addAttribute("sheetNotYet", sheetNotYet);
        // an evaluator's grid exists only in the campaigns it takes part in; the others say so instead of linking
        Map<Long, Set<String>> takingPart = new HashMap<>();
        if (!user.evaluatorCodes().isEmpty()) {
            all.forEach(c -> takingPart.put(c.id(), campaigns.evaluators(c.id()).stream()
                    .map(EvaluatorParticipation::evaluatorCode).collect(Collectors.toSet())));
        }
        model.addAttribute("takingPart", takingPart);
        model.addAttribute("office", user.isCoordinator() || user.isLeader());
        model.addAttribute("coordinator", user.isCoordinator());
        model.addAttribute("myUnits", user.unitCodes().stream().sorted().toList());
        model.addAttribute("myEvaluators", user.evaluatorCodes().stream().sorted().toList());
        model.addAttribute("unitNames", referenceData.unitNames());
        model.addAttribute("evaluatorNames", referenceData.evaluatorNames());
        model.addAttribute("notifications", notifications.inbox(user.id(), user.groups(), 10));
        model.addAttribute("format", new Formats(time));
        return "home";
    }

    @GetMapping("/app/campaigns/{campaignId}")
    String overview(@PathVariable Long campaignId, Model model) {
        requireOffice();
        CampaignInfo campaign = campaigns.get(campaignId);
        model.addAttribute("campaign", campaign);
        List<UnitParticipation> units = campaigns.units(campaignId);
        model.addAttribute("units", units);
        model.addAttribute("groups", referenceData.unitOrder().grouped(units, UnitParticipation::unitCode));
        List<EvaluatorParticipation> evaluators = new ArrayList<>(campaigns.evaluators(campaignId));
        evaluators.sort(Comparator.comparing(EvaluatorParticipation::evaluatorCode, referenceData.evaluatorOrder()));
        model.addAttribute("evaluators", evaluators);
        model.addAttribute("handedToOffice", campaigns.handedToOffice(campaignId));
        model.addAttribute("unitNames", referenceData.unitNames());
        model.addAttribute("evaluatorNames", referenceData.evaluatorNames());
        model.addAttribute("coordinator", user.isCoordinator());
        model.addAttribute("format", new Formats(time));
        return "campaign";
    }

    /** Shows the user's notifications, each unread one marked as such this once: seeing them reads them. */
    @GetMapping("/app/notifications")
    String notifications(Model model) {
        model.addAttribute("notifications", notifications.openInbox(user.id(), user.groups(), 200));
        model.addAttribute("format", new Formats(time));
        return "notifications";
    }

    private void requireOffice() {
        if (!user.isCoordinator() && !user.isLeader()) {
            throw new AccessDenied("考评进度仅区政府办公室和区领导可查看");
        }
    }

    /** Date formatting for templates, in the office's time zone. */
    record Formats(DisplayTime time) {
        public String at(Instant instant) {
            return instant == null ? "" : time.format(instant);
        }
    }
}
