package cn.huangpu.assessment.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.WebIntegrationTest;
import cn.huangpu.assessment.support.WebSession;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Every role walks the application the way a person clicks through it: from 工作台 (or, without login, the public
 * results), every same-origin link and button target to depth 3, on the demo campaign mid-flight, scored (in
 * comprehensive evaluation), approved and published. No page answers 5xx, no error page lacks Chinese text, and no
 * link shown to a role answers that role 403 (or, without login, sends it to the login page).
 */
@WebIntegrationTest
@TestPropertySource(properties = "assessment.demo.campaign=true")
class CrawlTests {

    /** The roles by a demo account (the demo campaign's overdue and verified units); "" is the public. */
    static final List<String> ROLES = List.of("waitan01", "bansongyuanlu01", "eval-finance", "office01", "leader01", "admin", "");
    static final int DEPTH = 3;
    /** Pages of one shape (the same route with other ids) visited per role: enough to see each route work. */
    static final int PER_SHAPE = 2;
    static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    @LocalServerPort int port;
    @Autowired CampaignService campaigns;
    @Autowired CampaignBots bots;
    @Autowired ProcessDriver driver;

    @Test
    void noRoleMeetsA5xxAnEnglishErrorOrALinkItCannotOpenInAnyState() throws Exception {
        DemoCampaignSteps steps = new DemoCampaignSteps(campaigns, bots, driver);
        Long id = steps.demoCampaign();
        Map<String, List<String>> problems = new LinkedHashMap<>();

        problems.put("mid-flight", crawlAll());

        Random random = new Random(7);
        steps.allInputsIn(id, random);
        problems.put("scored", crawlAll());

        steps.approve(id, random);
        problems.put("approved", crawlAll());

        steps.publish(id);
        assertThat(campaigns.get(id).status().name()).isEqualTo("PUBLISHED");
        problems.put("published", crawlAll());

        problems.values().removeIf(List::isEmpty);
        assertThat(problems).isEmpty();
    }

    private List<String> crawlAll() throws Exception {
        List<String> problems = new ArrayList<>();
        for (String role : ROLES) {
            problems.addAll(crawl(role));
        }
        return problems;
    }

    private List<String> crawl(String role) throws Exception {
        HttpClient client = role.isEmpty()
                ? HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                : WebSession.login(port, role).client();
        String who = role.isEmpty() ? "public" : role;
        List<String> problems = new ArrayList<>();
        // a signed-in role starts at 工作台; the public at the public results and at an address that does not exist
        List<String> starts = role.isEmpty() ? List.of("/public/results", "/public/no-such-page") : List.of("/app");
        PageWalk.walk(client, port, starts, DEPTH, PER_SHAPE, visit -> {
            int status = visit.response().statusCode();
            String body = visit.response().body();
            String location = visit.response().headers().firstValue("Location").orElse("");
            String path = visit.path();
            String from = " (linked from " + visit.linkedFrom() + ")";
            if (visit.start() && status == 404) {
                // the address typed in that does not exist: its page must still speak Chinese and offer what works
                if (!HAN.matcher(body).find()) {
                    problems.add(who + " " + path + ": 404 without Chinese text");
                }
            } else if (status >= 500) {
                problems.add(who + " " + path + ": " + status + from);
            } else if (status == 401 || status == 403 || (role.isEmpty() && status == 302 && location.contains("/login"))) {
                problems.add(who + " " + path + ": " + status + " though the link was shown" + from);
            } else if (status >= 400 && !HAN.matcher(body).find()) {
                problems.add(who + " " + path + ": " + status + " without Chinese text" + from);
            }
        });
        return problems;
    }
}
