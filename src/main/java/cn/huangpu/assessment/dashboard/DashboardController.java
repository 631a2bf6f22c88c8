package cn.huangpu.assessment.dashboard;

import cn.huangpu.assessment.calendar.CalendarYearMissingException;
import cn.huangpu.assessment.calendar.WorkingDayCalendar;
import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.CampaignDates;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.LaterStage;
import cn.huangpu.assessment.dashboard.Dashboard.Party;
import cn.huangpu.assessment.directory.ReferenceData;
import cn.huangpu.assessment.feedback.FeedbackProgress;
import cn.huangpu.assessment.feedback.FeedbackService;
import cn.huangpu.assessment.security.AccessDenied;
import cn.huangpu.assessment.security.CurrentUser;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.DisplayTime;
import cn.huangpu.assessment.web.InputError;
import cn.huangpu.assessment.web.NotFoundException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class DashboardController {

    private final DashboardService dashboards;
    private final CampaignService campaigns;
    private final ReferenceData referenceData;
    private final CurrentUser user;
    private final ObjectMapper json;
    private final WorkingDayCalendar calendar;
    private final DisplayTime time;
    private final FeedbackService feedback;
    private final List<LaterStage> laterStages;
    private final Clock clock;

    DashboardController(DashboardService dashboards, CampaignService campaigns, ReferenceData referenceData,
                        CurrentUser user, ObjectMapper json, WorkingDayCalendar calendar, DisplayTime time,
                        FeedbackService feedback, List<LaterStage> laterStages, Clock clock) {
        this.feedback = feedback;
        this.laterStages = laterStages;
        this.clock = clock;
        this.json = json;
        this.calendar = calendar;
        this.time = time;
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
        CampaignInfo campaign = campaigns.get(campaignId);
        model.addAttribute("campaign", campaign);
        model.addAttribute("calendarWarnings", calendarWarnings(campaign));
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("groups", referenceData.unitOrder().grouped(dashboard.rows(), Dashboard.UnitRow::unitCode));
        model.addAttribute("histogramJson", json.writeValueAsString(dashboard.histogram()));
        model.addAttribute("evaluatorNames", referenceData.evaluatorNames());
        model.addAttribute("coordinator", user.isCoordinator());
        // the feedback window's progress (answered, objecting, overdue, ruled), once one was opened
        FeedbackProgress window = feedback.progress(campaignId).orElse(null);
        model.addAttribute("feedback", window);
        model.addAttribute("feedbackDue", window == null ? null : time.format(window.due()));
        return "dashboard";
    }

    /**
     * A warning for each year the campaign's deadlines fall in (as days in the office's time zone) whose holidays
     * are not entered, since any period counted in working days from them cannot be known; and for each later stage
     * (the feedback window, rectification) whose length, counted from its expected start, runs into such a year,
     * since that stage could not start.
     */
    private List<String> calendarWarnings(CampaignInfo campaign) {
        CampaignDates dates = campaign.dates();
        List<LocalDate> days = Stream.of(dates.selfCheckDue(), dates.specialistDue(), dates.comprehensiveDue(),
                        dates.resultsDue())
                .map((Instant due) -> LocalDate.ofInstant(due, time.zone()))
                .toList();
        List<String> warnings = new ArrayList<>(calendar.missingYearWarnings(days));
        Set<Integer> warned = new HashSet<>(calendar.missingYears(days));
        Instant now = clock.instant();
        for (LaterStage stage : laterStages) {
            stage.planned(campaign, now).ifPresent(planned -> {
                try {
                    campaigns.dueAfter(planned.start(), planned.length());
                } catch (CalendarYearMissingException missing) {
                    if (warned.add(missing.year())) {
                        warnings.add(stage.name() + "（" + planned.length().describe() + "）："
                                + CalendarYearMissingException.warning(missing.year()) + "，请在该阶段开始前录入");
                    }
                }
            });
        }
        return warnings;
    }

    /**
     * The one-click reminder of an overdue unit ({@code units}) or evaluator ({@code evaluators}). The page
     * sends it with htmx after a confirmation and gets the list's row back, now showing 已提醒 with the
     * time; without htmx (a plain form post) it goes back to the dashboard.
     */
    @PostMapping("/app/campaigns/{campaignId}/remind/{party}/{code}")
    String remind(@PathVariable Long campaignId, @PathVariable String party, @PathVariable String code,
                  @RequestParam(required = false) String token,
                  @RequestHeader(name = "HX-Request", required = false) String htmx,
                  Model model, RedirectAttributes redirect) {
        if (!user.isCoordinator()) {
            throw new AccessDenied("只有区政府办公室可以发送提醒");
        }
        campaigns.get(campaignId);
        // an address of no kind of party is a page that does not exist
        Party to = Party.ofSegment(party).orElseThrow(() -> new NotFoundException("no reminder party " + party));
        dashboards.remind(campaignId, to, code, token, user.id());
        if ("true".equals(htmx)) {
            model.addAttribute("campaign", campaigns.get(campaignId));
            model.addAttribute("coordinator", true);
            model.addAttribute("p", dashboards.overdue(campaignId, to, code).orElse(null));
            return "fragments/overdue :: row";
        }
        redirect.addFlashAttribute("saved", "已提醒" + dashboards.name(to, code) + "，对方登录后可在通知中看到。");
        return "redirect:/app/campaigns/" + campaignId + "/dashboard";
    }

    /** Bad input on these pages (an unknown campaign, unit or evaluator; a bad form) is a 400 with its reason. */
    @ExceptionHandler(BadInputException.class)
    void badInput(BadInputException e, HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.BAD_REQUEST.value(), e.getMessage());
    }
}
