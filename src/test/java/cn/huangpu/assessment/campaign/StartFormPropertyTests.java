package cn.huangpu.assessment.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.huangpu.assessment.support.H2IntegrationTest;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Property-based over opening a campaign: 150 generated start requests (years, dates, unit and evaluator
 * codes, right and wrong; years also as fractions and as numbers no int or double holds) each answer 201 or
 * 400 with reasons, never a server error, and a refused one saves nothing.
 */
@H2IntegrationTest
@AutoConfigureMockMvc
class StartFormPropertyTests {

    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Autowired MockMvc mvc;
    @Autowired CampaignService campaigns;

    @Test
    void anyStartRequestIsOpenedOrRefusedWithReasons() throws Exception {
        Arbitrary<Object> years = Arbitraries.oneOf(Arbitraries.integers().between(1990, 2089).map(i -> (Object) i),
                Arbitraries.of("2031", "二〇三一", "", "2031.5").map(s -> (Object) s), Arbitraries.just(null),
                // numbers that are not a whole year, or that no double or int holds
                Arbitraries.of(new BigDecimal("2031.5"), new BigDecimal("1E+400"), new BigDecimal("-1E+400"),
                        new BigInteger("9".repeat(2000)), new BigInteger("99999999999")).map(n -> (Object) n));
        Arbitrary<String> dates = Arbitraries.oneOf(
                Arbitraries.of("2099-11-20T15:59:00Z", "2020-01-01T00:00:00Z", "2099-12-31T23:59:59+08:00", "昨天",
                        "2099-02-30T00:00:00Z", ""),
                Arbitraries.just(null));
        Arbitrary<List<String>> units = Arbitraries.of("waitan", "czj", "yuyuan", "nosuch", "", "<script>")
                .list().ofMaxSize(3);
        Arbitrary<ObjectNode> requests = Combinators.combine(years, dates, dates, units, units).as((year, d1, d2, u, e) -> {
            ObjectNode body = JSON.objectNode();
            body.putPOJO("year", year);
            body.put("catalogueYear", 2023);
            if (d1 != null) {
                body.put("selfCheckDue", d1);
            }
            if (d2 != null) {
                body.put("comprehensiveDue", d2);
            }
            u.forEach(body.putArray("unitCodes")::add);
            e.forEach(code -> body.withArray("evaluatorCodes").add(code.toUpperCase()));
            return body;
        });
        for (ObjectNode request : requests.sampleStream().limit(150).toList()) {
            int before = campaigns.all().size();
            int status = mvc.perform(post("/api/campaigns").with(httpBasic("office01", "demo"))
                    .contentType(MediaType.APPLICATION_JSON).content(request.toString()))
                    .andReturn().getResponse().getStatus();
            assertThat(status).as(request.toString()).isIn(201, 400);
            assertThat(campaigns.all()).as(request.toString()).hasSize(status == 201 ? before + 1 : before);
        }
    }
}
