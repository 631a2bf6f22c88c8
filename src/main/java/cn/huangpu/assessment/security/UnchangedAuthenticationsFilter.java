package cn.huangpu.assessment.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The webapps' filters put the user's {@link Authentications} back into the session at the end of every request
 * (Camunda's {@code AuthenticationUtil.updateSession}), whether anything in them changed or not. With the sessions in
 * the database (Spring Session JDBC, {@code SharedSessionTests}) each put is a Java serialisation and a write of the
 * attribute, on every Tasklist request. This filter, in front of the webapps' filters, lets such a put through only
 * when the authentications differ from what the request read from the session: another user or engine, other
 * groups, tenants or apps, a new cache validation time (the webapps' revalidation), or another object there
 * before. Everything else about the session is unchanged.
 */
class UnchangedAuthenticationsFilter extends OncePerRequestFilter {

    /** The session attribute the webapps keep their {@link Authentications} in. */
    static final String ATTRIBUTE = "authenticatedUser";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new Request(request), response);
    }

    /** What the authentications say, compared by value; null for anything else. */
    static List<Object> state(Object value) {
        if (!(value instanceof Authentications authentications)) {
            return null;
        }
        return authentications.getAuthentications().stream().<Object>map(UnchangedAuthenticationsFilter::state).toList();
    }

    private static List<Object> state(UserAuthentication user) {
        return Arrays.asList(user.getIdentityId(), user.getProcessEngineName(), copy(user.getGroupIds()),
                copy(user.getTenantIds()), user.getAuthorizedApps() == null ? null : List.copyOf(user.getAuthorizedApps()),
                user.getCacheValidationTime() == null ? null : user.getCacheValidationTime().getTime());
    }

    private static List<String> copy(List<String> values) {
        return values == null ? null : List.copyOf(values);
    }

    /** Remembers what the request read of the attribute, for all the session objects it hands out. */
    private static final class Request extends HttpServletRequestWrapper {

        private Object read;
        private List<Object> readState;

        Request(HttpServletRequest request) {
            super(request);
        }

        @Override
        public HttpSession getSession() {
            return new Session(super.getSession(), this);
        }

        @Override
        public HttpSession getSession(boolean create) {
            HttpSession session = super.getSession(create);
            return session == null ? null : new Session(session, this);
        }

        void read(Object value) {
            read = value;
            readState = state(value);
        }

        boolean unchanged(Object value) {
            return value != null && value == read && Objects.equals(readState, state(value));
        }
    }

    private static final class Session extends DelegatingSession {

        private final Request request;

        Session(HttpSession session, Request request) {
            super(session);
            this.request = request;
        }

        @Override
        public Object getAttribute(String name) {
            Object value = super.getAttribute(name);
            if (ATTRIBUTE.equals(name)) {
                request.read(value);
            }
            return value;
        }

        @Override
        public void setAttribute(String name, Object value) {
            if (ATTRIBUTE.equals(name) && request.unchanged(value)) {
                return;
            }
            super.setAttribute(name, value);
            if (ATTRIBUTE.equals(name)) {
                request.read(value);
            }
        }
    }
}
