package cn.huangpu.assessment.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.huangpu.assessment.support.H2IntegrationTest;
import cn.huangpu.assessment.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@H2IntegrationTest
@AutoConfigureMockMvc
class CampaignApiTests {

    @Autowired MockMvc mvc;
    @Autowired CampaignService campaigns;

    @Test
    void opensACampaignWithTheDefaultDatesOfItsYear() throws Exception {
        int year = TestUsers.freshYear();
        mvc.perform(post("/api/campaigns").with(httpBasic("office01", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\": " + year + ", \"unitCodes\": [\"waitan\", \"czj\"]}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.catalogueYear").value(2023))
                // 20 November 23:59 in Shanghai is 15:59 UTC
                .andExpect(jsonPath("$.selfCheckDue").value(year + "-11-20T15:59:00Z"))
                .andExpect(jsonPath("$.comprehensiveDue").value(year + "-12-08T15:59:00Z"))
                .andExpect(jsonPath("$.resultsDue").value(year + "-12-15T15:59:00Z"));
    }

    @Test
    void refusesDatesInThePastOrOutOfOrderAndSavesNothing() throws Exception {
        int year = TestUsers.freshYear();
        long before = campaigns.all().size();
        mvc.perform(post("/api/campaigns").with(httpBasic("office01", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\": " + year + ", \"selfCheckDue\": \"2020-11-20T15:59:00Z\","
                                + " \"comprehensiveDue\": \"" + year + "-11-01T00:00:00Z\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("发起考评的输入有误"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("selfCheckDue")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("comprehensiveDue")))
                .andExpect(jsonPath("$.errors[*].reason", hasItem("综合评估截止时间须晚于专项评估截止时间")));
        assertThat(campaigns.all()).hasSize((int) before);
    }

    @Test
    void refusesUnknownUnitsAndASecondCampaignOfTheSameYear() throws Exception {
        int year = TestUsers.freshYear();
        mvc.perform(post("/api/campaigns").with(httpBasic("office01", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\": " + year + ", \"unitCodes\": [\"nosuchunit\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unitCodes"));
        mvc.perform(post("/api/campaigns").with(httpBasic("office01", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\": " + year + "}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/campaigns").with(httpBasic("office01", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\": " + year + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].reason").value(year + " 年度已有考评，每年只开展一次"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2098.5", "1e400", "-1e400", "NaN", "DIGITS_2000", "99999999999", "\"二〇九八\"", "[2098]"})
    void refusesAYearThatIsNotAWholeNumberNamingTheFieldAndSavesNothing(String year) throws Exception {
        // given a start request whose year is the value, written into the JSON as it is
        String written = year.equals("DIGITS_2000") ? "2".repeat(2000) : year;
        long before = campaigns.all().size();

        // when it is posted, then it is refused naming the year, in Chinese, and no campaign is opened
        mvc.perform(post("/api/campaigns").with(httpBasic("office01", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\": " + written + ", \"unitCodes\": [\"waitan\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value("year"))
                .andExpect(jsonPath("$.errors[0].reason").value(matchesPattern(".*(整数|数字).*")));
        assertThat(campaigns.all()).hasSize((int) before);
    }

    @Test
    void onlyTheCoordinatorOpensCampaigns() throws Exception {
        mvc.perform(post("/api/campaigns").with(httpBasic("waitan01", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\": 2099}"))
                .andExpect(status().isForbidden());
    }
}
