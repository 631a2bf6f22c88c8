package cn.huangpu.assessment.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.support.WebIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The calendar over real HTTP, as an API client (HTTP Basic) uses it. */
@WebIntegrationTest
class CalendarApiTests {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(String user, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json").GET();
        if (user != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void answersAYearsHolidaysAndMakeUpDaysWithTheirNotice() throws Exception {
        // when a unit's account asks for 2023
        HttpResponse<String> response = get("waitan01", "/api/calendar/2023");

        // then the notice and the days as it sets them
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode year = json(response);
        assertThat(year.at("/year").asInt()).isEqualTo(2023);
        assertThat(year.at("/notice/number").asText()).isEqualTo("国办发明电〔2022〕16号");
        assertThat(year.at("/notice/title").asText()).isEqualTo("国务院办公厅关于2023年部分节假日安排的通知");
        assertThat(year.at("/notice/date").asText()).isEqualTo("2022-12-08");
        assertThat(year.at("/holidays/0/name").asText()).isEqualTo("元旦");
        assertThat(year.at("/holidays/0/from").asText()).isEqualTo("2022-12-31");
        assertThat(year.at("/holidays/5/from").asText()).isEqualTo("2023-09-29");
        assertThat(year.at("/holidays/5/to").asText()).isEqualTo("2023-10-06");
        List<String> makeUp = new ArrayList<>();
        year.at("/makeUpWorkdays").forEach(d -> makeUp.add(d.at("/date").asText()));
        assertThat(makeUp).contains("2023-10-07", "2023-10-08").hasSize(7);
        assertThat(year.at("/origin").asText()).isEqualTo("BUILT_IN");
        assertThat(json(get("waitan01", "/api/calendar")).toString()).isEqualTo("[2023,2024,2025,2026]");
    }

    @Test
    void addsWorkingDays() throws Exception {
        // when 20 working days are added to 2023-09-22 (see WorkingDayCalendarTests for the count by hand)
        HttpResponse<String> response = get("waitan01", "/api/calendar/add-working-days?from=2023-09-22&days=20");

        // then the answer is the date alone
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response)).isEqualTo(JSON.readTree("{\"date\": \"2023-10-26\"}"));
    }

    @Test
    void aYearWithoutDataIsRefusedWith404AndAChineseReason() throws Exception {
        // when 2027 is asked for, and a count runs from December 2026 into the days the 2027 notice may move
        HttpResponse<String> year = get("waitan01", "/api/calendar/2027");
        HttpResponse<String> count = get("waitan01", "/api/calendar/add-working-days?from=2026-12-15&days=20");

        // then both are 404 naming the missing year, never a Monday-to-Friday guess
        assertThat(year.statusCode()).isEqualTo(404);
        assertThat(json(year).at("/detail").asText()).isEqualTo("2027年节假日安排尚未录入，按工作日计算的期限无法确定");
        assertThat(json(year).at("/year").asInt()).isEqualTo(2027);
        assertThat(count.statusCode()).isEqualTo(404);
        assertThat(json(count).at("/detail").asText()).startsWith("2027年节假日安排尚未录入").contains("2026年12月29日");
        assertThat(json(count).at("/title").asText()).isEqualTo("节假日安排尚未录入");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ?days=20                         | from | 未填写起始日期
            ?from=2023-09-22                 | days | 未填写工作日天数
            ?from=&days=20                   | from | 未填写起始日期
            ?from=2023-13-01&days=20         | from | 起始日期：须为日期，写成 YYYY-MM-DD，如 2023-09-22，收到“2023-13-01”
            ?from=2023-02-29&days=20         | from | 起始日期：须为日期，写成 YYYY-MM-DD，如 2023-09-22，收到“2023-02-29”
            ?from=22.9.2023&days=20          | from | 起始日期：须为日期，写成 YYYY-MM-DD，如 2023-09-22，收到“22.9.2023”
            ?from=%2B10000-01-01&days=1      | from | 起始日期：须为日期，写成 YYYY-MM-DD，如 2023-09-22，收到“+10000-01-01”
            ?from=2023-09-22&days=-1         | days | 工作日天数：须为0至1000之间的整数，收到 -1
            ?from=2023-09-22&days=100000     | days | 工作日天数：须为0至1000之间的整数，收到 100000
            ?from=2023-09-22&days=99999999999 | days | 工作日天数：须为0至1000之间的整数，收到“99999999999”
            ?from=2023-09-22&days=2.5        | days | 工作日天数：须为0至1000之间的整数，收到“2.5”
            ?from=2023-09-22&days=二十        | days | 工作日天数：须为0至1000之间的整数，收到“二十”
            """)
    void badInputIsRefusedWith400NamingTheFieldInChinese(String query, String field, String message) throws Exception {
        // when asked with the parameters
        HttpResponse<String> response = get("waitan01", "/api/calendar/add-working-days"
                + query.replace("二十", "%E4%BA%8C%E5%8D%81"));

        // then 400 with the field and the reason
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = json(response);
        assertThat(body.at("/title").asText()).isEqualTo("工作日计算的输入有误");
        assertThat(body.at("/errors/0/field").asText()).isEqualTo(field);
        assertThat(body.at("/errors/0/message").asText()).isEqualTo(message);
    }

    @Test
    void withoutParametersBothFieldsAreNamed() throws Exception {
        HttpResponse<String> response = get("waitan01", "/api/calendar/add-working-days");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).at("/errors").findValuesAsText("field")).containsExactly("from", "days");
        assertThat(json(response).at("/errors").findValuesAsText("label")).containsExactly("起始日期", "工作日天数");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/calendar", "/api/calendar/2023", "/api/calendar/add-working-days?from=2023-09-22&days=20"})
    void anonymousCallersAreRefused(String path) throws Exception {
        // when asked without credentials
        HttpResponse<String> response = get(null, path);

        // then refused as every /api path is (401, or a redirect to the login page), with none of the data
        assertThat(response.statusCode()).isIn(401, 302);
        if (response.statusCode() == 302) {
            assertThat(response.headers().firstValue("Location")).get().asString().endsWith("/login");
        }
        assertThat(response.body()).doesNotContain("2023-10-26", "国办发明电");
    }

    @ParameterizedTest
    @ValueSource(strings = {"waitan01", "eval-finance", "office01", "leader01", "admin"})
    void everySignedInRoleMayAsk(String user) throws Exception {
        assertThat(get(user, "/api/calendar/2026").statusCode()).isEqualTo(200);
        assertThat(json(get(user, "/api/calendar/add-working-days?from=2026-02-13&days=2")))
                .isEqualTo(JSON.readTree("{\"date\": \"2026-02-24\"}"));
    }

    @Test
    void aYearThatIsNotANumberIsRefusedWith400() throws Exception {
        HttpResponse<String> response = get("waitan01", "/api/calendar/二〇二三".replace("二〇二三",
                "%E4%BA%8C%E3%80%87%E4%BA%8C%E4%B8%89"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).at("/errors/0/field").asText()).isEqualTo("year");
    }
}
