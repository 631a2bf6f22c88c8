package cn.huangpu.assessment.web.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The largest request body accepted, by kind of request, checked before anything reads the body or asks who
 * is calling (see {@link RequestSizeFilter}).
 *
 * @param apiBody    the JSON APIs: the engine REST API, the webapps' API and the application's own {@code /api}
 * @param formBody   a page's form (urlencoded); the self-check of every indicator at its per-field limits must
 *                   fit, and Tomcat's own form limit (server.tomcat.max-http-form-post-size) is set to the same
 * @param uploadBody a page's file upload (multipart): one file of at most 10 MB and the form fields around it
 */
@ConfigurationProperties(prefix = "assessment.limits.request")
public record RequestLimits(DataSize apiBody, DataSize formBody, DataSize uploadBody) {

    public RequestLimits {
        apiBody = apiBody == null ? DataSize.ofMegabytes(1) : apiBody;
        formBody = formBody == null ? DataSize.ofMegabytes(4) : formBody;
        uploadBody = uploadBody == null ? DataSize.ofMegabytes(12) : uploadBody;
    }

    /** "1MB", "12MB", or "512KB": a limit as the messages state it. */
    public static String describe(DataSize size) {
        long bytes = size.toBytes();
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + "MB";
        }
        if (bytes >= 1024 * 1024) {
            return String.format("%.1fMB", bytes / (1024.0 * 1024));
        }
        return Math.max(1, bytes / 1024) + "KB";
    }
}
