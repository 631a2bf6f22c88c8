package cn.huangpu.assessment.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.WebIntegrationTest;
import cn.huangpu.assessment.support.WebSession;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Every role fills the application's own forms (the pages under {@code /app}) the way a hostile or clumsy user
 * would, on the demo campaign mid-flight, scored and published: each POST form the role's walk reaches
 * ({@link PageWalk}, as {@link CrawlTests} walks) is posted as the page renders it (its CSRF token, its values,
 * its default button) with one text-like field (text, search, url, hidden other than the CSRF token, textarea,
 * number; and a select, whose value a hostile user sends as freely) replaced in turn by 100,000 characters of Chinese text, by text holding U+0001 and, where the field is
 * a number or the page put a number in it, by {@code 1e400}, {@code NaN} and {@code -0}. The page is loaded
 * afresh before each post, so that each attack meets the form as the user would (a saved attack moves the
 * versions on).
 *
 * <p>No answer is 5xx; a refusal is 4xx and speaks Chinese, with no stack trace or English exception text; a
 * post that was taken (2xx or a redirect) leaves the form's page and 工作台 answering without a 5xx, and it does
 * not send the user to the login page; after the attacks of a state every role's walk meets no 5xx (what was taken
 * shows on other pages too: the score sheet and its PDF, the exports, the audit trail).
 *
 * <p>Not posted: forms with no text-like field (buttons that delete, accept, mark read or recheck: there is
 * nothing to type into them, and a few of them end work later states need); multipart forms (uploads of the
 * self-check, evaluation template, register, objection and rectification files, whose text fields
 * {@code SelfCheckUploadTests}, {@code FeedbackAttackTests} and {@code RectificationAttackTests} attack); the
 * logout and login forms; buttons with a {@code formaction} or {@code formenctype} of their own (the self-check's
 * upload buttons). The feedback window does not open in tests (its length is 0 days), so its forms are not met
 * here. At most {@value #FORMS_PER_SHAPE} forms of one action shape and {@value #FIELDS_PER_SHAPE} fields of one
 * name shape (the same name with other codes) per form are attacked per role and state; a form repeated per row
 * (a reminder per unit, a finding per indicator) is one shape.
 *
 * <p>A refusal that is not a 4xx: the link checks' 重新检查 posted without htmx (the page's script posts it with
 * htmx, which gets 400) is answered with a redirect and the reason shown on the verification page, as the page's
 * other buttons are; such a redirect counts as taken here.
 */
@WebIntegrationTest
// A context of its own: this test moves the demo campaign on to publication, as CrawlTests does in the context it
// would otherwise share (the second property is read by nothing but the context cache). Not @DirtiesContext:
// closing a context with the webapps clears Cockpit's JVM-wide runtime delegate under every other context.
@TestPropertySource(properties = {"assessment.demo.campaign=true", "form-attack-tests.context=own"})
class FormAttackTests {

    /** CrawlTests' signed-in roles, and an evaluator who has not delivered yet (whose grid is still open). */
    static final List<String> ROLES = List.of("waitan01", "bansongyuanlu01", "eval-finance", "eval-media", "office01", "leader01", "admin");
    static final int DEPTH = 3;
    static final int PAGES_PER_SHAPE = 2;
    static final int FORMS_PER_SHAPE = 1;
    static final int FIELDS_PER_SHAPE = 1;
    static final String LONG_CHINESE = "政务公开考核评估".repeat(12_500);
    static final String CONTROL = "整改说明\u0001已完成";
    static final List<String> NUMBERS = List.of("1e400", "NaN", "-0");
    static final Set<String> TEXT_TYPES = Set.of("", "text", "search", "url", "hidden", "number");
    static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    static final Pattern ENGLISH_FAILURE = Pattern.compile(
            "(?i)exception|stack ?trace|\\bat [a-z]+\\.[a-z.]+\\(|java\\.lang|org\\.springframework|whitelabel|internal server error");
    static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    @LocalServerPort int port;
    @Autowired CampaignService campaigns;
    @Autowired CampaignBots bots;
    @Autowired ProcessDriver driver;

    /** A POST form found on a page: the {@code ordinal}-th form posting to {@code action} there. */
    record FoundForm(String page, String action, int ordinal) {
    }

