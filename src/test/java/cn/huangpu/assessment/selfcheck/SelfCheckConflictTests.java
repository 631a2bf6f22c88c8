package cn.huangpu.assessment.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.security.Groups;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.support.WebIntegrationTest;
import cn.huangpu.assessment.support.WebSession;
import cn.huangpu.assessment.web.EditConflictException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two staff of one unit on one self-check page: a save made on a version someone else moved on is refused with
 * 409 and the Chinese reason, saves nothing, and loses neither text; simultaneous first saves never answer 500.
 */
@WebIntegrationTest
class SelfCheckConflictTests {

    @LocalServerPort int port;
    @Autowired CampaignStarter starter;
    @Autowired SelfCheckService selfChecks;
    @Autowired IdentityService identityService;
    Long campaign;
    String page;

    @BeforeEach
    void openCampaignWithASecondStaffOfTheUnit() {
        campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER).id();
        page = "/app/self-check/" + campaign + "/waitan";
        if (identityService.createUserQuery().userId("waitan02").count() == 0) {
            User second = identityService.newUser("waitan02");
            second.setPassword("demo");
            identityService.saveUser(second);
            identityService.createMembership("waitan02", Groups.unit("waitan"));
        }
    }

    @Test
    void aSaveOnAVersionAColleagueMovedOnIsRefusedAndBothTextsAreKept() throws Exception {
        // given 1.1 saved once, and both staff with the page open at that version
        WebSession first = WebSession.login(port, "waitan01");
        WebSession second = WebSession.login(port, "waitan02");
        assertThat(first.post(page, Map.of("completion[1.1]", "初稿", "version[1.1]", "0")).statusCode()).isEqualTo(302);
        String seenByFirst = first.get(page).body();
        String seenBySecond = second.get(page).body();
        assertThat(version(seenByFirst, "1.1")).isEqualTo(version(seenBySecond, "1.1")).isEqualTo("1");

        // when the first saves a change, then the second saves another change of 1.1 and a new 1.2
        assertThat(first.post(page, Map.of("completion[1.1]", "甲的修改", "version[1.1]", version(seenByFirst, "1.1")))
                .statusCode()).isEqualTo(302);
        HttpResponse<String> refused = second.post(page, Map.of(
                "completion[1.1]", "乙的修改", "version[1.1]", version(seenBySecond, "1.1"),
                "completion[1.2]", "乙填写的1.2", "version[1.2]", version(seenBySecond, "1.2")));

        // then the second is refused in Chinese, and nothing of its save is stored: the first's text stays
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains(EditConflictException.TITLE).contains("已由 waitan01 于");
        SelfCheckAnswer entry = selfChecks.entries(campaign, "waitan").get("1.1");
        assertThat(entry.completion()).isEqualTo("甲的修改");
        assertThat(entry.updatedBy()).isEqualTo("waitan01");
        assertThat(selfChecks.entries(campaign, "waitan")).doesNotContainKey("1.2");
        // and the page shows the first's text in 1.1 at its new version, the second's text beside it, and the
        // second's 1.2 as typed
        String shown = refused.body();
        assertThat(textarea(shown, "completion[1.1]")).isEqualTo("甲的修改");
        assertThat(version(shown, "1.1")).isEqualTo("2");
        assertThat(shown).contains("您填写的内容（未保存）").contains("乙的修改");
        assertThat(textarea(shown, "completion[1.2]")).isEqualTo("乙填写的1.2");

        // when the second saves the page as shown
        HttpResponse<String> again = second.post(page, Map.of(
                "completion[1.1]", textarea(shown, "completion[1.1]"), "version[1.1]", version(shown, "1.1"),
                "completion[1.2]", textarea(shown, "completion[1.2]"), "version[1.2]", version(shown, "1.2")));

        // then both texts are stored
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(selfChecks.entries(campaign, "waitan").get("1.1").completion()).isEqualTo("甲的修改");
        assertThat(selfChecks.entries(campaign, "waitan").get("1.2").completion()).isEqualTo("乙填写的1.2");
    }

    @Test
    void fiftySimultaneousFirstSavesOfOneIndicatorAnswerOneSavedAndFortyNineConflicts() throws Exception {
        // given 50 open pages of the same self-check, 1.1 not yet saved
        WebSession staff = WebSession.login(port, "waitan01");

        // when all 50 save their own 1.1 at once
        ExecutorService threads = Executors.newFixedThreadPool(50);
        List<HttpResponse<String>> answers = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String text = "第" + i + "人填写";
                futures.add(threads.submit(() -> {
                    start.await();
                    return staff.post(page, Map.of("completion[1.1]", text, "version[1.1]", "0"));
                }));
            }
            start.countDown();
            for (Future<HttpResponse<String>> future : futures) {
                answers.add(future.get(2, TimeUnit.MINUTES));
            }
        } finally {
            threads.shutdownNow();
        }

        // then exactly one is saved and the other 49 are refused with 409 in Chinese: none is a 500
        assertThat(answers).extracting(HttpResponse::statusCode).filteredOn(s -> s == 302).hasSize(1);
        assertThat(answers).filteredOn(a -> a.statusCode() != 302).hasSize(49)
                .allSatisfy(a -> {
                    assertThat(a.statusCode()).isEqualTo(409);
                    assertThat(a.body()).contains(EditConflictException.TITLE);
                });
        assertThat(selfChecks.entries(campaign, "waitan").get("1.1").version()).isEqualTo(1);
    }

    static String version(String page, String indicator) {
        return find(page, "name=\"version\\[" + Pattern.quote(indicator) + "\\]\" value=\"(\\d+)\"");
    }

    static String textarea(String page, String name) {
        return find(page, "<textarea name=\"" + Pattern.quote(name) + "\"[^>]*>([^<]*)</textarea>");
    }

    private static String find(String page, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(page);
        assertThat(matcher.find()).as(regex).isTrue();
        return matcher.group(1);
    }
}
