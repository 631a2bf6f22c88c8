package cn.huangpu.assessment.web;

import cn.huangpu.assessment.web.internal.RequestLimits;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * Refuses a request whose body is over its limit ({@link RequestLimits}) with 413 and a Chinese reason, before
 * anything reads the body or asks who is calling: it runs before Spring Security's filter chain and the
 * engine's filters (see {@link RequestSizeConfiguration}).
 * <ul>
 *   <li>A declared Content-Length over the limit is refused without reading a byte of the body.</li>
 *   <li>A body sent without a Content-Length (chunked) is read through a stream that stops at the limit; the
 *       request is then answered 413 as well.</li>
 *   <li>A page's urlencoded form is parsed by Tomcat itself, which drops every field of a form over its own
 *       limit or with too many fields. The CSRF check would then see a form without its token and answer 403
 *       "无权访问", so such a form is parsed here (as the CSRF check would next) and refused with the reason.</li>
 * </ul>
 */
class RequestSizeFilter extends OncePerRequestFilter {

    /** Why Tomcat could not parse the parameters; the attribute its own FailedRequestFilter reads. */
    static final String PARSE_FAILED_REASON = "org.apache.catalina.parameter_parse_failed_reason";

    private static final String TRIPPED = RequestSizeFilter.class.getName() + ".tripped";
    private static final List<String> API_PATHS = List.of("/engine-rest", "/camunda/api", "/api");

    /** What a request is, as far as its size limit goes. */
    enum Kind { API, FORM, UPLOAD }

    private final RequestLimits limits;
    private final ObjectMapper json;

    RequestSizeFilter(RequestLimits limits, ObjectMapper json) {
        this.limits = limits;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Kind kind = kind(request);
        DataSize limit = limit(kind);
        long declared = request.getContentLengthLong();
        if (declared > limit.toBytes()) {
            refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, reason(kind, limit, declared));
            return;
        }
        if (kind == Kind.FORM && "POST".equals(request.getMethod()) && isForm(request.getContentType())) {
            request.getParameterMap();
            String failure = String.valueOf(request.getAttribute(PARSE_FAILED_REASON));
            if (failure.equals("POST_TOO_LARGE")) {
                refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, reason(kind, limit, -1));
                return;
            }
            if (failure.equals("TOO_MANY_PARAMETERS")) {
                refuse(request, response, HttpServletResponse.SC_BAD_REQUEST,
                        "表单字段过多，未保存。请分几次填写保存，或使用表格导入。");
                return;
            }
        }
        HttpServletRequest bounded = declared < 0 ? new BoundedBodyRequest(request, limit.toBytes(),
                reason(kind, limit, -1)) : request;
        try {
            chain.doFilter(bounded, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (request.getAttribute(TRIPPED) == null || response.isCommitted()) {
                throw e;
            }
        }
        if (request.getAttribute(TRIPPED) != null && !response.isCommitted()) {
            // Whatever read the body answered its own error (or none); the reason is the size.
            response.reset();
            refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, (String) request.getAttribute(TRIPPED));
        }
    }

    /**
     * Answers here, as the error page looks (HTML for a browser, JSON of the error attributes otherwise), and
     * not through the container's error dispatch: that would run the multipart resolver on the refused body.
     */
    private void refuse(HttpServletRequest request, HttpServletResponse response, int status, String reason)
            throws IOException {
        String accept = request.getHeader("Accept");
        byte[] body;
        if (accept != null && accept.contains("text/html")) {
            response.setContentType("text/html;charset=UTF-8");
            String title = status == HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE ? "提交内容过大" : "请求有误";
            String base = request.getContextPath();
            body = ("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>" + title
                    + " - 政务公开考核评估</title><link rel=\"stylesheet\" href=\"" + base + "/css/app.css\"></head><body>"
                    + "<header class=\"top\"><span class=\"brand\">黄浦区政务公开考核评估</span><nav><a href=\"" + base
                    + "/app\">工作台</a></nav></header><main><div class=\"card\"><h1>" + title + "</h1><p>"
                    + HtmlUtils.htmlEscape(reason) + "</p><p class=\"muted small\">状态码 " + status + "</p><p><a href=\""
                    + base + "/app\">返回工作台</a></p></div></main></body></html>\n").getBytes(StandardCharsets.UTF_8);
        } else {
            response.setContentType("application/json;charset=UTF-8");
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("status", status);
            error.put("error", HttpStatus.valueOf(status).getReasonPhrase());
            error.put("message", reason);
            error.put("path", request.getRequestURI());
            body = json.writeValueAsBytes(error);
        }
        response.setStatus(status);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /**
     * The kind of request by its path as the container mapped it (decoded and normalised, so that an encoded
     * path does not pass for another) and by its content type.
     */
    static Kind kind(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (API_PATHS.stream().anyMatch(api -> path.equals(api) || path.startsWith(api + "/"))) {
            return Kind.API;
        }
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/") ? Kind.UPLOAD : Kind.FORM;
    }

    private DataSize limit(Kind kind) {
        return switch (kind) {
            case API -> limits.apiBody();
            case FORM -> limits.formBody();
            case UPLOAD -> limits.uploadBody();
        };
    }

    static String reason(Kind kind, DataSize limit, long declared) {
        String size = declared > 0 ? "（本次约" + RequestLimits.describe(DataSize.ofBytes(declared)) + "）" : "";
        String max = RequestLimits.describe(limit);
        return switch (kind) {
            case API -> "请求内容过大" + size + "：本接口的请求体不超过" + max + "，未处理。";
            case FORM -> "提交的内容过大" + size + "：一次提交不超过" + max + "，未保存。请返回上一页，缩短过长的内容后再保存。";
            case UPLOAD -> "上传内容过大" + size + "：一次上传不超过" + max + "（单个文件不超过10MB），未保存。";
        };
    }

    private static boolean isForm(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String type = (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip();
        return type.equalsIgnoreCase("application/x-www-form-urlencoded");
    }

    /** A request whose body stream refuses to give more than the limit. */
    private static final class BoundedBodyRequest extends HttpServletRequestWrapper {

        private final long limit;
        private final String reason;
        private ServletInputStream stream;

        BoundedBodyRequest(HttpServletRequest request, long limit, String reason) {
            super(request);
            this.limit = limit;
            this.reason = reason;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new BoundedInputStream(super.getInputStream());
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        private final class BoundedInputStream extends ServletInputStream {

            private final ServletInputStream in;
            private long read;

            BoundedInputStream(ServletInputStream in) {
                this.in = in;
            }

            @Override
            public int read() throws IOException {
                check();
                int b = in.read();
                if (b >= 0) {
                    counted(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                check();
                // Never more than one byte past the limit, however large the caller's buffer.
                int n = in.read(buffer, offset, (int) Math.min(length, limit - read + 1));
                if (n > 0) {
                    counted(n);
                }
                return n;
            }

            private void counted(int n) throws RequestBodyTooLargeException {
                read += n;
                check();
            }

            private void check() throws RequestBodyTooLargeException {
                if (read > limit) {
                    setAttribute(TRIPPED, reason);
                    throw new RequestBodyTooLargeException(reason);
                }
            }

            @Override
            public boolean isFinished() {
                return in.isFinished();
            }

            @Override
            public boolean isReady() {
                return in.isReady();
            }

            @Override
            public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
            }
        }
    }
}
