package cn.huangpu.assessment.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.support.ExpressionProbe;
import cn.huangpu.assessment.support.WebIntegrationTest;
import cn.huangpu.assessment.support.WebSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.rest.dto.CamundaQueryParam;
import org.camunda.bpm.engine.rest.dto.task.TaskQueryDto;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * CVE-2026-109432 (expression injection through task queries and filters), from the engine's side: the
 * query parameters that the engine records as expressions are found by asking the engine (every string
 * parameter of the REST task query is set to an expression and converted into an engine query), then each
 * is sent on every route that reaches a task query, in every spelling a client can give it (plain, JSON
 * escapes, another charset, GET parameters), as every role. Each is refused with 400 and two probes prove
 * that nothing was evaluated: a Spring bean that counts its calls, and a file that the payload would create.
 */
@WebIntegrationTest
class QueryExpressionInjectionTests {

    static final List<String> ROLES = List.of("waitan01", "eval-finance", "leader01", "office01", "admin");

    @LocalServerPort int port;
    @Autowired ExpressionProbe probe;
    @Autowired ProcessEngine engine;
    @Autowired FilterService filterService;
    @Autowired JdbcTemplate jdbc;
    @TempDir static Path workDir;
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();
    final Map<String, WebSession> sessions = new HashMap<>();

    Path marker;

    @BeforeEach
    void probesAreClean() {
        probe.calls.set(0);
        marker = workDir.resolve("marker-" + System.nanoTime());
    }

    @AfterEach
    void nothingWasEvaluated() {
        assertThat(probe.calls.get()).as("the bean probe was called").isZero();
        assertThat(Files.exists(marker)).as("the payload created its file").isFalse();
    }

    /** The parameters of the REST task query that the engine stores as expressions of the query. */
    List<String> expressionParameters() throws Exception {
        List<String> names = new ArrayList<>();
        for (Method setter : TaskQueryDto.class.getMethods()) {
            CamundaQueryParam param = setter.getAnnotation(CamundaQueryParam.class);
            if (param == null || setter.getParameterCount() != 1 || setter.getParameterTypes()[0] != String.class) {
                continue;
            }
            TaskQueryDto dto = new TaskQueryDto();
            dto.setObjectMapper(json);
            try {
                setter.invoke(dto, "${currentUser()}");
                if (!((AbstractQuery<?, ?>) dto.toQuery(engine)).getExpressions().isEmpty()) {
                    names.add(param.value());
                }
            } catch (ReflectiveOperationException | RuntimeException notAnExpressionParameter) {
                // a parameter that does not take this string is not one that carries an expression
            }
        }
        return names;
    }

    @Test
    void theEngineKnowsExpressionParametersOfTaskQueries() throws Exception {
        // given the REST task query, when each string parameter is given an expression, then the engine stores
        // some of them as expressions: the list the other tests attack is not empty and holds the well-known ones
        assertThat(expressionParameters()).hasSizeGreaterThan(10).contains("assigneeExpression", "candidateGroupExpression");
    }

    /** The payloads: a bean the engine would resolve, and Java reflection that creates a file. */
    List<String> payloads(String opening) {
        String file = marker.toString().replace("\\", "\\\\").replace("'", "\\'");
        return List.of(opening + "expressionProbe.touch()}",
                opening + "''.getClass().forName('java.io.File').getConstructor(''.getClass()).newInstance('"
                        + file + "').createNewFile()}");
    }

    /** How a JSON string value can be spelled: as is, with the opening character escaped, every character escaped. */
    enum Spelling {
        PLAIN(s -> s), ESCAPED_OPENING(s -> s.replace("$", "\\u0024").replace("#", "\\u0023")),
        ALL_ESCAPED(s -> {
            StringBuilder escaped = new StringBuilder();
            s.chars().forEach(c -> escaped.append(String.format("\\u%04x", c)));
            return escaped.toString();
        });

        final UnaryOperator<String> spell;

        Spelling(UnaryOperator<String> spell) {
            this.spell = spell;
        }
    }

    record Route(String name, boolean webapp, String path, boolean filterSave) {
    }

    List<Route> routes(String filterId) {
        List<Route> routes = new ArrayList<>();
        for (boolean webapp : List.of(false, true)) {
            String base = webapp ? "/camunda/api/engine/engine/default" : "/engine-rest";
            routes.add(new Route("task list", webapp, base + "/task?maxResults=10", false));
            routes.add(new Route("task count", webapp, base + "/task/count", false));
            routes.add(new Route("filter list", webapp, base + "/filter/" + filterId + "/list?maxResults=10", false));
            routes.add(new Route("filter count", webapp, base + "/filter/" + filterId + "/count", false));
            routes.add(new Route("filter single result", webapp, base + "/filter/" + filterId + "/singleResult", false));
            routes.add(new Route("filter create", webapp, base + "/filter/create", true));
            routes.add(new Route("filter update", webapp, base + "/filter/" + filterId, true));
        }
        return routes;
    }