    @Test
    void noFormAnswersHostileTextWithA5xxOrARefusalWithoutChinese() throws Exception {
        DemoCampaignSteps steps = new DemoCampaignSteps(campaigns, bots, driver);
        Long id = steps.demoCampaign();
        Map<String, List<String>> problems = new LinkedHashMap<>();
        Set<String> attacked = new HashSet<>();

        problems.put("mid-flight", attackAll("mid-flight", attacked));

        Random random = new Random(7);
        steps.allInputsIn(id, random);
        problems.put("scored", attackAll("scored", attacked));

        steps.approve(id, random);
        steps.publish(id);
        assertThat(campaigns.get(id).status().name()).isEqualTo("PUBLISHED");
        problems.put("published", attackAll("published", attacked));

        problems.values().removeIf(List::isEmpty);
        assertThat(problems).isEmpty();
        // the walk must have met the forms people type into, or the test proves nothing
        assertThat(attacked).anyMatch(a -> a.contains("/app/self-check/")).anyMatch(a -> a.contains("/app/verification/"))
                .anyMatch(a -> a.contains("/app/evaluation/")).anyMatch(a -> a.contains("/app/comprehensive/"))
                .anyMatch(a -> a.contains("/app/rectification/"));
    }

    private List<String> attackAll(String state, Set<String> attacked) throws Exception {
        List<String> problems = new ArrayList<>();
        for (String role : ROLES) {
            WebSession session = WebSession.login(port, role);
            for (FoundForm form : forms(session.client())) {
                problems.addAll(attack(session.client(), role, form, attacked));
            }
        }
        // what was taken is shown on other pages too (the sheet, its PDF, the exports, the audit trail)
        for (String role : ROLES) {
            HttpClient client = WebSession.login(port, role).client();
            PageWalk.walk(client, port, List.of("/app"), DEPTH, PAGES_PER_SHAPE, visit -> {
                if (visit.response().statusCode() >= 500) {
                    problems.add(role + " GET " + visit.path() + " after the attacks: " + visit.response().statusCode()
                            + " (linked from " + visit.linkedFrom() + ")");
                }
            });
        }
        return problems.stream().map(p -> state + " " + p).toList();
    }

    /** The POST forms with a text-like field on the pages the role's walk reaches, bounded per action shape. */
    private List<FoundForm> forms(HttpClient client) throws IOException, InterruptedException {
        List<FoundForm> found = new ArrayList<>();
        Map<String, Integer> shapes = new HashMap<>();
        PageWalk.walk(client, port, List.of("/app"), DEPTH, PAGES_PER_SHAPE, visit -> {
            if (visit.page() == null) {
                return;
            }
            Map<String, Integer> ordinals = new HashMap<>();
            for (Element form : visit.page().select("form[method=post]")) {
                String action = PageWalk.pathAndQuery(form.absUrl("action"));
                int ordinal = ordinals.merge(action, 1, Integer::sum) - 1;
                if (!action.startsWith("/app/") || form.attr("enctype").equalsIgnoreCase("multipart/form-data")
                        || textFields(form).isEmpty()) {
                    continue;
                }
                // one form repeated per row (a reminder per unit, a finding per indicator) is one shape
                String shape = PageWalk.shape(visit.path()) + " " + textFields(form).stream()
                        .map(f -> fieldShape(f.attr("name"))).distinct().sorted().toList();
                if (shapes.merge(shape, 1, Integer::sum) <= FORMS_PER_SHAPE) {
                    found.add(new FoundForm(visit.path(), action, ordinal));
                }
            }
        });
        return found;
    }

    private List<String> attack(HttpClient client, String role, FoundForm found, Set<String> attacked)
            throws IOException, InterruptedException {
        List<String> problems = new ArrayList<>();
        Element first = form(client, found);
        if (first == null) {
            return problems;
        }
        Map<String, Integer> fieldShapes = new HashMap<>();
        for (Element field : textFields(first)) {
            String name = field.attr("name");
            if (fieldShapes.merge(fieldShape(name), 1, Integer::sum) > FIELDS_PER_SHAPE) {
                continue;
            }
            List<String> payloads = new ArrayList<>(List.of(LONG_CHINESE, CONTROL));
            if (field.attr("type").equalsIgnoreCase("number") || NUMBER.matcher(field.val()).matches()) {
                payloads.addAll(NUMBERS);
            }
            for (String payload : payloads) {
                Element form = form(client, found);
                if (form == null) {
                    // the form is gone: an earlier attack was taken and ended what the form was for
                    return problems;
                }
                Map<String, List<String>> values = values(form);
                if (!values.containsKey(name)) {
                    continue;
                }
                values.put(name, List.of(payload));
                HttpResponse<String> answer = post(client, found.action(), values);
                attacked.add(found.action());
                String what = role + " POST " + found.action() + " " + name + "=" + describe(payload) + " (form on "
                        + found.page() + "): ";
                problems.addAll(judge(client, what, found, answer));
            }
        }
        return problems;
    }

