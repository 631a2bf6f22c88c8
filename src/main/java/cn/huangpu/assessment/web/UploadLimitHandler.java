package cn.huangpu.assessment.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over the limits (spring.servlet.multipart) answers 413 with the reason, as the error page
 * for a browser and as JSON for an API client. Pages get the upload limit as {@code maxUploadBytes}, so that
 * their file fields refuse a larger file before it is sent.
 */
@ControllerAdvice
class UploadLimitHandler {

    /** Room for the form fields and multipart headers around the file. */
    private static final long FORM_OVERHEAD = 64 * 1024;

    private final RequestLimits limits;

    UploadLimitHandler(RequestLimits limits) {
        this.limits = limits;
    }

    /** The largest file a page's upload can carry within the request-size limit. */
    @ModelAttribute("maxUploadBytes")
    long maxUploadBytes() {
        return limits.uploadBody().toBytes() - FORM_OVERHEAD;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    void tooLarge(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                "上传文件过大：单个文件不超过10MB");
    }
}
