package cn.huangpu.assessment.verification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.results.CampaignScoring;
import cn.huangpu.assessment.security.Groups;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.support.WebIntegrationTest;
import cn.huangpu.assessment.support.WebSession;
import cn.huangpu.assessment.workflow.UnitAssessmentProcess;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.TaskService;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One finding stands for several items: listed line by line in its note, or stated in one line with their
 * number typed. The unit's facts add the counts up, and the sheet shows the count and the list. A count that is
 * not a positive whole number in range is refused with the field named, and nothing is saved.
 */
@WebIntegrationTest
class FindingCountsTests {

    static final String INPUT = "missingOrStaleItems";

    @LocalServerPort int port;
    @Autowired CampaignStarter starter;
    @Autowired ProcessDriver driver;
    @Autowired CampaignBots bots;
    @Autowired VerificationService verification;
    @Autowired CampaignScoring scoring;
    @Autowired TaskService taskService;

    Long campaignId;
    WebSession office;

    @BeforeEach
    void aSubmittedSelfCheckAndTheCoordinator() throws Exception {
        campaignId = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER).id();
        driver.runJobs();
        bots.fillSelfCheck(campaignId, "waitan", new Random(3));
        bots.submitSelfCheck(campaignId, "waitan");
        driver.runJobs();
        office = WebSession.login(port, "office01");
    }

    @Test
    void oneFindingListingThreeItemsLineByLineCountsThreeAndTheSheetShowsThem() throws Exception {
        // when the office records one finding on 1.1 whose note lists three items, a blank line between, no count
        HttpResponse<String> recorded = office.post(findings(), Map.of("indicatorCode", "1.1", "inputName", INPUT,
                "kind", "MISSING", "note", "领导分工未公开\n内设机构职能未公开\n\n  联系电话未更新  \n", "count", ""));

        // then it is one finding of three items
        assertThat(recorded.statusCode()).isEqualTo(302);
        assertThat(verification.findings(campaignId, "waitan")).singleElement().satisfies(f -> {
            assertThat(f.count()).isEqualTo(3);
            assertThat(f.items()).containsExactly("领导分工未公开", "内设机构职能未公开", "联系电话未更新");
        });
        // and the unit's facts count three missing items on 1.1
        assertThat(facts().path(INPUT).asLong()).isEqualTo(3);

        // and the indicator's line on the sheet gives the count, its arithmetic and the list, item by item
        Element row = sheetRow("1.1");
        assertThat(row.select("ul.explain > li").eachText())
                .anySatisfy(line -> assertThat(line).contains("机构职能信息应公开未公开或更新不及时的项数：3"))
                .anySatisfy(line -> assertThat(line).startsWith("核查问题：应公开未公开（共3项）："));
        assertThat(row.select("ol.finding-items li").eachText())
                .containsExactly("领导分工未公开", "内设机构职能未公开", "联系电话未更新");
        // and so does the verification page
        Document page = Jsoup.parse(office.get(page()).body());
        assertThat(page.getElementById("i-1.1").select("ol.finding-items li")).hasSize(3);
    }

    @Test
    void aOneLineNoteStatesItsItemsAndTheTypedCountAddsToTheOtherFindings() throws Exception {
        // given a finding of one item on 1.1
        office.post(findings(), Map.of("indicatorCode", "1.1", "inputName", INPUT, "kind", "STALE",
                "note", "机构职能页面两年未更新"));

        // when the office records a one-line summary of 37 items, typed with full-width digits as an IME gives them
        HttpResponse<String> recorded = office.post(findings(), Map.of("indicatorCode", "1.1", "inputName", INPUT,
                "kind", "MISSING", "note", "“政策文件”栏目2022年以来共37条文件未公开", "count", "３７"));

        // then the facts count 38, and the sheet line says 37 for the summary
        assertThat(recorded.statusCode()).isEqualTo(302);
        assertThat(facts().path(INPUT).asLong()).isEqualTo(38);
        assertThat(sheetRow("1.1").select("ul.explain > li").eachText())
                .contains("核查问题：应公开未公开（共37项）：“政策文件”栏目2022年以来共37条文件未公开",
                        "核查问题：更新不及时：机构职能页面两年未更新");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "1.5", "1e9", "Infinity", "NaN", "三", "1000001", "1000000000",
            "DIGITS_2000"})
    void aCountThatIsNotAPositiveWholeNumberInRangeIsRefusedNamingTheFieldAndNothingIsSaved(String typed)
            throws Exception {
        String count = typed.equals("DIGITS_2000") ? "9".repeat(2000) : typed;

        // when the office records a finding with that count
        HttpResponse<String> refused = office.post(findings(), Map.of("indicatorCode", "1.1", "inputName", INPUT,
                "kind", "MISSING", "note", "机构职能信息未公开", "count", count));

        // then the answer is the page with 400, the field named in Chinese beside the form, what was typed kept
        assertThat(refused.statusCode()).isEqualTo(400);
        Document html = Jsoup.parse(refused.body());
        assertThat(html.select("#finding-errors").text()).contains("指标 1.1", "项数");
        Element row = html.getElementById("i-1.1");
        assertThat(row.select(".field-errors").text()).matches(".*项数(须为正整数|不能超过).*");
        assertThat(row.select("input[name=count]").attr("aria-invalid")).isEqualTo("true");
        assertThat(row.select("textarea[name=note]").text()).isEqualTo("机构职能信息未公开");
        // and nothing is saved
        assertThat(verification.findings(campaignId, "waitan")).isEmpty();
    }

    @Test
    void aListedNoteAndATypedCountThatDisagreeAreRefused() throws Exception {
        // when the office lists three items and types 5
        HttpResponse<String> refused = office.post(findings(), Map.of("indicatorCode", "1.1", "inputName", INPUT,
                "kind", "MISSING", "note", "一\n二\n三", "count", "5"));

        // then it is refused, saying how many lines the note lists
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.body()).select("#finding-errors").text())
                .contains("问题说明逐行列出了 3 项，项数须为 3");
        assertThat(verification.findings(campaignId, "waitan")).isEmpty();
    }

    @Test
    void theCountsOfOneInputStayWithinItsRange() throws Exception {
        // given a one-line finding of 999,999 items on 1.1 (the input's range is 1,000,000)
        assertThat(office.post(findings(), Map.of("indicatorCode", "1.1", "inputName", INPUT, "kind", "MISSING",
                "note", "全部栏目信息未公开", "count", "999999")).statusCode()).isEqualTo(302);

        // when the office adds a finding of 2 more
        HttpResponse<String> refused = office.post(findings(), Map.of("indicatorCode", "1.1", "inputName", INPUT,
                "kind", "STALE", "note", "另有两项未更新", "count", "2"));

        // then it is refused, saying what is left, and the facts stay priceable
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.body()).select("#finding-errors").text())
                .contains("项数不能超过1（该扣分项已记录 999999 项，合计不超过1000000）");
        assertThat(facts().path(INPUT).asLong()).isEqualTo(999999);
        assertThat(office.get("/app/comprehensive/" + campaignId + "/waitan").statusCode()).isEqualTo(200);
    }

    @Test
    void theRecordedSheetAndItsPdfShowTheCountAndTheItems() throws Exception {
        // given a finding of two listed items on 1.1, the verification finished and the evaluator's results in
        office.post(findings(), Map.of("indicatorCode", "1.1", "inputName", INPUT, "kind", "MISSING",
                "note", "领导分工未公开\n内设机构职能未公开"));
        bots.complete(CampaignBots.COORDINATOR_USER, List.of(Groups.COORDINATOR), UnitAssessmentProcess.VERIFY,
                UnitAssessmentProcess.tasks(taskService, campaignId, "waitan"), Map.of("confirmVerified", true));
        bots.deliver(campaignId, "FINANCE", new Random(3));
        driver.runJobs();

        // when the unit's result is recorded, then it was priced on two items
        assertThat(scoring.latest(campaignId, "waitan")).isPresent();
        assertThat(scoring.sheet(scoring.latest(campaignId, "waitan").orElseThrow()).indicator("1.1").explanation())
                .anySatisfy(line -> assertThat(line.text()).contains("机构职能信息应公开未公开或更新不及时的项数：2"));
        // and the sheet page and its PDF give the count and each item
        HttpResponse<String> sheet = office.get("/app/results/" + campaignId + "/waitan");
        assertThat(Jsoup.parse(sheet.body()).select("ol.finding-items li").eachText())
                .containsExactly("领导分工未公开", "内设机构职能未公开");
        HttpResponse<byte[]> pdf = office.getBytes("/app/results/" + campaignId + "/waitan.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s", ""))
                    .contains("核查问题：应公开未公开（共2项）：", "领导分工未公开", "内设机构职能未公开");
        }
    }

    private JsonNode facts() {
        return scoring.assembleFacts(campaignId).get("waitan").path("1.1");
    }

    /** The score sheet's row of one indicator on the unit's comprehensive-evaluation page (the current sheet). */
    private Element sheetRow(String code) throws Exception {
        HttpResponse<String> page = office.get("/app/comprehensive/" + campaignId + "/waitan");
        assertThat(page.statusCode()).isEqualTo(200);
        return Jsoup.parse(page.body()).select("tr:has(ul.explain)").stream()
                .filter(tr -> tr.select(".indicator-code").text().equals(code)).findFirst().orElseThrow();
    }

    private String page() {
        return "/app/verification/" + campaignId + "/waitan";
    }

    private String findings() {
        return page() + "/findings";
    }
}
