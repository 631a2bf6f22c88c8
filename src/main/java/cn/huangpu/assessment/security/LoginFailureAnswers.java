package cn.huangpu.assessment.security;

import java.util.LinkedHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/** How a refused login is answered: a throttled one with 429 and the wait; a wrong password as before. */
final class LoginFailureAnswers {

    private LoginFailureAnswers() {
    }

    /** The login form: back to it with ?error, or 429. */
    static AuthenticationFailureHandler form() {
        SimpleUrlAuthenticationFailureHandler wrongPassword = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (request, response, exception) -> {
            if (exception instanceof LoginThrottledException throttled) {
                throttled.answer(response);
            } else {
                wrongPassword.onAuthenticationFailure(request, response, exception);
            }
        };
    }

    /**
     * HTTP Basic: the challenge Spring Security gives by default (401 with WWW-Authenticate, plain 401 to
     * XMLHttpRequest so that browsers show no dialog), or 429.
     */
    static AuthenticationEntryPoint basic() {
        BasicAuthenticationEntryPoint challenge = new BasicAuthenticationEntryPoint();
        challenge.setRealmName("Realm");
        LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> byClient = new LinkedHashMap<>();
        byClient.put(new RequestHeaderRequestMatcher("X-Requested-With", "XMLHttpRequest"),
                new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED));
        DelegatingAuthenticationEntryPoint unauthenticated = new DelegatingAuthenticationEntryPoint(byClient);
        unauthenticated.setDefaultEntryPoint(challenge);
        return (request, response, exception) -> {
            if (exception instanceof LoginThrottledException throttled) {
                throttled.answer(response);
            } else {
                unauthenticated.commence(request, response, exception);
            }
        };
    }
}
