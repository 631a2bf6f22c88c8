package cn.huangpu.assessment.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.camunda.bpm.webapp.impl.security.filter.CsrfPreventionFilter;

/**
 * The webapps' CSRF check, with its decision unchanged, minus the session invalidation: Camunda's
 * filter ends the session whenever a change arrives without the right X-XSRF-TOKEN header, and since the
 * webapps share the session with the app (one login), any page could log a user out of everything with
 * a forged POST. A refusal is a 403 with the reason in Chinese; the session and its token stay. Guessing
 * the token gains nothing from this: it is 128 random bits, and a forged request cannot read the answer.
 */
class SessionKeepingCsrfPreventionFilter extends CsrfPreventionFilter {

    static final String REFUSED = "请求缺少有效的防跨站请求伪造令牌（请求头 X-XSRF-TOKEN），已拒绝；请刷新页面后重试";

    @Override
    protected boolean doTokenValidation(HttpServletRequest request, HttpServletResponse response) throws IOException {
        return super.doTokenValidation(new SessionKeepingRequest(request), new ChineseRefusal(response));
    }

    /** Hands out the request's session with {@code invalidate()} doing nothing. */
    private static final class SessionKeepingRequest extends HttpServletRequestWrapper {

        SessionKeepingRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public HttpSession getSession() {
            return keeping(super.getSession());
        }

        @Override
        public HttpSession getSession(boolean create) {
            return keeping(super.getSession(create));
        }

        private static HttpSession keeping(HttpSession session) {
            return session == null ? null : new KeptSession(session);
        }
    }

    /** A session that outlives a refusal. */
    private static final class KeptSession extends DelegatingSession {

        KeptSession(HttpSession session) {
            super(session);
        }

        @Override
        public void invalidate() {
            // the refusal is the answer; the user stays logged in
        }
    }

    /** Camunda's refusal carries an English sentence; the user reads why in Chinese. */
    private static final class ChineseRefusal extends HttpServletResponseWrapper {

        ChineseRefusal(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            super.sendError(status, REFUSED);
        }
    }
}
