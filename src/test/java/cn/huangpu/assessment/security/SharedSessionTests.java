package cn.huangpu.assessment.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.support.WebIntegrationTest;
import cn.huangpu.assessment.support.WebSession;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContext;

/**
 * Sessions live in the database (Spring Session JDBC), not in the node: what a login and the Camunda webapps put
 * in the session is in SPRING_SESSION, serialized, and the node answers by that row alone. The two-node scenario
 * (campaign/TwoNodesLongTests) logs in on one node and continues on the other.
 */
@WebIntegrationTest
class SharedSessionTests {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theLoginAndTheWebappsAuthenticationAreStoredInTheDatabase() throws Exception {
        // given office01 logged in, who then used the webapps' API and opened the Tasklist
        WebSession office = WebSession.login(port, "office01");
        HttpResponse<String> count = office.send(office.engineApi("/camunda/api/engine/engine/default/task/count").build());
        assertThat(count.statusCode()).isEqualTo(200);
        assertThat(office.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);

        // then the session is one row of the database, with the timeout as configured (30 minutes)
        String id = sessionCookie(office);
        Map<String, Object> row = jdbc.queryForMap(
                "select primary_id, principal_name, max_inactive_interval from spring_session where session_id = ?", id);
        assertThat(row.get("principal_name")).isEqualTo("office01");
        assertThat(((Number) row.get("max_inactive_interval")).intValue()).isEqualTo(30 * 60);
        // and the app's login and the webapps' own authentication read back from their bytes (Java serialization)
        assertThat(attribute(row.get("primary_id"), "SPRING_SECURITY_CONTEXT")).isInstanceOfSatisfying(SecurityContext.class,
                context -> assertThat(context.getAuthentication().getName()).isEqualTo("office01"));
        assertThat(attribute(row.get("primary_id"), "authenticatedUser")).isInstanceOfSatisfying(Authentications.class,
                auths -> assertThat(auths.getAuthenticationForProcessEngine("default").getName()).isEqualTo("office01"));
        assertThat(attribute(row.get("primary_id"), "CAMUNDA_CSRF_TOKEN")).isInstanceOf(String.class);
        // and no node-local (Tomcat) session was opened beside it
        assertThat(cookies(office)).extracting(HttpCookie::getName).doesNotContain("JSESSIONID");
    }

    @Test
    void theNodeKeepsNothingOfTheSessionItself() throws Exception {
        // given waitan01 logged in, whose pages open
        WebSession unit = WebSession.login(port, "waitan01");
        assertThat(unit.get("/app").statusCode()).isEqualTo(200);

        // when the session's row is removed from the database (as the expiry cleanup does)
        jdbc.update("delete from spring_session where session_id = ?", sessionCookie(unit));

        // then the same cookie is no longer logged in on this node
        HttpResponse<String> page = unit.get("/app");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void loggingOutRemovesTheSessionFromTheDatabase() throws Exception {
        // given yuyuan01 logged in
        WebSession unit = WebSession.login(port, "yuyuan01");
        String id = sessionCookie(unit);
        assertThat(jdbc.queryForObject("select count(*) from spring_session where session_id = ?", Long.class, id)).isOne();

        // when they log out
        assertThat(unit.post("/logout", Map.of()).statusCode()).isEqualTo(302);

        // then no node can take the old cookie for a login any more
        assertThat(jdbc.queryForObject("select count(*) from spring_session where session_id = ?", Long.class, id)).isZero();
    }

    private Object attribute(Object primaryId, String name) {
        byte[] bytes = jdbc.queryForObject("select attribute_bytes from spring_session_attributes"
                + " where session_primary_id = ? and attribute_name = ?", byte[].class, primaryId, name);
        return new DeserializingConverter(getClass().getClassLoader()).convert(bytes);
    }

    /** The session id: Spring Session's cookie carries it Base64-encoded. */
    private static String sessionCookie(WebSession session) {
        String value = cookies(session).stream().filter(c -> c.getName().equals("SESSION")).map(HttpCookie::getValue)
                .findFirst().orElseThrow(() -> new AssertionError("no SESSION cookie"));
        return new String(java.util.Base64.getDecoder().decode(value), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<HttpCookie> cookies(WebSession session) {
        return ((CookieManager) session.client().cookieHandler().orElseThrow()).getCookieStore().getCookies();
    }
}
