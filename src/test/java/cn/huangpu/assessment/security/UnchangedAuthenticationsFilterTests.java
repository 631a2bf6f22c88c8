package cn.huangpu.assessment.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

/**
 * Each request runs what the webapps' filters do with the session (Camunda's own {@link AuthenticationUtil}: read the
 * authentications, maybe change them, put them back) behind {@link UnchangedAuthenticationsFilter}; the session
 * counts the puts that reach it.
 */
class UnchangedAuthenticationsFilterTests {

    /** A session that records every attribute put that reaches it. */
    static final class CountingSession extends MockHttpSession {
        final List<String> puts = new ArrayList<>();

        @Override
        public void setAttribute(String name, Object value) {
            puts.add(name);
            super.setAttribute(name, value);
        }
    }

    private final CountingSession session = new CountingSession();
    private final UnchangedAuthenticationsFilter filter = new UnchangedAuthenticationsFilter();

    @Test
    void theFirstRequestStoresTheAuthenticationsAndAnUnchangedOneStoresNothing() throws Exception {
        // when a user's first webapp request authenticates them (the webapps put an empty set, then the user's)
        request(auths -> auths.addOrReplace(user("office01", new Date(1_000))));
        assertThat(session.puts).containsExactly("authenticatedUser", "authenticatedUser");
        // and the next two only read them
        request(auths -> { });
        request(auths -> { });

        // then nothing more reached the session
        assertThat(session.puts).hasSize(2);
        assertThat(((Authentications) session.getAttribute(UnchangedAuthenticationsFilter.ATTRIBUTE))
                .getAuthenticationForProcessEngine("default").getName()).isEqualTo("office01");
    }

    @Test
    void everyChangeInPlaceIsStored() throws Exception {
        // given office01's stored authentications
        request(auths -> auths.addOrReplace(user("office01", new Date(1_000))));
        session.puts.clear();

        // when requests change them in place: revalidated, other groups, other tenants, other apps, another user
        request(auths -> auths.getAuthentications().get(0).setCacheValidationTime(new Date(2_000)));
        request(auths -> auths.getAuthentications().get(0).setGroupIds(List.of("coordinator", "leader")));
        request(auths -> auths.getAuthentications().get(0).setTenantIds(List.of("huangpu")));
        request(auths -> auths.getAuthentications().get(0).setAuthorizedApps(java.util.Set.of("tasklist")));
        request(auths -> auths.addOrReplace(user("leader01", new Date(3_000))));

        // then each reached the session, and the last is what it holds
        assertThat(session.puts).hasSize(5);
        assertThat(((Authentications) session.getAttribute(UnchangedAuthenticationsFilter.ATTRIBUTE))
                .getAuthenticationForProcessEngine("default").getName()).isEqualTo("leader01");
    }

    @Test
    void anotherObjectAndOtherAttributesAlwaysReachTheSession() throws Exception {
        // given stored authentications
        request(auths -> auths.addOrReplace(user("office01", new Date(1_000))));
        session.puts.clear();

        // when a request puts an equal but new object, and another puts the CSRF token twice
        run(request -> {
            Authentications copy = new Authentications();
            copy.addOrReplace(user("office01", new Date(1_000)));
            AuthenticationUtil.getAuthsFromSession(request.getSession());
            AuthenticationUtil.updateSession(request.getSession(false), copy);
        });
        run(request -> {
            request.getSession().setAttribute("CAMUNDA_CSRF_TOKEN", "a");
            request.getSession().setAttribute("CAMUNDA_CSRF_TOKEN", "a");
        });

        // then all of them reached it
        assertThat(session.puts).containsExactly("authenticatedUser", "CAMUNDA_CSRF_TOKEN", "CAMUNDA_CSRF_TOKEN");
    }

    /** One request doing what the webapps' filters do: read, change as given, put back. */
    private void request(Consumer<Authentications> change) throws Exception {
        run(request -> {
            Authentications auths = AuthenticationUtil.getAuthsFromSession(request.getSession());
            change.accept(auths);
            AuthenticationUtil.updateSession(request.getSession(false), auths);
        });
    }

    private void run(Consumer<HttpServletRequest> work) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/camunda/api/engine/engine/default/task");
        request.setSession(session);
        FilterChain chain = (req, res) -> work.accept((HttpServletRequest) req);
        filter.doFilter(request, new MockHttpServletResponse(), chain);
    }

    private static UserAuthentication user(String id, Date validated) {
        UserAuthentication user = new UserAuthentication(id, "default");
        user.setGroupIds(List.of("coordinator"));
        user.setTenantIds(List.of());
        user.setAuthorizedApps(java.util.Set.of("tasklist", "welcome"));
        user.setCacheValidationTime(validated);
        return user;
    }
}
