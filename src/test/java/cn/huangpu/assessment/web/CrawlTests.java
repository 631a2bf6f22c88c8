package cn.huangpu.assessment.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.EvaluatorParticipation;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.UnitParticipation;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.security.Groups;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.WebIntegrationTest;
import cn.huangpu.assessment.support.WebSession;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.DeadlineProcess;
import cn.huangpu.assessment.workflow.UnitAssessmentProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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
        CampaignInfo demo = campaigns.all().stream()
                .filter(c -> c.year() == LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear()).findFirst().orElseThrow();
        Long id = demo.id();
        Map<String, List<String>> problems = new LinkedHashMap<>();

        problems.put("mid-flight", crawlAll());

        // every input in: the overdue units closed, the missing evaluators delivered, the submitted units verified
        Random random = new Random(7);
        for (UnitParticipation unit : campaigns.units(id)) {
            if (unit.status() == UnitParticipation.Status.PENDING) {
                bots.chase(id, unit.unitCode(), Map.of(DeadlineProcess.CHASE_DECISION, "CLOSE", DeadlineProcess.CHASE_REASON, "逾期未提交，按已有材料评分"));
            } else if (unit.status() == UnitParticipation.Status.SUBMITTED) {
                bots.verify(id, unit.unitCode(), random);
            }
            driver.runJobs();
        }
        for (EvaluatorParticipation evaluator : campaigns.evaluators(id)) {
            if (evaluator.status() == EvaluatorParticipation.Status.PENDING) {
                bots.deliver(id, evaluator.evaluatorCode(), random);
                driver.runJobs();
            }
        }
        driver.runJobs();
        problems.put("scored", crawlAll());

        bots.evaluateComprehensively(id, random);
        driver.runJobs();
        bots.approve(id);
        driver.runJobsExcept(CampaignProcess.PUBLISH_RESULTS);
        problems.put("approved", crawlAll());

        driver.runJobs();
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
        Map<String, Integer> shapes = new HashMap<>();
        Set<String> seen = new HashSet<>();
        Deque<String[]> queue = new ArrayDeque<>();
        // a signed-in role starts at 工作台; the public at the public results and at an address that does not exist
        for (String start : role.isEmpty() ? List.of("/public/results", "/public/no-such-page") : List.of("/app")) {
            queue.add(new String[] {start, "0", "(start)"});
            seen.add(start);
        }
        while (!queue.isEmpty()) {
            String[] next = queue.poll();
            String path = next[0];
            int depth = Integer.parseInt(next[1]);
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", "text/html,*/*").build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            int status = response.statusCode();
            String location = response.headers().firstValue("Location").orElse("");
            String from = " (linked from " + next[2] + ")";
            if (next[2].equals("(start)") && status == 404) {
                // the address typed in that does not exist: its page must still speak Chinese and offer what works
                if (!HAN.matcher(response.body()).find()) {
                    problems.add(who + " " + path + ": 404 without Chinese text");
                }
            } else if (status >= 500) {
                problems.add(who + " " + path + ": " + status + from);
            } else if (status == 401 || status == 403 || (role.isEmpty() && status == 302 && location.contains("/login"))) {
                problems.add(who + " " + path + ": " + status + " though the link was shown" + from);
            } else if (status >= 400 && !HAN.matcher(response.body()).find()) {
                problems.add(who + " " + path + ": " + status + " without Chinese text" + from);
            }
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (status != 200 || !type.startsWith("text/html") || depth >= DEPTH) {
                continue;
            }
            Document page = Jsoup.parse(response.body(), "http://localhost:" + port + path);
            for (String target : targets(page)) {
                if (seen.add(target) && shapes.merge(shape(target), 1, Integer::sum) <= PER_SHAPE) {
                    queue.add(new String[] {target, String.valueOf(depth + 1), path});
                }
            }
        }
        return problems;
    }

    /** Same-origin GET targets: links, htmx GET attributes and GET forms; not the webapps' single-page clients. */
    private List<String> targets(Document page) {
        List<String> targets = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        page.select("a[href]").forEach(a -> urls.add(a.absUrl("href")));
        page.select("[hx-get]").forEach(e -> urls.add(e.absUrl("hx-get")));
        for (Element form : page.select("form")) {
            if (form.attr("method").isEmpty() || form.attr("method").equalsIgnoreCase("get")) {
                urls.add(form.absUrl("action").isEmpty() ? page.location() : form.absUrl("action"));
            }
        }
        String origin = "http://localhost:" + port;
        for (String url : urls) {
            if (!url.startsWith(origin)) {
                continue;
            }
            String path = URI.create(url.replace(" ", "%20")).getRawPath();
            String query = URI.create(url.replace(" ", "%20")).getRawQuery();
            if (path == null || path.startsWith("/camunda/") || path.equals("/logout") || path.startsWith("/webjars/")
                    || path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/swagger-ui")) {
                continue;
            }
            targets.add(query == null ? path : path + "?" + query);
        }
        return targets;
    }

    /** A route with its ids left out: numbers, and the segment after a campaign number (a unit or evaluator). */
    private static String shape(String target) {
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        String[] segments = path.split("/");
        StringBuilder shape = new StringBuilder();
        boolean afterNumber = false;
        for (String segment : segments) {
            boolean number = segment.matches("\\d+");
            shape.append(number ? "{n}" : afterNumber ? "{id}" + segment.replaceAll("^[^.]*", "") : segment).append('/');
            afterNumber = number;
        }
        return shape.toString();
    }
}
