package cn.huangpu.assessment.web;

import cn.huangpu.assessment.web.internal.RequestLimits;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

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

    /**
     * A multipart form that cannot be read (more parts than server.tomcat.max-part-count, a part's headers over
     * max-part-header-size, a broken body) is bad input, not a server fault. The exception is left on the request
     * for the error page's dispatch, which then does not try to read the same body again (and fail without a page).
     */
    @ExceptionHandler(MultipartException.class)
    void unreadable(MultipartException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, e);
        response.sendError(HttpServletResponse.SC_BAD_REQUEST, causedBy(e, FileCountLimitExceededException.class)
                ? "表单字段过多，未保存。请刷新页面后再上传。" : "上传的表单无法读取，未保存。请刷新页面后再上传。");
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
