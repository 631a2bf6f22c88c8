package cn.huangpu.assessment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.catalogue.Catalogues;
import cn.huangpu.assessment.catalogue.Indicator;
import cn.huangpu.assessment.catalogue.Input;
import cn.huangpu.assessment.catalogue.InputType;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.support.H2IntegrationTest;
import cn.huangpu.assessment.support.NumberArbitraries;
import cn.huangpu.assessment.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Property-based over every channel a number enters by: generated numbers (in range, just outside, no double
 * can hold them, NaN, thousands of digits, not numbers at all; {@link NumberArbitraries}) posted to the score
 * preview, the campaign API, an evaluator's grid and the office's comprehensive inputs. Each answer is a 2xx,
 * a redirect after saving, or a 400 naming the field in Chinese; never a server error. The pages that read
 * what was saved answer afterwards.
 */
@H2IntegrationTest
@AutoConfigureMockMvc
class NumberInputPropertyTests {

    static final Set<InputType> NUMERIC = Set.of(InputType.COUNT, InputType.RATE, InputType.NUMBER, InputType.JUDGEMENT);

    @Autowired MockMvc mvc;
    @Autowired Catalogues catalogues;
    @Autowired CampaignStarter starter;
    @Autowired CampaignService campaigns;
    @Autowired ObjectMapper json;

    record Target(Indicator indicator, Input input) {
    }

    record Sample(Target target, String number) {
    }

