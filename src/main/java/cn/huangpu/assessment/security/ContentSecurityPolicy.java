package cn.huangpu.assessment.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.header.HeaderWriter;

/**
 * The Content-Security-Policy of the app's own pages: scripts, styles, images and requests from this
 * origin only, no inline script, no style attribute, no eval, no plugins, no framing. The pages keep to it
 * (their behaviour is in static/js/app.js, htmx is configured not to inject styles or evaluate, ECharts
 * draws its tooltip on the canvas). The Camunda webapps ({@code /camunda/**}) are left to the policy
 * their own header filter sets (camunda.bpm.webapp.header-security): AngularJS and form-js need inline
 * styles and eval there. Swagger UI may add inline styles. A PDF is left alone, for the browser's viewer.
 */
final class ContentSecurityPolicy implements HeaderWriter {

    static final String HEADER = "Content-Security-Policy";
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";
    /** Swagger UI (springdoc's bundle) adds a <style> element at run time; its scripts stay 'self'. */
    static final String API_DOCS_POLICY = POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String type = response.getContentType();
        if (path.startsWith("/camunda/") || (type != null && type.startsWith("application/pdf"))
                || response.containsHeader(HEADER)) {
            return;
        }
        response.setHeader(HEADER, path.startsWith("/swagger-ui/") ? API_DOCS_POLICY : POLICY);
    }
}