    @TestFactory
    Stream<DynamicTest> everyRouteSpellingCharsetAndRoleIsRefused() throws Exception {
        List<String> parameters = expressionParameters();
        Filter filter = filterService.createFilterQuery().filterName(AuthorizationSeeder.FILTER_GROUP).singleResult();
        String storedQuery = jdbc.queryForObject("select QUERY_ from ACT_RU_FILTER where ID_ = ?", String.class, filter.getId());
        List<DynamicTest> tests = new ArrayList<>();
        int n = 0;
        for (Route route : routes(filter.getId())) {
            for (Spelling spelling : Spelling.values()) {
                for (Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16)) {
                    for (String role : ROLES) {
                        int i = n++;
                        String parameter = parameters.get(i % parameters.size());
                        String opening = i % 3 == 0 ? "#{" : "${";
                        boolean inOrQueries = i % 2 == 0 || route.filterSave();
                        tests.add(DynamicTest.dynamicTest(route.name() + (route.webapp() ? " (webapp)" : "") + ", "
                                + spelling + ", " + charset + ", " + role + ", " + parameter, () -> {
                            for (String payload : payloads(opening)) {
                                String condition = "\"" + parameter + "\": \"" + spelling.spell.apply(payload) + "\"";
                                String query = inOrQueries ? "{\"orQueries\": [{" + condition + "}]}" : "{" + condition + "}";
                                String body = route.filterSave()
                                        ? "{\"resourceType\": \"Task\", \"name\": \"x\", \"query\": " + query + "}" : query;
                                HttpResponse<String> response = send(role, route, body, charset);
                                if (route.path().endsWith("/filter/create") && !role.equals("admin")) {
                                    // only administrators may create filters at all: the engine refuses before any query
                                    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
                                } else {
                                    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
                                }
                                if (response.statusCode() == 400 && !route.path().contains("/singleResult")) {
                                    // the REST API answers a refused single result with its own text
                                    assertThat(response.body()).contains("表达式");
                                }
                            }
                            assertThat(jdbc.queryForObject("select QUERY_ from ACT_RU_FILTER where ID_ = ?", String.class,
                                    filter.getId())).isEqualTo(storedQuery);
                            assertThat(filterService.createFilterQuery().filterName("x").count()).isZero();
                        }));
                    }
                }
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyExpressionParameterIsRefusedAsGetParameter() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        int n = 0;
        for (String parameter : expressionParameters()) {
            for (String path : List.of("/engine-rest/task", "/engine-rest/task/count")) {
                String role = ROLES.get(n++ % ROLES.size());
                tests.add(DynamicTest.dynamicTest(path + "?" + parameter + " as " + role, () -> {
                    for (String payload : payloads("${")) {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                        + path + "?maxResults=5&" + parameter + "=" + URLEncoder.encode(payload, StandardCharsets.UTF_8)))
                                .header("Authorization", basic(role)).build(), HttpResponse.BodyHandlers.ofString());
                        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
                    }
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void anAdministratorSavesAFilterWithTheQueryFunctionsOnly() throws Exception {
        // given the administrator, when a filter with the engine's query functions is saved, then it is stored and runs
        String good = "{\"resourceType\": \"Task\", \"name\": \"admin-own\", \"query\": {\"assigneeExpression\": \"${currentUser()}\","
                + " \"dueBeforeExpression\": \"${dateTime().plusDays(7).toDate()}\"}}";
        HttpResponse<String> saved = send("admin", new Route("create", false, "/engine-rest/filter/create", true), good,
                StandardCharsets.UTF_8);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        String id = json.readTree(saved.body()).path("id").asText();
        HttpResponse<String> listed = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/engine-rest/filter/" + id + "/count")).header("Authorization", basic("admin")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        filterService.deleteFilter(id);
    }

    @Test
    void aStoredFilterThatHoldsCodeDoesNotRunIt() throws Exception {
        // given a filter whose stored query calls a bean and Java reflection (written to the table directly, as a
        // filter saved before this control would be)
        Filter filter = filterService.newTaskFilter("legacy");
        filter.setQuery(engine.getTaskService().createTaskQuery().taskName("x"));
        String id = filterService.saveFilter(filter).getId();
        for (String payload : payloads("${")) {
            jdbc.update("update ACT_RU_FILTER set QUERY_ = ? where ID_ = ?",
                    json.writeValueAsString(Map.of("assigneeExpression", payload)), id);
            engine.getAuthorizationService().saveAuthorization(globalRead(id));

            // when a unit lists it, then the list fails (the engine reports a stored expression it cannot resolve as
            // its own error, 500: only a write to the database makes such a filter) and nothing ran
            HttpResponse<String> listed = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/engine-rest/filter/" + id + "/list?maxResults=5")).header("Authorization", basic("waitan01")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(listed.statusCode()).as(listed.body()).isEqualTo(500);
            assertThat(listed.body()).contains("Unable to resolve expression");
            engine.getAuthorizationService().createAuthorizationQuery().resourceId(id).list()
                    .forEach(a -> engine.getAuthorizationService().deleteAuthorization(a.getId()));
        }
        filterService.deleteFilter(id);
    }

    private org.camunda.bpm.engine.authorization.Authorization globalRead(String filterId) {
        var global = engine.getAuthorizationService().createNewAuthorization(
                org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL);
        global.setUserId(org.camunda.bpm.engine.authorization.Authorization.ANY);
        global.setResource(org.camunda.bpm.engine.authorization.Resources.FILTER);
        global.setResourceId(filterId);
        global.addPermission(org.camunda.bpm.engine.authorization.Permissions.READ);
        return global;
    }

    private HttpResponse<String> send(String role, Route route, String body, Charset charset) throws Exception {
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.ofByteArray(body.getBytes(charset));
        String contentType = "application/json; charset=" + charset.name();
        String method = route.path().matches(".*/filter/[^/]+$") && !route.path().endsWith("/create") ? "PUT" : "POST";
        if (route.webapp()) {
            WebSession session = sessions.computeIfAbsent(role, r -> {
                try {
                    return WebSession.login(port, r);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            return session.send(session.engineApi(route.path()).header("Content-Type", contentType)
                    .method(method, publisher).build());
        }
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + route.path()))
                        .header("Authorization", basic(role)).header("Content-Type", contentType)
                        .method(method, publisher).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }
}
