package cn.huangpu.assessment.dashboard;

import cn.huangpu.assessment.support.ProcessLookup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.dashboard.Dashboard.Overdue;
import cn.huangpu.assessment.dashboard.Dashboard.Party;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.notification.Notification;
import cn.huangpu.assessment.notification.NotificationService;
import cn.huangpu.assessment.security.Groups;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.support.WebIntegrationTest;
import cn.huangpu.assessment.support.WebSession;
import cn.huangpu.assessment.web.NotFoundException;
import cn.huangpu.assessment.workflow.SpecialistEvaluationProcess;
import cn.huangpu.assessment.workflow.UnitAssessmentProcess;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The coordinator's one-click reminders over real HTTP, as the dashboard's forms send them: once per
 * form however often it arrives, to overdue units and overdue evaluators alike, shown as 已提醒 with the
 * time; and what the reminded staff see: an unread count in the header, and a link to the task.
 */
@WebIntegrationTest
class RemindersTests {

    static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    @LocalServerPort int port;
    @Autowired CampaignStarter starter;
    @Autowired CampaignBots bots;
    @Autowired ProcessDriver driver;
    @Autowired DashboardService dashboards;
    @Autowired NotificationService notifications;
    @Autowired TaskService taskService;

    Long campaignId;

    /** A campaign past its deadlines: 外滩街道 submitted, 豫园街道 and the finance bureau's results overdue. */
    @BeforeEach
    void overdueCampaign() {
        CampaignInfo campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan", "yuyuan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER);
        campaignId = campaign.id();
        driver.runJobs();
        bots.fillSelfCheck(campaignId, "waitan", new Random(14));
        bots.submitSelfCheck(campaignId, "waitan");
        driver.runJobs();
        ClockUtil.setCurrentTime(Date.from(campaign.dates().selfCheckDue().plusSeconds(3600)));
        driver.runJobs();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void oneFormSentSeveralTimesAtOnceRemindsOnce() throws Exception {
        // given the coordinator's dashboard with the reminder form of 豫园街道
        WebSession office = WebSession.login(port, "office01");
        Document page = page(office, "/app/campaigns/" + campaignId + "/dashboard");
        Element form = page.selectFirst("#overdue-units-yuyuan form.remind");
        assertThat(form).as("reminder form of 豫园街道").isNotNull();

        // when the same form arrives four times at the same moment (a double click, a retried request)
        List<CompletableFuture<HttpResponse<String>>> sent = IntStream.range(0, 4)
                .mapToObj(i -> office.client().sendAsync(post(office, form.attr("action"), form, true),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))).toList();
        List<HttpResponse<String>> answers = sent.stream().map(CompletableFuture::join).toList();

