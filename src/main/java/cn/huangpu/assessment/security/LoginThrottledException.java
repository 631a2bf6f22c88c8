package cn.huangpu.assessment.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A login attempt refused by the {@link LoginThrottle} before its password was checked. */
class LoginThrottledException extends AuthenticationException {

    static final int TOO_MANY_REQUESTS = 429;

    private final long retryAfterSeconds;

    LoginThrottledException(Duration retryAfter) {
        this(Math.max(1, (retryAfter.toMillis() + 999) / 1000));
    }

    private LoginThrottledException(long seconds) {
        super("登录失败次数过多，请" + seconds + "秒后再试");
        this.retryAfterSeconds = seconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** 429 with Retry-After and the reason (the error page for a browser, JSON for an API client). */
    void answer(HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        response.sendError(TOO_MANY_REQUESTS, getMessage());
    }
}