    private List<String> judge(HttpClient client, String what, FoundForm found, HttpResponse<String> answer)
            throws IOException, InterruptedException {
        int status = answer.statusCode();
        String body = answer.body();
        String location = answer.headers().firstValue("Location").orElse("");
        if (status >= 500) {
            return List.of(what + status);
        } else if (status >= 400) {
            if (!HAN.matcher(body).find()) {
                return List.of(what + status + " without Chinese text");
            }
            var english = ENGLISH_FAILURE.matcher(Jsoup.parse(body).text());
            return english.find() ? List.of(what + status + " with English failure text: " + english.group()) : List.of();
        } else if (status >= 300 && location.contains("/login")) {
            return List.of(what + status + " to the login page");
        }
        // taken: the pages the user goes back to still answer
        List<String> problems = new ArrayList<>();
        for (String page : List.of(found.page(), "/app")) {
            int after = get(client, page).statusCode();
            if (after >= 500) {
                problems.add(what + status + ", then GET " + page + " answered " + after);
            }
        }
        return problems;
    }

    /** The form as the page renders it now, or null when the page no longer shows it. */
    private Element form(HttpClient client, FoundForm found) throws IOException, InterruptedException {
        HttpResponse<String> page = get(client, found.page());
        if (page.statusCode() != 200) {
            return null;
        }
        Document document = Jsoup.parse(page.body(), "http://localhost:" + port + found.page());
        List<Element> same = document.select("form[method=post]").stream()
                .filter(f -> PageWalk.pathAndQuery(f.absUrl("action")).equals(found.action())).toList();
        return same.size() > found.ordinal() ? same.get(found.ordinal()) : null;
    }

    /**
     * A field's name with its codes left out: {@code completion[1.2]} and {@code completion[3.4]} are one; the
     * register's columns {@code c0}, {@code c1}... are each a field of their own.
     */
    private static String fieldShape(String name) {
        return name.replaceAll("\\[[^]]*]", "[]");
    }

    private static List<Element> textFields(Element form) {
        List<Element> fields = new ArrayList<>();
        for (Element field : form.select("input[name], textarea[name], select[name]")) {
            boolean text = !field.tagName().equals("input") || TEXT_TYPES.contains(field.attr("type").toLowerCase());
            if (text && !field.attr("name").equals("_csrf") && !field.hasAttr("disabled")) {
                fields.add(field);
            }
        }
        return fields;
    }

    /** What the browser sends for the form submitted with its default button (the first that keeps the form's action). */
    private static Map<String, List<String>> values(Element form) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Element field : form.select("input[name], textarea[name], select[name]")) {
            String type = field.attr("type").toLowerCase();
            if (field.hasAttr("disabled") || Set.of("submit", "button", "image", "reset", "file").contains(type)
                    || ((type.equals("checkbox") || type.equals("radio")) && !field.hasAttr("checked"))) {
                continue;
            }
            String value;
            if (field.tagName().equals("select")) {
                Element option = field.selectFirst("option[selected]");
                option = option != null ? option : field.selectFirst("option");
                value = option == null ? "" : option.hasAttr("value") ? option.attr("value") : option.text();
            } else if (field.tagName().equals("textarea")) {
                value = field.wholeText();
            } else {
                value = (type.equals("checkbox") || type.equals("radio")) && !field.hasAttr("value") ? "on" : field.attr("value");
            }
            values.computeIfAbsent(field.attr("name"), n -> new ArrayList<>()).add(value);
        }
        for (Element button : form.select("button, input[type=submit]")) {
            if (!button.attr("type").isEmpty() && !button.attr("type").equalsIgnoreCase("submit")) {
                continue;
            }
            if (!button.hasAttr("formaction") && !button.hasAttr("formenctype")) {
                if (button.hasAttr("name")) {
                    values.computeIfAbsent(button.attr("name"), n -> new ArrayList<>()).add(button.attr("value"));
                }
                break;
            }
        }
        return values;
    }

    private HttpResponse<String> post(HttpClient client, String action, Map<String, List<String>> values)
            throws IOException, InterruptedException {
        String body = values.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(v -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(v, StandardCharsets.UTF_8)))
                .collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + action))
                        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html,*/*")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(HttpClient client, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html,*/*").build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String describe(String payload) {
        return payload.length() > 100 ? payload.length() + " Chinese characters"
                : payload.replace("\u0001", "\\u0001");
    }
}