        // then every request is answered with the row, and exactly one reminder was recorded
        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200);
        List<Notification> reminders = manual(Groups.unit("yuyuan"));
        assertThat(reminders).hasSize(1);
        String time = "已提醒 " + HH_MM.format(reminders.get(0).getCreatedAt());
        assertThat(answers).allSatisfy(a -> assertThat(row(a).select("tr#overdue-units-yuyuan .reminded")
                .text()).isEqualTo(time));
        assertThat(page(office, "/app/campaigns/" + campaignId + "/dashboard")
                .select("#overdue-units-yuyuan .reminded").text()).isEqualTo(time);
    }

    @Test
    void theSameFormLaterRemindsNoMoreButAFreshFormDoes() throws Exception {
        // given a reminder sent with the dashboard's form, then the same form again without htmx
        WebSession office = WebSession.login(port, "office01");
        Element form = page(office, "/app/campaigns/" + campaignId + "/dashboard").selectFirst("#overdue-units-yuyuan form.remind");
        assertThat(office.send(post(office, form.attr("action"), form, true)).statusCode()).isEqualTo(200);
        HttpResponse<String> again = office.send(post(office, form.attr("action"), form, false));

        // then the second is a plain return to the dashboard, and nothing more was sent
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(again.headers().firstValue("Location").orElse("")).endsWith("/app/campaigns/" + campaignId + "/dashboard");
        assertThat(manual(Groups.unit("yuyuan"))).hasSize(1);

        // when the coordinator reminds again from a freshly loaded dashboard, a second reminder goes out
        Element fresh = page(office, "/app/campaigns/" + campaignId + "/dashboard").selectFirst("#overdue-units-yuyuan form.remind");
        assertThat(fresh.selectFirst("input[name=token]").val()).isNotEqualTo(form.selectFirst("input[name=token]").val());
        assertThat(office.send(post(office, fresh.attr("action"), fresh, true)).statusCode()).isEqualTo(200);
        assertThat(manual(Groups.unit("yuyuan"))).hasSize(2);
    }

    @Test
    void overdueEvaluatorsAreListedAndRemindedLikeUnits() throws Exception {
        // given the dashboard of a campaign whose evaluator missed its deadline
        List<Overdue> overdue = dashboards.dashboard(campaignId).overdue();
        assertThat(overdue).extracting(Overdue::party, Overdue::code)
                .containsExactly(tuple(Party.UNIT, "yuyuan"), tuple(Party.EVALUATOR, "FINANCE"));
        WebSession office = WebSession.login(port, "office01");
        Element form = page(office, "/app/campaigns/" + campaignId + "/dashboard")
                .selectFirst("#overdue-evaluators-FINANCE form.remind");
        assertThat(form).as("reminder form of the finance bureau's results").isNotNull();

        // when the coordinator reminds it
        HttpResponse<String> answer = office.send(post(office, form.attr("action"), form, true));

        // then its staff got one reminder that links to their open task, and the row says when
        assertThat(answer.statusCode()).isEqualTo(200);
        List<Notification> reminders = manual(Groups.evaluator("FINANCE"));
        assertThat(reminders).hasSize(1);
        String task = ProcessLookup.evaluatorTasks(taskService, campaignId, "FINANCE")
                .taskDefinitionKey(SpecialistEvaluationProcess.DELIVER).singleResult().getId();
        assertThat(reminders.get(0).getTaskId()).isEqualTo(task);
        assertThat(reminders.get(0).getPage()).isEqualTo("/app/evaluation/" + campaignId + "/FINANCE");
        assertThat(reminders.get(0).getMessage()).contains("专项评估结果已超过截止时间");
        assertThat(row(answer).select("tr#overdue-evaluators-FINANCE .reminded").text())
                .isEqualTo("已提醒 " + HH_MM.format(reminders.get(0).getCreatedAt()));
        assertThat(dashboards.dashboard(campaignId).overdue()).filteredOn(o -> o.party() == Party.EVALUATOR)
                .extracting(Overdue::reminded).containsExactly("已提醒 " + HH_MM.format(reminders.get(0).getCreatedAt()));
    }

    @Test
    void theRemindedUnitSeesAnUnreadCountAndLinksToItsTaskUntilItReadsThem() throws Exception {
        // given the coordinator reminded 豫园街道 (which also got the automatic overdue notice)
        WebSession office = WebSession.login(port, "office01");
        Element form = page(office, "/app/campaigns/" + campaignId + "/dashboard").selectFirst("#overdue-units-yuyuan form.remind");
        office.send(post(office, form.attr("action"), form, true));
        List<Notification> received = notifications.forGroups(List.of(Groups.unit("yuyuan")), 50).stream()
                .filter(n -> n.getCampaignId().equals(campaignId)).toList();
        assertThat(received).extracting(Notification::getKind)
                .contains(Notification.Kind.MANUAL, Notification.Kind.OVERDUE);

        // when its staff log in, the header counts the unread notifications, which include both
        WebSession unit = WebSession.login(port, "yuyuan01");
        String count = page(unit, "/app").select("#nav-notifications .unread-count").text();
        assertThat(count).matches("\\d+");
        assertThat(Integer.parseInt(count)).isGreaterThanOrEqualTo(received.size());

        // and the notifications page shows as many unread, and links each to the unit's 提交自查 task
        Document list = page(unit, "/app/notifications");
        assertThat(list.select("tr.unread")).hasSize(Integer.parseInt(count));
        String task = ProcessLookup.unitTasks(taskService, campaignId, "yuyuan")
                .taskDefinitionKey(UnitAssessmentProcess.SUBMIT_SELF_CHECK).singleResult().getId();
        for (Notification n : received) {
            Element row = list.selectFirst("tr[data-notification=" + n.getId() + "]");
            assertThat(row).as("row of notification " + n.getId()).isNotNull();
            assertThat(row.select(".badge").text()).isEqualTo("未读");
            assertThat(row.select("a.notification-link").attr("href"))
                    .isEqualTo("/camunda/app/tasklist/default/#/?task=" + task);
        }

        // then, having seen them, nothing is unread any more
        assertThat(page(unit, "/app").select("#nav-notifications .unread-count")).isEmpty();
        assertThat(page(unit, "/app/notifications").select("tr.unread")).isEmpty();
        assertThat(notifications.unreadCount("yuyuan01", List.of(Groups.unit("yuyuan")))).isZero();
    }

    @Test
    void markAllReadClearsTheCountForThatUserOnly() throws Exception {
        // given the evaluator's staff with the overdue notice unread
        WebSession evaluator = WebSession.login(port, "eval-finance");
        Document home = page(evaluator, "/app");
        long unread = notifications.unreadCount("eval-finance", List.of(Groups.evaluator("FINANCE")));
        assertThat(unread).isPositive();
        assertThat(home.select("#nav-notifications .unread-count").text()).isEqualTo(String.valueOf(unread));

        // when they press 全部标为已读 on the work overview
        Element form = home.selectFirst("form[action$=/app/notifications/read]");
        HttpResponse<String> marked = evaluator.send(post(evaluator, form.attr("action"), form, false));

        // then the overview says so and counts nothing; another member of the group would still see them unread
        assertThat(marked.statusCode()).isEqualTo(302);
        Document after = page(evaluator, "/app");
        assertThat(after.select(".notice").text()).isEqualTo("已将" + unread + "条通知标为已读。");
        assertThat(after.select("#nav-notifications .unread-count")).isEmpty();
        assertThat(notifications.unreadCount("eval-finance-2", List.of(Groups.evaluator("FINANCE")))).isEqualTo(unread);
    }

    @Test
    void badRemindersAreRefusedWithTheReasonAndSendNothing() throws Exception {
        WebSession office = WebSession.login(port, "office01");
        Document page = page(office, "/app/campaigns/" + campaignId + "/dashboard");
        String csrf = page.selectFirst("input[name=_csrf]").val();
        String base = "/app/campaigns/" + campaignId + "/remind/";
        String token = UUID.randomUUID().toString();

        // a form without its one-time key
        assertRefused(office, base + "units/yuyuan", "_csrf=" + csrf, 400, "一次性标识");
        // a unit that submitted on time, a unit not in the campaign, an unknown kind of party
        assertRefused(office, base + "units/waitan", "_csrf=" + csrf + "&token=" + token, 400, "外滩街道的自查未逾期或已提交，无需提醒");
        assertRefused(office, base + "units/nowhere", "_csrf=" + csrf + "&token=" + token, 404, NotFoundException.MESSAGE);
        assertRefused(office, base + "leaders/leader01", "_csrf=" + csrf + "&token=" + token, 404, NotFoundException.MESSAGE);
        // a campaign that does not exist, for the reminder and for the dashboard itself
        assertRefused(office, "/app/campaigns/999999/remind/units/yuyuan", "_csrf=" + csrf + "&token=" + token, 404,
                NotFoundException.MESSAGE);
        assertThat(office.send(office.request("/app/campaigns/999999/dashboard").GET().build()).statusCode()).isEqualTo(404);
        // a leader may read the dashboard but not remind
        WebSession leader = WebSession.login(port, "leader01");
        String leaderCsrf = page(leader, "/app/campaigns/" + campaignId + "/dashboard").selectFirst("input[name=_csrf]").val();
        assertRefused(leader, base + "units/yuyuan", "_csrf=" + leaderCsrf + "&token=" + token, 403, "只有区政府办公室可以发送提醒");

        assertThat(notifications.forCampaign(campaignId)).noneMatch(n -> n.getKind() == Notification.Kind.MANUAL);
    }

    private void assertRefused(WebSession session, String path, String body, int status, String reason) throws Exception {
        HttpResponse<String> answer = session.send(session.request(path).header("HX-Request", "true")
                .header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(answer.statusCode()).as(path).isEqualTo(status);
        assertThat(Jsoup.parse(answer.body()).select("main .card p").first().text()).as(path).contains(reason);
    }

    /** The table row an htmx reminder is answered with (a bare row is only parsed as such inside a table). */
    private static Document row(HttpResponse<String> answer) {
        return Jsoup.parse("<table><tbody>" + answer.body() + "</tbody></table>");
    }

    private List<Notification> manual(String group) {
        return notifications.forCampaign(campaignId).stream()
                .filter(n -> n.getKind() == Notification.Kind.MANUAL && n.getRecipientGroup().equals(group)).toList();
    }

    private static Document page(WebSession session, String path) throws Exception {
        HttpResponse<String> answer = session.send(session.request(path).GET().build());
        assertThat(answer.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(answer.body());
    }

    /** The form's fields posted as the browser would, with htmx's request header or without. */
    private static HttpRequest post(WebSession session, String action, Element form, boolean htmx) {
        StringBuilder body = new StringBuilder();
        for (Element input : form.select("input[name]")) {
            body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(input.attr("name"), StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(input.val(), StandardCharsets.UTF_8));
        }
        HttpRequest.Builder request = session.request(action).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (htmx) {
            request.header("HX-Request", "true");
        }
        return request.build();
    }
}
