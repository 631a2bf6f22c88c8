package cn.huangpu.assessment.dashboard;

import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.directory.ReferenceData;
import cn.huangpu.assessment.security.AccessDenied;
import cn.huangpu.assessment.security.CurrentUser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class DashboardController {

    private final DashboardService dashboards;
    private final CampaignService campaigns;
    private final ReferenceData referenceData;
    private final CurrentUser user;
    private final ObjectMapper json;

    DashboardController(DashboardService dashboards, CampaignService campaigns, ReferenceData referenceData,
                        CurrentUser user, ObjectMapper json) {
        this.json = json;
        this.dashboards = dashboards;
        this.campaigns = campaigns;
        this.referenceData = referenceData;
        this.user = user;
    }

    @GetMapping("/app/campaigns/{campaignId}/dashboard")
    String dashboard(@PathVariable Long campaignId, Model model) throws JsonProcessingException {
        if (!user.isCoordinator() && !user.isLeader()) {
            throw new AccessDenied("考评看板仅区政府办公室和区领导可查看");
        }
        Dashboard dashboard = dashboards.dashboard(campaignId);
        model.addAttribute("campaign", campaigns.get(campaignId));
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("histogramJson", json.writeValueAsString(dashboard.histogram()));
        model.addAttribute("evaluatorNames", referenceData.evaluatorNames());
        model.addAttribute("coordinator", user.isCoordinator());
        return "dashboard";
    }

    @PostMapping("/app/campaigns/{campaignId}/remind/{unitCode}")
    String remind(@PathVariable Long campaignId, @PathVariable String unitCode, RedirectAttributes redirect) {
        if (!user.isCoordinator()) {
            throw new AccessDenied("只有区政府办公室可以发送提醒");
        }
        dashboards.remind(campaignId, unitCode, user.id());
        redirect.addFlashAttribute("saved", "已提醒" + referenceData.unitName(unitCode) + "，单位登录后可在通知中看到。");
        return "redirect:/app/campaigns/" + campaignId + "/dashboard";
    }
}
