package cn.huangpu.assessment.web;

import java.io.IOException;
import java.util.Optional;

/**
 * A request body, sent without a Content-Length, that went past its limit while it was read. Its message is
 * the Chinese reason answered with 413.
 */
public class RequestBodyTooLargeException extends IOException {

    RequestBodyTooLargeException(String reason) {
        super(reason);
    }

    /** This exception among the causes of {@code failure}, where a reader of the body wrapped it. */
    static Optional<RequestBodyTooLargeException> in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RequestBodyTooLargeException tooLarge) {
                return Optional.of(tooLarge);
            }
        }
        return Optional.empty();
    }
}
