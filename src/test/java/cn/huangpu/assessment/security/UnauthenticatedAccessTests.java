package cn.huangpu.assessment.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.support.WebIntegrationTest;
import jakarta.ws.rs.Path;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Without credentials, every mapped path of the application and every resource of the engine REST API
 * is refused; only the login page, the public results, health and static assets are open.
 */
@WebIntegrationTest
class UnauthenticatedAccessTests {

    /** What anyone may open. */
    static final Set<String> OPEN = Set.of("/login", "/", "/error", "/public/results", "/public/results/{campaignId}",
            "/public/results/{campaignId}/{unitCode}");

    @LocalServerPort int port;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void everyApplicationPathNeedsALogin() throws Exception {
        List<String> probed = new ArrayList<>();
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            for (String pattern : info.getPatternValues()) {
                if (OPEN.contains(pattern)) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    String path = pattern.replaceAll("\\{[^}]+}", "1").replace("**", "x");
                    HttpResponse<String> response = send(method.name(), path);
                    assertThat(response.statusCode()).as(method + " " + path)
                            .satisfiesAnyOf(
                                    status -> assertThat(status).isEqualTo(401),
                                    status -> assertThat(status).isEqualTo(302),
                                    // a state-changing request without a session has no CSRF token either
                                    status -> assertThat(status).isEqualTo(method == RequestMethod.GET ? 401 : 403));
                    if (response.statusCode() == 302) {
                        assertThat(response.headers().firstValue("Location")).get().asString().endsWith("/login");
                    }
                    probed.add(method + " " + path);
                }
            }
        }
        assertThat(probed).hasSizeGreaterThan(30);
        System.out.println("Unauthenticated: probed " + probed.size() + " application paths");
    }

    @Test
    void everyEngineRestResourceNeedsCredentials() throws Exception {
        // the root resources and their sub-resource locators ("/task", "/process-definition", …)
        Set<String> roots = new TreeSet<>();
        for (Class<?> resource : CamundaRestResources.getResourceClasses()) {
            Path path = resource.getAnnotation(Path.class);
            if (path == null) {
                continue;
            }
            String root = path.value().equals("/") ? "" : path.value();
            for (java.lang.reflect.Method method : resource.getMethods()) {
                Path sub = method.getAnnotation(Path.class);
                if (sub != null) {
                    roots.add(root + (sub.value().startsWith("/") ? sub.value() : "/" + sub.value()));
                }
            }
        }
        // /engine lists the engine names and is open by the REST API's design (see README)
        roots.remove("/engine");
        assertThat(roots).hasSizeGreaterThan(20);
        System.out.println("Unauthenticated: probed " + roots.size() + " engine REST resources (GET and POST)");
        for (String root : roots) {
            String path = "/engine-rest" + root.replaceAll("\\{[^}]+}", "default");
            assertThat(send("GET", path).statusCode()).as("GET " + path).isEqualTo(401);
            assertThat(send("POST", path).statusCode()).as("POST " + path).isEqualTo(401);
        }
    }

    @Test
    void theWebappsOwnLoginIsClosedSoThatThereIsOneLogin() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=office01&password=demo")).build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isIn(302, 401, 403);
        assertThat(response.body()).doesNotContain("office01");
    }

    @Test
    void theOpenPathsAreOpen() throws Exception {
        assertThat(send("GET", "/login").statusCode()).isEqualTo(200);
        assertThat(send("GET", "/public/results").statusCode()).isEqualTo(200);
        assertThat(send("GET", "/actuator/health").statusCode()).isEqualTo(200);
        assertThat(send("GET", "/css/app.css").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json")
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
