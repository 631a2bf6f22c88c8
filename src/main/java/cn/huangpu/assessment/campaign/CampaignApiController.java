package cn.huangpu.assessment.campaign;

import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.security.AccessDenied;
import cn.huangpu.assessment.security.CurrentUser;
import cn.huangpu.assessment.web.DisplayTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/campaigns")
@Tag(name = "考评")
class CampaignApiController {

    private final CampaignStarter starter;
    private final CampaignService campaigns;
    private final CurrentUser user;
    private final DisplayTime time;

    CampaignApiController(CampaignStarter starter, CampaignService campaigns, CurrentUser user, DisplayTime time) {
        this.starter = starter;
        this.campaigns = campaigns;
        this.user = user;
        this.time = time;
    }

    /**
     * A campaign as the API shows it.
     *
     * @param shown          its dates as the pages write them (the office's time zone, to the minute)
     * @param handedToOffice the evaluators the catalogue names that do not take part, each with the indicators the
     *                       office enters instead in comprehensive evaluation (empty when all take part)
     * @param officeNotice   the same in one Chinese sentence for the coordinator, or null when nothing is handed over
     */
    record CampaignView(Long id, int year, int catalogueYear, CampaignStatus status, Instant selfCheckDue,
                        Instant specialistDue, Instant comprehensiveDue, Instant resultsDue, ShownDates shown,
                        List<HandedOver> handedToOffice, String officeNotice) {
    }

    /** The dates as people read them: 2026年3月5日 23:59. */
    record ShownDates(String selfCheckDue, String specialistDue, String comprehensiveDue, String resultsDue) {
    }

    private CampaignView view(CampaignInfo c) {
        CampaignDates d = c.dates();
        List<HandedOver> handed = campaigns.handedToOffice(c.id());
        return new CampaignView(c.id(), c.year(), c.catalogueYear(), c.status(), d.selfCheckDue(),
                d.specialistDue(), d.comprehensiveDue(), d.resultsDue(), new ShownDates(time.format(d.selfCheckDue()),
                time.format(d.specialistDue()), time.format(d.comprehensiveDue()), time.format(d.resultsDue())),
                handed, HandedOver.notice(handed));
    }

    record ReopenRequest(String reason) {
    }

    @GetMapping
    @Operation(summary = "全部考评")
    List<CampaignView> all() {
        return campaigns.all().stream().map(this::view).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "发起考评（区政府办公室）：日期留空按方案默认，单位和专项评估单位留空为全部；日期也可按工作日推算，"
            + "如 \"inWorkingDays\": {\"comprehensiveDue\": {\"days\": 15, \"after\": \"selfCheckDue\"}}（after 为另一截止时间或"
            + "日期 YYYY-MM-DD；按国务院办公厅节假日安排计算，截止于当日 23:59；途经未录入节假日安排的年度则拒绝）"
            + "；未参加的专项评估单位的指标由区政府办公室在综合评估中录入，见 handedToOffice 和 officeNotice")
    CampaignView open(@RequestBody OpenCampaign request) {
        requireCoordinator();
        return view(starter.start(request, user.id()));
    }

    @PostMapping("/{campaignId}/reopen")
    @Operation(summary = "重新打开已公布的考核结果（区政府办公室，须说明理由；之后须重新审定）")
    CampaignView reopen(@PathVariable Long campaignId, @RequestBody ReopenRequest request) {
        requireCoordinator();
        return view(starter.reopen(campaignId, request.reason(), user.id()));
    }

    private void requireCoordinator() {
        if (!user.isCoordinator()) {
            throw new AccessDenied("仅区政府办公室可以发起或重新打开考评");
        }
    }
}
