package cn.huangpu.assessment.verification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.catalogue.Indicator;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.selfcheck.SelfCheckService;
import cn.huangpu.assessment.selfcheck.SelfCheckService.Draft;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.support.WebIntegrationTest;
import cn.huangpu.assessment.support.WebSession;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The verification page over real HTTP as the office uses it: "“不涉及”不成立" only where the unit claimed
 * 不涉及 (offered and accepted), and a refused finding answered with the whole page again, what was typed
 * kept and the field named.
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerificationPageTests {

    @LocalServerPort int port;
    @Autowired CampaignStarter starter;
    @Autowired ProcessDriver driver;
    @Autowired CampaignBots bots;
    @Autowired SelfCheckService selfChecks;
    @Autowired VerificationService verification;
    @Autowired NotInvolvedService notInvolved;

    Long campaignId;
    /** An indicator that allows 不涉及 and that 外滩街道 claimed, and one that allows it and it did not claim. */
    Indicator claimed;
    Indicator notClaimed;
    /** An indicator priced on verification findings. */
    Indicator withFindings;

    @BeforeAll
    void aSubmittedSelfCheckWithOneNotInvolvedClaim() {
        campaignId = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER).id();
        driver.runJobs();
        List<Indicator> indicators = selfChecks.catalogue(campaignId).indicators();
        List<Indicator> allowing = indicators.stream().filter(Indicator::notInvolvedAllowed).toList();
        claimed = allowing.get(0);
        notClaimed = allowing.get(1);
        withFindings = indicators.stream().filter(i -> !i.findingInputs().isEmpty()).findFirst().orElseThrow();
        Map<String, Draft> drafts = new LinkedHashMap<>();
        for (Indicator indicator : indicators) {
            drafts.put(indicator.code(), indicator == claimed ? new Draft(null, null, true)
                    : new Draft("已按要求完成" + indicator.name() + "相关工作。",
                    "https://www.shhuangpu.gov.cn/zw/waitan/" + indicator.code(), false));
        }
        selfChecks.saveDraft(campaignId, "waitan", drafts, CampaignBots.unitUser("waitan"));
        bots.submitSelfCheck(campaignId, "waitan");
        driver.runJobs();
    }

    @Test
    void theOfficeOpensTheVerificationPageOfAUnitWhoseSelfCheckIsNotInYet() throws Exception {
        // given a campaign in which 豫园街道 has entered nothing (an overdue unit the office looks at)
        Long other = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("yuyuan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER).id();
        driver.runJobs();

        // when the coordinator and a leader open its verification page
        HttpResponse<String> office = WebSession.login(port, "office01").get("/app/verification/" + other + "/yuyuan");
        HttpResponse<String> leader = WebSession.login(port, "leader01").get("/app/verification/" + other + "/yuyuan");

        // then it answers with the page (indicators without an entry have no links), not a server error
        assertThat(office.statusCode()).isEqualTo(200);
        assertThat(leader.statusCode()).isEqualTo(200);
    }

    @Test
    void offersNotInvolvedRejectedOnlyWhereTheUnitClaimedNotInvolved() throws Exception {
        // given the coordinator
        WebSession office = WebSession.login(port, "office01");

        // when she opens the unit's verification page
        HttpResponse<String> page = office.get(page());

        // then the rejection of a 不涉及 claim is a choice on the claimed indicator only
        assertThat(page.statusCode()).isEqualTo(200);
        Document html = Jsoup.parse(page.body());
        assertThat(kinds(html, claimed)).contains("NOT_INVOLVED_REJECTED");
        assertThat(kinds(html, notClaimed)).doesNotContain("NOT_INVOLVED_REJECTED");
        assertThat(kinds(html, withFindings)).doesNotContain("NOT_INVOLVED_REJECTED").contains("MISSING", "BROKEN_LINK");
    }

    @Test
    void refusesNotInvolvedRejectedWhereTheUnitClaimedNothingAndNamesTheIndicator() throws Exception {
        // given the coordinator, and the findings recorded so far
        WebSession office = WebSession.login(port, "office01");
        int before = verification.findings(campaignId, "waitan").size();

        // when she posts "“不涉及”不成立" on an indicator where the unit claimed nothing, as a hand-made form would
        HttpResponse<String> refused = office.post(findings(), Map.of("indicatorCode", notClaimed.code(),
                "kind", "NOT_INVOLVED_REJECTED", "note", "单位并未申报不涉及"));

        // then it is refused with the page, naming the indicator, and nothing is saved
        assertThat(refused.statusCode()).isEqualTo(400);
        String reasons = Jsoup.parse(refused.body()).select("#finding-errors").text();
        assertThat(reasons).contains("指标 " + notClaimed.code(), notClaimed.name(), "没有申报“不涉及”");
        assertThat(verification.findings(campaignId, "waitan")).hasSize(before);

        // and on the claimed indicator the same finding is recorded
        HttpResponse<String> recorded = office.post(findings(), Map.of("indicatorCode", claimed.code(),
                "kind", "NOT_INVOLVED_REJECTED", "note", "门户网站有该项工作的信息，不涉及不成立"));
        assertThat(recorded.statusCode()).isEqualTo(302);
        assertThat(verification.findings(campaignId, "waitan")).hasSize(before + 1)
                .last().satisfies(f -> {
                    assertThat(f.indicatorCode()).isEqualTo(claimed.code());
                    assertThat(f.kind()).isEqualTo(FindingKind.NOT_INVOLVED_REJECTED);
                });
    }

    @Test
    void anEmptyNoteAnswersTheWholePageWithWhatWasTypedAndTheFieldNamedInChinese() throws Exception {
        // given the coordinator on the page, and the findings recorded so far
        WebSession office = WebSession.login(port, "office01");
        Document normal = Jsoup.parse(office.get(page()).body());
        int before = verification.findings(campaignId, "waitan").size();
        String input = withFindings.findingInputs().get(withFindings.findingInputs().size() - 1).name();

        // when she records a finding without its note, the other fields filled in
        HttpResponse<String> refused = office.post(findings(), Map.of("indicatorCode", withFindings.code(),
                "inputName", input, "kind", "STALE", "note", "  ", "url", "https://www.shhuangpu.gov.cn/zw/waitan/old"));

        // then the answer is 400 and names the field in Chinese, beside the form and above the table
        assertThat(refused.statusCode()).isEqualTo(400);
        Document html = Jsoup.parse(refused.body());
        assertThat(html.select("#finding-errors").text()).contains("指标 " + withFindings.code(), "问题说明为必填项");
        Element row = row(html, withFindings);
        assertThat(row.hasClass("failed")).isTrue();
        assertThat(row.select(".field-errors").text()).contains("问题说明为必填项");
        assertThat(row.select("textarea[name=note]").attr("aria-invalid")).isEqualTo("true");
        // and keeps what was typed
        assertThat(row.select("select[name=inputName] option[selected]").attr("value")).isEqualTo(input);
        assertThat(row.select("select[name=kind] option[selected]").attr("value")).isEqualTo("STALE");
        assertThat(row.select("input[name=url]").attr("value")).isEqualTo("https://www.shhuangpu.gov.cn/zw/waitan/old");
        // and shows all the normal page shows: every element the page names, the link checks' loader among them
        assertThat(ids(html)).containsAll(ids(normal));
        String loader = html.select("#link-checks-loader").attr("hx-get");
        assertThat(loader).isEqualTo(normal.select("#link-checks-loader").attr("hx-get")).isNotEmpty();
        Document checks = Jsoup.parseBodyFragment(office.get(loader).body());
        assertThat(checks.select("#checks-" + withFindings.code().replace(".", "\\.") + " .card.check")).isNotEmpty();
        // and nothing is saved
        assertThat(verification.findings(campaignId, "waitan")).hasSize(before);
    }

    @Test
    void anIndicatorCodeTheCatalogueDoesNotHoldIsRefusedQuotedCutOnFindingsAndGrants() throws Exception {
        // given the coordinator, and the findings recorded so far
        WebSession office = WebSession.login(port, "office01");
        int before = verification.findings(campaignId, "waitan").size();
        String typed = "政务公开".repeat(25_000);

        // when the hidden indicator code of the finding form and of the 不涉及 form is replaced by 100,000 characters
        HttpResponse<String> finding = office.post(findings(), Map.of("indicatorCode", typed,
                "kind", "STALE", "note", "栏目内容未更新"));
        HttpResponse<String> grant = office.post(page() + "/not-involved", Map.of("indicatorCode", typed,
                "reason", "该单位不承担此项工作"));

        // then both are refused with 400 naming the field in Chinese and quoting what was typed cut, not in full
        for (HttpResponse<String> refused : List.of(finding, grant)) {
            assertThat(refused.statusCode()).isEqualTo(400);
            String text = Jsoup.parse(refused.body()).text();
            assertThat(text).contains("指标目录中没有指标“政务公开").doesNotContain(typed.substring(0, 1_000));
        }
        // and nothing is saved
        assertThat(verification.findings(campaignId, "waitan")).hasSize(before);
    }

    @Test
    void aFindingKindThatIsNoneOfTheKindsIsRefusedQuotedCut() throws Exception {
        // given the coordinator, and the findings recorded so far
        WebSession office = WebSession.login(port, "office01");
        int before = verification.findings(campaignId, "waitan").size();
        String typed = "政务公开".repeat(25_000);

        // when the finding form's kind (a select) is replaced by 100,000 characters
        HttpResponse<String> refused = office.post(findings(), Map.of("indicatorCode", withFindings.code(),
                "kind", typed, "note", "栏目内容未更新"));

        // then it is refused with 400 naming the field and quoting what was typed cut, and nothing is saved
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.body()).text()).contains("问题类型“政务公开", "不是可选的问题类型")
                .doesNotContain(typed.substring(0, 1_000));
        assertThat(verification.findings(campaignId, "waitan")).hasSize(before);
    }

    @Test
    void aNoteOrAReasonHoldingAControlCharacterIsRefusedNamingTheField() throws Exception {
        // given the coordinator, and the findings recorded so far
        WebSession office = WebSession.login(port, "office01");
        int before = verification.findings(campaignId, "waitan").size();

        // when she records a finding whose note holds U+0001, and grants 不涉及 with such a reason
        HttpResponse<String> note = office.post(findings(), Map.of("indicatorCode", withFindings.code(),
                "inputName", withFindings.findingInputs().get(0).name(), "kind", "STALE", "note", "栏目\u0001内容未更新"));
        HttpResponse<String> grant = office.post(page() + "/not-involved", Map.of("indicatorCode", notClaimed.code(),
                "reason", "该单位不\u0001承担此项工作"));

        // then both are refused with 400 naming the field, and nothing is saved
        assertThat(note.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(note.body()).text()).contains("问题说明含有控制字符");
        assertThat(grant.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(grant.body()).text()).contains("理由含有控制字符");
        assertThat(verification.findings(campaignId, "waitan")).hasSize(before);
        assertThat(notInvolved.rulings(campaignId, "waitan")).doesNotContainKey(notClaimed.code());
    }

    @Test
    void recheckingAllTheCampaignsLinksSaysHowManyAndThatThisSetupChecksNone() throws Exception {
        // given the coordinator, in a setup whose background checker is off (as the demo's)
        WebSession office = WebSession.login(port, "office01");

        // when she re-checks every link of the campaign from the comprehensive evaluation page
        HttpResponse<String> scheduled = office.post("/app/link-checks/" + campaignId + "/recheck-all", Map.of());

        // then she is back on that page, told how many links were queued and that none will really be fetched here
        assertThat(scheduled.statusCode()).isEqualTo(302);
        assertThat(scheduled.headers().firstValue("Location").orElseThrow()).endsWith("/app/comprehensive/" + campaignId);
        String notice = Jsoup.parse(office.get("/app/comprehensive/" + campaignId).body()).select(".notice").text();
        assertThat(notice).contains("已安排重新检查全部 " + (selfChecks.catalogue(campaignId).indicators().size() - 1)
                + " 个证明链接", "本环境未启用自动检查");
    }

    private String page() {
        return "/app/verification/" + campaignId + "/waitan";
    }

    private String findings() {
        return page() + "/findings";
    }

    private static Element row(Document html, Indicator indicator) {
        return html.getElementById("i-" + indicator.code());
    }

    private static List<String> kinds(Document html, Indicator indicator) {
        return row(html, indicator).select("select[name=kind] option").eachAttr("value");
    }

    private static Set<String> ids(Document html) {
        return html.select("main [id]").stream().map(Element::id).collect(Collectors.toSet());
    }
}
