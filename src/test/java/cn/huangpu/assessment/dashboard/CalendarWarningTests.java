package cn.huangpu.assessment.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.feedback.FeedbackService;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.support.WebIntegrationTest;
import cn.huangpu.assessment.support.WebSession;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The coordinator's dashboard warns when the calendar lacks a year that the campaign's deadlines fall in, since
 * every period counted in working days from them is then unknown.
 */
@WebIntegrationTest
class CalendarWarningTests {

    @LocalServerPort int port;
    @Autowired CampaignService campaigns;
    @Autowired FeedbackService feedback;

    Document dashboard(String user, CampaignInfo campaign) throws Exception {
        HttpResponse<String> page = WebSession.login(port, user).get("/app/campaigns/" + campaign.id() + "/dashboard");
        assertThat(page.statusCode()).isEqualTo(200);
        return Jsoup.parse(page.body());
    }

    @Test
    void theCoordinatorIsWarnedOfTheYearWithoutHolidays() throws Exception {
        // given a campaign whose deadlines (the defaults of its year) fall in a year no notice is entered for
        int year = TestUsers.freshYear();
        CampaignInfo campaign = campaigns.open(new OpenCampaign(year, 2023, null, null, null, null,
                List.of("waitan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER);

        // when the coordinator opens its dashboard, then the warning names the year
        Document page = dashboard("office01", campaign);
        assertThat(page.select(".calendar-warning p").eachText())
                .containsExactly(year + "年节假日安排尚未录入，按工作日计算的期限无法确定");
    }

    @Test
    void noWarningWhenTheDeadlinesFallInAYearWithItsNotice() throws Exception {
        // given a campaign whose deadlines lie in November and December 2026 (shipped with the calendar)
        CampaignInfo campaign = campaigns.open(new OpenCampaign(TestUsers.freshYear(), 2023,
                Instant.parse("2026-11-20T15:59:00Z"), Instant.parse("2026-11-20T15:59:00Z"),
                Instant.parse("2026-12-08T15:59:00Z"), Instant.parse("2026-12-15T15:59:00Z"),
                List.of("waitan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER, true);

        // when the coordinator opens its dashboard, then there is no warning
        assertThat(dashboard("office01", campaign).select(".calendar-warning")).isEmpty();
    }

    @Test
    void aDeadlineOnTheLastDaysOfDecemberNeedsTheNextYearsNoticeToo() throws Exception {
        // given results due at 00:30 on 29 December 2026 in Shanghai (still the 28th in UTC), a day the 2027
        // notice may still move
        CampaignInfo campaign = campaigns.open(new OpenCampaign(TestUsers.freshYear(), 2023,
                Instant.parse("2026-11-20T15:59:00Z"), Instant.parse("2026-11-20T15:59:00Z"),
                Instant.parse("2026-12-08T15:59:00Z"), Instant.parse("2026-12-28T16:30:00Z"),
                List.of("waitan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER, true);

        // when the coordinator opens its dashboard, then 2027 is named: the day is taken in the office's time zone
        assertThat(dashboard("office01", campaign).select(".calendar-warning p").eachText())
                .containsExactly("2027年节假日安排尚未录入，按工作日计算的期限无法确定");
    }

    @Test
    void aFeedbackWindowThatWouldRunIntoAYearWithoutHolidaysIsWarnedOfBeforeItOpens() throws Exception {
        // given a campaign whose comprehensive evaluation is due on Thursday 24 December 2026 and whose feedback
        // window lasts 5 working days: the count passes 29 December, which the 2027 notice may still move
        CampaignInfo campaign = campaigns.open(new OpenCampaign(TestUsers.freshYear(), 2023,
                Instant.parse("2026-11-20T15:59:00Z"), Instant.parse("2026-11-20T15:59:00Z"),
                Instant.parse("2026-12-24T15:59:00Z"), Instant.parse("2026-12-28T15:59:00Z"),
                List.of("waitan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER, true);
        feedback.setRules(campaign.id(), 5, "WORKING_DAYS", null, null, "office01");

        // when the coordinator opens its dashboard, then the window is named with its length and the missing year
        assertThat(dashboard("office01", campaign).select(".calendar-warning p").eachText())
                .containsExactly("意见反馈期（5个工作日）：2027年节假日安排尚未录入，按工作日计算的期限无法确定，请在该阶段开始前录入");
    }

    @Test
    void leadersDoNotSeeTheCoordinatorsWarning() throws Exception {
        // given a campaign in a year without holidays; when a leader opens its dashboard, then no warning
        CampaignInfo campaign = campaigns.open(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER);

        assertThat(dashboard("leader01", campaign).select(".calendar-warning")).isEmpty();
    }
}
