package cn.huangpu.assessment.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.EvaluatorParticipation;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.catalogue.Indicator;
import cn.huangpu.assessment.catalogue.Input;
import cn.huangpu.assessment.catalogue.InputOwners;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.evaluation.EvaluationService;
import cn.huangpu.assessment.evaluation.StoredFact;
import cn.huangpu.assessment.results.CampaignScoring;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.ProcessLookup;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.support.WebIntegrationTest;
import cn.huangpu.assessment.support.WebSession;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.SpecialistEvaluationProcess;
import cn.huangpu.assessment.workflow.UnitAssessmentProcess;
import cn.huangpu.assessment.results.UnitResult;
import cn.huangpu.assessment.scoring.ScoreSheet;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 20, part 1: every input of the 2023 catalogue can be entered by its owner through a page, in each state in
 * which it is needed. A campaign without two evaluators (their inputs go to the office) runs through the pages and
 * the engine's REST API as its people would: each owner opens its page, fills in every control the page offers, and
 * completes its task. 区财政局 claims 不涉及 wherever the catalogue allows it, and after the evaluators delivered the
 * office rejects every claim but the one on 3.4 (区热线办's judgement), which stands, so the other inputs are needed
 * once more after delivery (late entries, findings after verification) and 3.4's never is. One finding of 外滩街道
 * lists three items line by line and counts three. At the end every input of every indicator has a value in both
 * units' facts but the standing claim's, which is priced as not involved; each stored value came from the owner the
 * campaign gives it, and comprehensive evaluation completes.
 *
 * <p>Issue 20, the campaign-path acceptance: while walking, the test writes down what each owner entered, in the
 * shape of docs/facts-format.md (the claims as they stand after verification, the findings' counts, the register's
 * figures, every value typed on a grid or the 综合评估 page). Those facts are the test's own record, not the
 * application's assembly of them; the sheets the campaign stores after 开展综合评估 must equal the stateless
 * preview's pricing of them, total and every indicator.
 */
@WebIntegrationTest
class InputOwnersWalkTests {

    static final String CLAIMING = "czj";
    static final String PLAIN = "waitan";
    static final List<String> UNITS = List.of(CLAIMING, PLAIN);
    static final Set<String> LEFT_OUT = Set.of("MEDIA", "ARCHIVES");
    /** 区财政局's claim that the office lets stand: 3.4, 区热线办's judgement, is priced as not involved. */
    static final String STANDING = "3.4";
    /** The finding of 外滩街道 that stands for several items, listed line by line in its note (项数 left empty). */
    static final String COUNTED_INDICATOR = "2.1";
    static final String COUNTED_INPUT = "policiesWrongOrStaleTheme";
    static final List<String> COUNTED_ITEMS = List.of("《关于促进夜间经济发展的若干措施》归入“就业创业”主题",
            "《黄浦区商业网点布局规划》已废止仍在库", "《关于支持老字号企业发展的实施意见》未更新修订版");

    @LocalServerPort int port;
    @Autowired CampaignStarter starter;
    @Autowired CampaignService campaigns;
    @Autowired ProcessDriver driver;
    @Autowired TaskService taskService;
    @Autowired EvaluationService evaluation;
    @Autowired CampaignScoring scoring;
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    /** What the owners entered, by unit: the {@code facts} object of docs/facts-format.md, written by this test. */
    final Map<String, ObjectNode> typed = new LinkedHashMap<>();
    Catalogue catalogue;
    Long campaign;

    @Test
    void everyInputIsEnteredThroughAPageByItsOwnerInEachStateWhereItIsNeeded() throws Exception {
        // given a campaign of two units and nine of the eleven evaluators
        List<String> evaluators = List.of("SECRECY", "ESTABLISHMENT", "PORTAL", "REFORM", "HOTLINE", "DRC", "JUSTICE",
                "FINANCE", "MARKET");
        campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null, UNITS, evaluators),
                CampaignBots.COORDINATOR_USER).id();
        driver.runJobs();
        InputOwners owners = campaigns.owners(campaign);
        catalogue = owners.catalogue();
        Set<String> claimable = new TreeSet<>();
        catalogue.indicators().stream().filter(Indicator::notInvolvedAllowed).forEach(i -> claimable.add(i.code()));

        // the units: each fills in its self-check page, 区财政局 claiming 不涉及 wherever the page offers it, and submits
        for (String unit : UNITS) {
            WebSession staff = WebSession.login(port, CampaignBots.unitUser(unit));
            Document page = page(staff, "/app/self-check/" + campaign + "/" + unit);
            Map<String, String> form = new LinkedHashMap<>();
            for (Element field : page.select("textarea[name^='completion[']")) {
                String code = inside(field.attr("name"));
                boolean claim = unit.equals(CLAIMING) && !page.select("input[name='notInvolved[" + code + "]']").isEmpty();
                form.put("version[" + code + "]", page.select("input[name='version[" + code + "]']").val());
                form.put("completion[" + code + "]", claim ? "" : "已按要求完成该项工作。");
                form.put("links[" + code + "]", claim ? "" : "https://www.shhuangpu.gov.cn/" + unit + "/" + code);
                if (claim) {
                    form.put("notInvolved[" + code + "]", "on");
                    typed(unit, code).put("notInvolved", true);
                }
            }
            assertThat(staff.post("/app/self-check/" + campaign + "/" + unit, form).statusCode()).isEqualTo(302);
            complete(CampaignBots.unitUser(unit), ProcessLookup.unitTask(taskService, campaign, unit,
                    UnitAssessmentProcess.SUBMIT_SELF_CHECK), "confirmSubmit");
        }
        driver.runJobs();

        // the office verifies: a finding on every finding-fed input its page offers, except on 区财政局's claimed
        // indicators, which are not needed yet; then completes each verification
        WebSession office = WebSession.login(port, CampaignBots.COORDINATOR_USER);
        for (String unit : UNITS) {
            recordFindings(office, unit, code -> !(unit.equals(CLAIMING) && claimable.contains(code)));
            complete(CampaignBots.COORDINATOR_USER, ProcessLookup.unitTask(taskService, campaign, unit,
                    UnitAssessmentProcess.VERIFY), "confirmVerified");
        }
        driver.runJobs();

        // each evaluator fills in every control of its grid (but 区财政局's claimed indicators, not needed yet) and
        // delivers: the delivery is refused if anything it owes is not on its grid
        for (String evaluator : evaluators) {
            WebSession staff = WebSession.login(port, CampaignBots.evaluatorUser(evaluator));
            String grid = "/app/evaluation/" + campaign + "/" + evaluator;
            Map<String, String> cells = new LinkedHashMap<>(filled(page(staff, grid).selectFirst("table#grid")));
            cells.keySet().removeIf(k -> claimable.stream().anyMatch(code -> k.contains("[" + CLAIMING + "|" + code + "/")));
            assertThat(staff.post(grid, cells).statusCode()).isEqualTo(302);
            write(null, cells, "r[");
            complete(CampaignBots.evaluatorUser(evaluator), ProcessLookup.evaluatorTask(taskService, campaign, evaluator,
                    SpecialistEvaluationProcess.DELIVER), "confirmDelivered");
        }
        driver.runJobs();
        assertThat(campaigns.evaluators(campaign)).allSatisfy(e ->
                assertThat(e.status()).isEqualTo(EvaluatorParticipation.Status.DELIVERED));

        // after delivery the office rejects every claim of 区财政局 on its verification page but the one on 3.4, which
        // it leaves standing
        Document verificationPage = page(office, "/app/verification/" + campaign + "/" + CLAIMING);
        List<String> rejectable = new ArrayList<>();
        for (Element form : verificationPage.select("form.finding-form")) {
            if (form.select("option[value=NOT_INVOLVED_REJECTED]").isEmpty()) {
                continue;
            }
            rejectable.add(form.select("input[name=indicatorCode]").val());
            if (form.select("input[name=indicatorCode]").val().equals(STANDING)) {
                continue;
            }
            assertThat(office.post(form.attr("action"), Map.of("indicatorCode", form.select("input[name=indicatorCode]").val(),
                    "kind", "NOT_INVOLVED_REJECTED", "note", "有此项工作，“不涉及”不成立")).statusCode()).isEqualTo(302);
            typed(CLAIMING, form.select("input[name=indicatorCode]").val()).put("notInvolved", false);
        }
        assertThat(rejectable).containsExactlyInAnyOrderElementsOf(claimable);
        assertThat(scoring.assembleFacts(campaign).get(CLAIMING).properties()).filteredOn(p ->
                p.getValue().path("notInvolved").asBoolean(false)).extracting(Map.Entry::getKey).containsExactly(STANDING);

        // then each evaluator's grid offers what the rejections reopened, and takes it (补录); 区热线办's 3.4 of 区财政局
        // stays closed, its claim standing
        List<String> enteredLate = new ArrayList<>();
        for (String evaluator : evaluators) {
            WebSession staff = WebSession.login(port, CampaignBots.evaluatorUser(evaluator));
            String grid = "/app/evaluation/" + campaign + "/" + evaluator;
            Map<String, String> late = filled(page(staff, grid).selectFirst("table#grid"));
            if (!late.isEmpty()) {
                assertThat(late.keySet()).allMatch(k -> !k.startsWith("v[") || k.startsWith("v[" + CLAIMING + "|"));
                assertThat(staff.post(grid, late).statusCode()).as(evaluator).isEqualTo(302);
                write(null, late, "r[");
                enteredLate.add(evaluator);
            }
        }
        assertThat(enteredLate).containsExactly("DRC", "MARKET");
        // and the office records the findings of the reopened indicators after the verification was completed
        recordFindings(office, CLAIMING, code -> claimable.contains(code) && !code.equals(STANDING));

        // and keeps each unit's document register (4.1), one document filed in time
        for (String unit : UNITS) {
            HttpResponse<String> row = office.post("/app/registers/" + campaign + "/" + unit + "/rows", Map.of(
                    "register", "documents", "c0", "黄府办发〔2023〕1号", "c1", "关于公开工作的通知", "c2", "2023-03-01",
                    "c3", "主动公开", "c5", "2023-03-02"));
            assertThat(row.statusCode()).as(row.body()).isEqualTo(302);
            // one document of one made public, filed the day after it was written, numbered without a gap
            typed(unit, "4.1").put("disclosureRate", 1).put("lateFilings", 0).put("missingDocumentNumbers", 0);
        }

        // and in comprehensive evaluation fills in every control of each unit's page, with reasons, leaving the
        // register's inputs to the register
        for (String unit : UNITS) {
            String path = "/app/comprehensive/" + campaign + "/" + unit;
            Element form = page(office, path).selectFirst("form[action=" + path + "]");
            Map<String, String> fields = new LinkedHashMap<>();
            for (Element row : form.select("tbody tr[data-input]")) {
                if (!row.text().contains("留空则按登记计算")) {
                    fields.putAll(filled(row));
                }
            }
            assertThat(office.post(path, fields).statusCode()).isEqualTo(302);
            write(unit, fields, "jr[");
        }

        // then every input of every indicator has a value in both units' facts, none priced as not involved, but
        // 区财政局's 3.4: priced as not involved, with no value asked for
        Map<String, ObjectNode> facts = scoring.assembleFacts(campaign);
        for (String unit : UNITS) {
            for (Indicator indicator : catalogue.indicators()) {
                JsonNode node = facts.get(unit).path(indicator.code());
                boolean standing = standing(unit, indicator.code());
                assertThat(node.path("notInvolved").asBoolean(false)).as(unit + " " + indicator.code()).isEqualTo(standing);
                for (Input input : indicator.inputs()) {
                    assertThat(node.hasNonNull(input.name())).as(unit + " " + indicator.code() + " " + input.name())
                            .isNotEqualTo(standing);
                }
            }
        }
        // and the listed finding counts its three items
        assertThat(facts.get(PLAIN).path(COUNTED_INDICATOR).path(COUNTED_INPUT).asLong()).isEqualTo(COUNTED_ITEMS.size());
        // and each value entered as a value came from the owner the campaign gives it: an evaluator taking part, or
        // the office (its own inputs, the left-out evaluators'); findings, the register and the standing claim's
        // indicator stored none
        Map<String, Map<String, StoredFact>> stored = evaluation.facts(campaign);
        List<String> wrongSource = new ArrayList<>();
        for (String unit : UNITS) {
            for (InputOwners.Owner owner : owners.all()) {
                StoredFact fact = stored.get(unit).get(owner.key());
                boolean expected = (owner.channel() == InputOwners.Channel.EVALUATOR
                        || owner.channel() == InputOwners.Channel.COMPREHENSIVE)
                        && !standing(unit, owner.indicator().code());
                if (expected != (fact != null) || fact != null && !fact.source().equals(owner.enteredBy())) {
                    wrongSource.add(unit + " " + owner.key() + " " + owner.channel() + " " + (fact == null ? "-" : fact.source()));
                }
            }
        }
        assertThat(wrongSource).isEmpty();
        assertThat(owners.all()).filteredOn(InputOwners.Owner::handedOver).extracting(o -> o.indicator().code())
                .contains("3.7", "4.9", "4.10", "5.3");
        // and comprehensive evaluation completes: nothing is outstanding, the standing claim's input included
        assertThat(scoring.outstanding(campaign)).isEmpty();
        complete(CampaignBots.COORDINATOR_USER, ProcessLookup.campaignTask(taskService, campaign,
                CampaignProcess.COMPREHENSIVE_EVALUATION), "confirmComprehensive");
        driver.runJobs();

        // and each unit's sheet, stored by the round that follows 开展综合评估, equals the preview's pricing of the facts
        // as the owners entered them: the total and every indicator's points (and whether it is priced as not
        // involved). A rejected claim still priced at 80%, the standing claim priced as involved, a finding's count
        // lost, a typed value read differently or a late entry left out each makes some indicator differ.
        WebSession previewer = WebSession.login(port, CampaignBots.COORDINATOR_USER);
        for (String unit : UNITS) {
            UnitResult result = scoring.latest(campaign, unit).orElseThrow();
            assertThat(result.round()).as(unit).isGreaterThan(CampaignScoring.FIRST_ROUND);
            ScoreSheet sheet = scoring.sheet(result);
            ObjectNode request = json.createObjectNode().put("year", catalogue.year());
            request.set("facts", typed.get(unit));
            HttpResponse<String> answer = previewer.postJson("/api/scoring/preview", json.writeValueAsString(request));
            assertThat(answer.statusCode()).as(unit + ": " + answer.body()).isEqualTo(200);
            JsonNode preview = json.readTree(answer.body());

            Map<String, String> storedPoints = new LinkedHashMap<>();
            sheet.indicators().forEach(i -> storedPoints.put(i.code(), priced(i.points(), i.notInvolved())));
            Map<String, String> previewPoints = new LinkedHashMap<>();
            preview.path("indicators").forEach(i -> previewPoints.put(i.path("code").asText(),
                    priced(i.path("points").decimalValue(), i.path("notInvolved").asBoolean())));
            assertThat(storedPoints).as(unit + " indicators").hasSize(catalogue.indicators().size())
                    .containsExactlyEntriesOf(previewPoints);
            BigDecimal total = preview.path("total").decimalValue();
            assertThat(sheet.total()).as(unit + " sheet total").isEqualByComparingTo(total);
            assertThat(result.total()).as(unit + " recorded total").isEqualByComparingTo(total);
        }

        // and the stored sheet of 区财政局 prices 3.4 at 80% of its points on the 不涉及 line, and its page says 不涉及
        Indicator standing = catalogue.indicator(STANDING).orElseThrow();
        ScoreSheet.IndicatorScore claimed = scoring.sheet(scoring.latest(campaign, CLAIMING).orElseThrow()).indicator(STANDING);
        assertThat(claimed.notInvolved()).isTrue();
        assertThat(claimed.points()).isEqualByComparingTo(standing.points().multiply(catalogue.notInvolvedRate()));
        assertThat(claimed.explanation()).singleElement().satisfies(line -> {
            assertThat(line.criterion()).isEqualTo("不涉及此项工作的单位按80%计分");
            assertThat(line.effect()).isEqualByComparingTo(claimed.points());
        });
        assertThat(sheetRow(previewer, CLAIMING, STANDING).select(".badge").eachText()).contains("不涉及");
        // and the stored sheet of 外滩街道 prices the listed finding as three items, and its page lists them
        ScoreSheet.IndicatorScore counted = scoring.sheet(scoring.latest(campaign, PLAIN).orElseThrow())
                .indicator(COUNTED_INDICATOR);
        String label = catalogue.indicator(COUNTED_INDICATOR).orElseThrow().input(COUNTED_INPUT).orElseThrow().label();
        assertThat(counted.explanation()).filteredOn(line -> line.input().startsWith(label + "："))
                .singleElement().satisfies(line -> {
                    assertThat(line.input()).isEqualTo(label + "：3");
                    assertThat(line.arithmetic()).startsWith("3 × 0.5 = 1.5");
                    assertThat(line.effect()).isEqualByComparingTo("-1.5");
                });
        Element row = sheetRow(previewer, PLAIN, COUNTED_INDICATOR);
        assertThat(row.select("ul.explain > li").eachText())
                .anySatisfy(line -> assertThat(line).startsWith("核查问题：应公开未公开（共3项）："));
        assertThat(row.select("ol.finding-items li").eachText()).containsExactlyElementsOf(COUNTED_ITEMS);
    }

    /** Whether the indicator's 不涉及 claim stands for the unit (the office let it stand). */
    private static boolean standing(String unit, String code) {
        return unit.equals(CLAIMING) && code.equals(STANDING);
    }

    /** The row of one indicator on the unit's stored sheet page (成绩单). */
    private Element sheetRow(WebSession session, String unit, String code) throws Exception {
        return page(session, "/app/results/" + campaign + "/" + unit).select("tr:has(ul.explain)").stream()
                .filter(tr -> tr.select(".indicator-code").text().equals(code)).findFirst().orElseThrow();
    }

    /** An indicator's points as compared, with 2 decimals, marked where they are priced as not involved. */
    private static String priced(BigDecimal points, boolean notInvolved) {
        return points.setScale(2, RoundingMode.UNNECESSARY).toPlainString() + (notInvolved ? " 不涉及" : "");
    }

    /** This test's record of what was entered for {@code code} of {@code unit}. */
    private ObjectNode typed(String unit, String code) {
        ObjectNode facts = typed.computeIfAbsent(unit, u -> json.createObjectNode());
        return facts.has(code) ? (ObjectNode) facts.get(code) : facts.putObject(code);
    }

    /**
     * Writes down the values of a posted form as facts, by the input's type in the catalogue, a judgement with the
     * reason posted beside it under {@code reasonPrefix}: a grid's cells {@code v[unit|code/input]} ({@code page}
     * null), or one unit's page, {@code v[code/input]}.
     */
    private void write(String page, Map<String, String> form, String reasonPrefix) {
        form.forEach((field, text) -> {
            if (!field.startsWith("v[") || text.isEmpty()) {
                return;
            }
            String cell = inside(field);
            String unit = page != null ? page : cell.substring(0, cell.indexOf('|'));
            String code = cell.substring(cell.indexOf('|') + 1, cell.lastIndexOf('/'));
            String name = cell.substring(cell.lastIndexOf('/') + 1);
            Input input = catalogue.indicator(code).orElseThrow().inputs().stream()
                    .filter(i -> i.name().equals(name)).findFirst().orElseThrow();
            ObjectNode fact = typed(unit, code);
            switch (input.type().name()) {
                case "COUNT", "NUMBER", "RATE" -> fact.put(name, new BigDecimal(text));
                case "FLAG" -> fact.put(name, Boolean.parseBoolean(text));
                case "JUDGEMENT" -> fact.putObject(name).put("score", new BigDecimal(text))
                        .put("reason", form.get(reasonPrefix + cell + "]"));
                default -> fact.put(name, text);
            }
        });
    }

    /**
     * A finding of one item on every finding-fed input the unit's verification page offers, where {@code wanted};
     * 外滩街道's on 2.1 {@code policiesWrongOrStaleTheme} lists three items, one a line, its 项数 left empty.
     */
    private void recordFindings(WebSession office, String unit, Predicate<String> wanted) throws Exception {
        Document page = page(office, "/app/verification/" + campaign + "/" + unit);
        for (Element form : page.select("form.finding-form")) {
            String code = form.select("input[name=indicatorCode]").val();
            if (!wanted.test(code)) {
                continue;
            }
            for (Element option : form.select("select[name=inputName] option")) {
                boolean listed = unit.equals(PLAIN) && code.equals(COUNTED_INDICATOR) && option.val().equals(COUNTED_INPUT);
                HttpResponse<String> added = office.post(form.attr("action"), Map.of("indicatorCode", code,
                        "inputName", option.val(), "kind", "MISSING",
                        "note", listed ? String.join("\n", COUNTED_ITEMS) : "网上核查发现一项未公开",
                        "count", listed ? "" : "1"));
                assertThat(added.statusCode()).as(unit + " " + code + " " + option.val() + ": " + added.body()).isEqualTo(302);
                // the input counts the items of the findings recorded on it
                ObjectNode fact = typed(unit, code);
                fact.put(option.val(), fact.path(option.val()).asInt(0) + (listed ? COUNTED_ITEMS.size() : 1));
            }
        }
    }

    /** Every control inside {@code scope} with a valid value, as a person would fill it in, versions kept. */
    private static Map<String, String> filled(Element scope) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element hidden : scope.select("input[type=hidden][name^='ver[']")) {
            fields.put(hidden.attr("name"), hidden.val());
        }
        for (Element select : scope.select("select[name^='v[']")) {
            List<String> values = select.select("option").eachAttr("value").stream().filter(v -> !v.isEmpty()).toList();
            fields.put(select.attr("name"), values.contains("true") ? "true" : values.get(values.size() - 1));
        }
        for (Element input : scope.select("input[name^='v[']")) {
            fields.put(input.attr("name"), switch (input.attr("type")) {
                case "date" -> "2023-01-15";
                default -> "1".equals(input.attr("max")) ? "0.9" : "1";
            });
        }
        for (Element reason : scope.select("input[type=text][name^='r['], input[type=text][name^='jr['], input[type=text][name^='why[']")) {
            fields.put(reason.attr("name"), "逐项核对后录入");
        }
        if (!scope.select("select[name^='v['], input[name^='v[']").isEmpty()) {
            return fields;
        }
        return Map.of();
    }

    private static String inside(String name) {
        return name.substring(name.indexOf('[') + 1, name.lastIndexOf(']'));
    }

    private static Document page(WebSession session, String path) throws Exception {
        HttpResponse<String> answer = session.get(path);
        assertThat(answer.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(answer.body());
    }

    /** Claims the task and completes it through the engine's REST API as {@code user}, ticking its confirmation. */
    private void complete(String user, Task task, String confirmation) throws Exception {
        assertThat(task).as("open task for " + user).isNotNull();
        assertThat(send(user, "/engine-rest/task/" + task.getId() + "/claim", "{\"userId\": \"" + user + "\"}")
                .statusCode()).isEqualTo(204);
        HttpResponse<String> completed = send(user, "/engine-rest/task/" + task.getId() + "/submit-form",
                "{\"variables\": {\"" + confirmation + "\": {\"value\": true}}}");
        assertThat(completed.statusCode()).as(task.getName() + ": " + completed.body()).isEqualTo(204);
    }

    private HttpResponse<String> send(String user, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Basic " + Base64.getEncoder()
                                .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/json").header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
