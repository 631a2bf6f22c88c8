package cn.huangpu.assessment.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.support.WebIntegrationTest;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.MappingMatch;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletMapping;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

/**
 * The MVC handler lookup Spring Security asks for on every request is made for the DispatcherServlet's requests only
 * ({@link MvcLookupOnlyForMvcRequests}), decided by the servlet the container mapped the request to.
 */
@WebIntegrationTest
class MvcLookupTests {

    @Autowired @Qualifier("mvcHandlerMappingIntrospector") HandlerMappingIntrospector introspector;
    @Autowired ServletContext servletContext;

    @Test
    void theEnginesApisAreOtherServletsThanTheDispatcherServlet() {
        // given the servlets of the running application, by name
        Map<String, ? extends ServletRegistration> servlets = servletContext.getServletRegistrations();

        // then the pages are the DispatcherServlet's, and the engine's REST API and the webapps' API are not
        assertThat(servlets.get("dispatcherServlet").getMappings()).containsExactly("/");
        assertThat(servletFor(servlets, "/engine-rest/*")).isNotEqualTo("dispatcherServlet");
        assertThat(servletFor(servlets, "/camunda/api/engine/*")).isNotEqualTo("dispatcherServlet");
    }

    @Test
    void aPageIsLookedUpAndARequestToTheEngineApiIsNot() {
        // given the introspector Spring Security uses
        assertThat(introspector).isInstanceOf(MvcLookupOnlyForMvcRequests.ForMvcRequests.class);

        // when a page of the application and a Tasklist list request are looked up, as the container maps them
        MockHttpServletRequest page = request("/login", "dispatcherServlet");
        introspector.setCache(page);
        MockHttpServletRequest api = request("/camunda/api/engine/engine/default/filter/1/list",
                servletFor(servletContext.getServletRegistrations(), "/camunda/api/engine/*"));
        introspector.setCache(api);

        MockHttpServletRequest withoutServlet = new MockHttpServletRequest("GET", "/login");
        introspector.setCache(withoutServlet);

        // then the page's lookup is kept for the request, and the API request has none; a request that names no
        // servlet (MockMvc's) is taken as the DispatcherServlet's
        assertThat(cached(page)).isTrue();
        assertThat(cached(api)).isFalse();
        assertThat(cached(withoutServlet)).isTrue();
    }

    private static boolean cached(MockHttpServletRequest request) {
        return java.util.Collections.list(request.getAttributeNames()).stream().anyMatch(n -> n.endsWith("CachedResult"));
    }

    private static MockHttpServletRequest request(String path, String servlet) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setHttpServletMapping(new MockHttpServletMapping("", "/*", servlet, MappingMatch.PATH));
        return request;
    }

    private static String servletFor(Map<String, ? extends ServletRegistration> servlets, String mapping) {
        return servlets.values().stream().filter(s -> s.getMappings().contains(mapping)).map(ServletRegistration::getName)
                .findFirst().orElseThrow(() -> new AssertionError("no servlet mapped to " + mapping + ": " + servlets.keySet()));
    }
}