    @Test
    void anyNumberInPreviewFactsIsScoredOrRefusedNamingTheIndicatorAndInput() throws Exception {
        Arbitrary<Target> targets = Arbitraries.of(catalogues.forYear(2023).orElseThrow().indicators().stream()
                .flatMap(i -> i.inputs().stream().filter(in -> NUMERIC.contains(in.type())).map(in -> new Target(i, in)))
                .toList());
        Arbitrary<String> numbers = NumberArbitraries.jsonNumbers();
        for (Sample sample : Combinators.combine(targets, numbers).as(Sample::new).sampleStream().limit(300).toList()) {
            Target target = sample.target();
            String number = sample.number();
            // given the number as the input's value (a judgement's score), written into the JSON as it is
            String value = target.input().type() == InputType.JUDGEMENT
                    ? "{\"score\": " + number + ", \"reason\": \"理由\"}" : number;
            String body = "{\"year\": 2023, \"facts\": {\"" + target.indicator().code() + "\": {\""
                    + target.input().name() + "\": " + value + "}}}";

            // when it is previewed
            MockHttpServletResponse response = mvc.perform(post("/api/scoring/preview").with(httpBasic("office01", "demo"))
                    .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();

            // then it is scored, or refused naming the indicator and the input in Chinese
            assertThat(response.getStatus()).as(body).isIn(200, 400);
            if (response.getStatus() == 400) {
                JsonNode error = json.readTree(response.getContentAsByteArray()).path("errors").path(0);
                assertThat(error.path("indicator").asText()).as(body).isEqualTo(target.indicator().code());
                assertThat(error.path("field").asText()).as(body).isEqualTo(target.input().name());
                assertThat(error.path("reason").asText()).as(body).containsPattern("\\p{IsHan}");
            }
        }
    }

    @Test
    void anyYearOfAPreviewOrACampaignIsTakenOrRefusedNamingTheYear() throws Exception {
        Arbitrary<String> years = Arbitraries.oneOf(NumberArbitraries.jsonNumbers(),
                Arbitraries.integers().between(1990, 2110).map(String::valueOf));
        for (String year : years.sampleStream().limit(150).toList()) {
            for (String path : List.of("/api/scoring/preview", "/api/campaigns")) {
                if (path.equals("/api/campaigns") && opensACampaign(year)) {
                    // a year that opens a campaign would take it from the tests that use TestUsers.freshYear()
                    continue;
                }
                // given a request whose year is written as it is (a campaign for one unit, opened only in the future)
                String body = "{\"year\": " + year + ", \"facts\": {}, \"unitCodes\": [\"waitan\"]}";
                int before = campaigns.all().size();

                MockHttpServletResponse response = mvc.perform(post(path).with(httpBasic("office01", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();

                // then it is taken, or refused naming the year in Chinese (a refused campaign is not opened)
                assertThat(response.getStatus()).as(path + " " + body).isIn(200, 201, 400);
                if (response.getStatus() == 400) {
                    JsonNode errors = json.readTree(response.getContentAsByteArray()).path("errors");
                    assertThat(errors.findValuesAsText("field")).as(path + " " + body).contains("year");
                    assertThat(errors.path(0).path("reason").asText()).containsPattern("\\p{IsHan}");
                    assertThat(campaigns.all()).hasSize(before);
                }
            }
        }
    }

    /** The version a page's hidden field carries for a value. */
    private String shownVersion(String page, String user, String field) throws Exception {
        String html = mvc.perform(get(page).with(httpBasic(user, "demo"))).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher version = java.util.regex.Pattern.compile("name=\"" + java.util.regex.Pattern.quote(field)
                + "\" value=\"(\\d+)\"").matcher(html);
        return version.find() ? version.group(1) : "0";
    }

    @Test
    void anyNumberInTheGridOrTheOfficeInputsIsSavedOrRefusedAndThePagesStillAnswer() throws Exception {
        // given a campaign with 区司法局 (three counts on 4.13) and the office's rate, number, count and judgement
        CampaignInfo campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan", "yuyuan"), List.of("JUSTICE")), CampaignBots.COORDINATOR_USER);
        String grid = "/app/evaluation/" + campaign.id() + "/JUSTICE";
        String office = "/app/comprehensive/" + campaign.id() + "/waitan";
        Arbitrary<String> gridFields = Arbitraries.of("v[waitan|4.13/correctedReviews]", "v[yuyuan|4.13/requestsHandled]",
                "v[waitan|4.13/lostLawsuits]");
        Arbitrary<String> officeFields = Arbitraries.of("4.1/disclosureRate", "7/adoptionScore", "4.14/requestsReceived",
                "2.3/interpretationQuality");
        List<String> typed = NumberArbitraries.typedNumbers().sampleStream().limit(120).toList();
        List<String> gridField = gridFields.sampleStream().limit(typed.size()).toList();
        List<String> officeField = officeFields.sampleStream().limit(typed.size()).toList();

        for (int i = 0; i < typed.size(); i++) {
            // when the evaluator saves the number in its grid and the office saves it with a reason, each with the
            // version its page shows (as the page's hidden field sends it)
            String gridVersion = "ver[" + gridField.get(i).substring(2);
            int gridStatus = mvc.perform(post(grid).with(httpBasic("eval-justice", "demo")).with(csrf())
                    .param(gridField.get(i), typed.get(i))
                    .param(gridVersion, shownVersion(grid, "eval-justice", gridVersion))).andReturn().getResponse().getStatus();
            String key = officeField.get(i);
            int officeStatus = mvc.perform(post(office).with(httpBasic("office01", "demo")).with(csrf())
                    .param("v[" + key + "]", typed.get(i)).param("jr[" + key + "]", "理由")
                    .param("why[" + key + "]", "核查")
                    .param("ver[" + key + "]", shownVersion(office, "office01", "ver[" + key + "]")))
                    .andReturn().getResponse().getStatus();

            // then each is saved (a redirect) or refused (400), never a server error
            assertThat(gridStatus).as(gridField.get(i) + "=" + typed.get(i)).isIn(302, 400);
            assertThat(officeStatus).as(key + "=" + typed.get(i)).isIn(302, 400);
            if (i % 10 == 0) {
                assertPagesAnswer(campaign, grid, office);
            }
        }
        assertPagesAnswer(campaign, grid, office);
    }

    private static boolean opensACampaign(String year) {
        return year.matches("\\d{4}") && Integer.parseInt(year) >= 2000 && Integer.parseInt(year) <= 2100;
    }

    private void assertPagesAnswer(CampaignInfo campaign, String grid, String office) throws Exception {
        assertThat(status(grid, "eval-justice")).as(grid).isEqualTo(200);
        assertThat(status(grid + "/template.xlsx", "eval-justice")).isEqualTo(200);
        assertThat(status("/app/comprehensive/" + campaign.id(), "office01")).isEqualTo(200);
        assertThat(status(office, "office01")).isEqualTo(200);
    }

    private int status(String path, String user) throws Exception {
        return mvc.perform(get(path).with(httpBasic(user, "demo"))).andReturn().getResponse().getStatus();
    }
}
