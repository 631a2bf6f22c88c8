package cn.huangpu.assessment.scoring;

import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.huangpu.assessment.support.H2IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@H2IntegrationTest
@AutoConfigureMockMvc
class ScoringApiTests {

    @Autowired
    MockMvc mvc;

    @Test
    void servesThe2023CatalogueWith44IndicatorsWorth100Points() throws Exception {
        mvc.perform(get("/api/catalogues/2023").with(httpBasic("waitan01", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.year").value(2023))
                .andExpect(jsonPath("$.sections", hasSize(7)))
                .andExpect(jsonPath("$.sections[*].groups[*].indicators[*]", hasSize(44)))
                .andExpect(jsonPath("$.totalPoints").value(100))
                .andExpect(jsonPath("$.sections[3].groups[4].indicators[1].code").value("4.13"))
                .andExpect(jsonPath("$.sections[3].groups[4].indicators[1].name").value("以案促改"));
    }

    @Test
    void listsTheSpecialistEvaluatorsWithTheIndicatorsTheyOwn() throws Exception {
        mvc.perform(get("/api/evaluators?year=2023").with(httpBasic("office01", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(11)))
                .andExpect(jsonPath("$[?(@.code == 'FINANCE')].unitCode").value("czj"))
                .andExpect(jsonPath("$[?(@.code == 'FINANCE')].indicators[0]").value("1.4"))
                .andExpect(jsonPath("$[?(@.code == 'MEDIA')].indicators[*]", hasSize(3)));
        mvc.perform(get("/api/units").with(httpBasic("office01", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(47)));
    }

    @Test
    void unknownCatalogueYearIsNotFound() throws Exception {
        mvc.perform(get("/api/catalogues/1999").with(httpBasic("office01", "demo")))
                .andExpect(status().isNotFound());
    }

    @Test
    void previewsAScoreSheetForTheCoordinator() throws Exception {
        // given the full-marks worked unit
        String body = resource("/scoring/worked-unit-full-marks.json");

        // when the coordinator asks for a preview, then the sheet comes back graded by the DMN table
        mvc.perform(post("/api/scoring/preview").with(httpBasic("office01", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(109.0))
                .andExpect(jsonPath("$.bonus").value(9.0))
                .andExpect(jsonPath("$.grade").value("优秀"))
                .andExpect(jsonPath("$.indicators", hasSize(44)))
                .andExpect(jsonPath("$.indicators[0].code").value("1.1"))
                .andExpect(jsonPath("$.indicators[0].points").value(1.0))
                .andExpect(jsonPath("$.indicators[0].explanation[0].text").isString());
    }

    @Test
    void refusesBadFactsWithIndicatorFieldAndReason() throws Exception {
        String body = """
                {"year": 2023, "facts": {"2.3": {"interpretationQuality": {"score": 1.3, "reason": "r"}},
                                         "1.1": {"notInvolved": true}}}
                """;

        mvc.perform(post("/api/scoring/preview").with(httpBasic("office01", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("评分输入有误"))
                .andExpect(jsonPath("$.errors", hasSize(2)))
                .andExpect(jsonPath("$.errors[0].indicator").value("2.3"))
                .andExpect(jsonPath("$.errors[0].field").value("interpretationQuality"))
                .andExpect(jsonPath("$.errors[0].reason").value("评分须为0.5分的整数倍，收到 1.3"))
                .andExpect(jsonPath("$.errors[1].indicator").value("1.1"))
                .andExpect(jsonPath("$.errors[1].field").value("notInvolved"));
    }

    @Test
    void refusesAnUnknownYearAndAMissingYear() throws Exception {
        mvc.perform(post("/api/scoring/preview").with(httpBasic("office01", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"year\": 1999, \"facts\": {}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("year"));
        mvc.perform(post("/api/scoring/preview").with(httpBasic("office01", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"facts\": {}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("year"))
                .andExpect(jsonPath("$.errors[0].reason").value("须给出指标目录年度"));
        mvc.perform(post("/api/scoring/preview").with(httpBasic("office01", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"year\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"));
    }

    /** A count written as a number no double can hold, NaN, a 2000-digit number, or text. */
    @ParameterizedTest
    @ValueSource(strings = {"1e400", "-1e400", "1e100000", "1E-400", "NaN", "-Infinity", "DIGITS_2000", "DIGITS_900",
            "1e99999999999", "\"1e400\"", "[1e400]", "{\"score\": 1e400}"})
    void refusesACountBeyondAnyRangeNamingTheIndicatorAndTheInput(String number) throws Exception {
        // given a facts object whose count on 1.1 is the number, written into the JSON as it is
        String body = "{\"year\": 2023, \"facts\": {\"1.1\": {\"missingOrStaleItems\": " + expand(number) + "}}}";

        // when it is previewed, then it is refused with 400 naming 1.1 / missingOrStaleItems and a Chinese reason
        mvc.perform(post("/api/scoring/preview").with(httpBasic("office01", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].indicator").value("1.1"))
                .andExpect(jsonPath("$.errors[0].field").value("missingOrStaleItems"))
                .andExpect(jsonPath("$.errors[0].reason").value(matchesPattern(".*\\p{IsHan}.*")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e400", "-1e400", "NaN", "DIGITS_2000"})
    void refusesRatesAndJudgementsBeyondAnyRangeNamingTheInput(String number) throws Exception {
        String body = "{\"year\": 2023, \"facts\": {\"4.1\": {\"disclosureRate\": " + expand(number) + "},"
                + " \"2.3\": {\"interpretationQuality\": {\"score\": " + expand(number) + ", \"reason\": \"r\"}}}}";

        var result = mvc.perform(post("/api/scoring/preview").with(httpBasic("office01", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].reason").value(matchesPattern(".*\\p{IsHan}.*")));
        // NaN and an over-long number stop the JSON reader at the first one; the others are all reported
        if (number.startsWith("1e") || number.startsWith("-1e")) {
            result.andExpect(jsonPath("$.errors", hasSize(2)))
                    .andExpect(jsonPath("$.errors[0].field").value("disclosureRate"))
                    .andExpect(jsonPath("$.errors[1].indicator").value("2.3"))
                    .andExpect(jsonPath("$.errors[1].field").value("interpretationQuality"));
        } else {
            result.andExpect(jsonPath("$.errors[0].indicator").value("4.1"))
                    .andExpect(jsonPath("$.errors[0].field").value("disclosureRate"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023.5", "2023.0", "1e400", "-1e400", "NaN", "DIGITS_2000", "99999999999", "\"二〇二三\"",
            "true", "[2023]"})
    void refusesAYearThatIsNotAWholeNumberNamingTheYear(String year) throws Exception {
        mvc.perform(post("/api/scoring/preview").with(httpBasic("office01", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\": " + expand(year) + ", \"facts\": {}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value("year"))
                .andExpect(jsonPath("$.errors[0].reason").value(matchesPattern(".*(整数|数字).*")));
    }

    @Test
    void previewIsForTheCoordinatorOnly() throws Exception {
        String body = "{\"year\": 2023, \"facts\": {}}";
        mvc.perform(post("/api/scoring/preview").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/scoring/preview").with(httpBasic("waitan01", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        // after a wrong password this client waits a few seconds for that account (LoginThrottle): use one no other test needs
        mvc.perform(post("/api/scoring/preview").with(httpBasic("leader01", "wrong"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
    }

    /** DIGITS_n stands for a number of n digits, too long to write into the annotation. */
    private static String expand(String number) {
        return number.startsWith("DIGITS_") ? "7".repeat(Integer.parseInt(number.substring(7))) : number;
    }

    private static String resource(String path) throws Exception {
        try (var in = Objects.requireNonNull(ScoringApiTests.class.getResourceAsStream(path))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
