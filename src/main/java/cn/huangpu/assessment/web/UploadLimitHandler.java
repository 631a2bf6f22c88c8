package cn.huangpu.assessment.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over the limits (spring.servlet.multipart) answers 413 with the reason, as the error page
 * for a browser and as JSON for an API client.
 */
@ControllerAdvice
class UploadLimitHandler {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    void tooLarge(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                "上传文件过大：单个文件不超过10MB");
    }
}
