package cn.huangpu.assessment.security;

import cn.huangpu.assessment.web.CachedBodyRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Compensating control for CVE-2026-109432 (Camunda 7.24.0 CE, no fix): an expression in the
 * {@code orQueries} of a task query or a filter reaches the expression engine even with expressions in
 * ad-hoc queries turned off, which allows code execution. Every engine API request (the REST API and the
 * webapps' engine API) whose JSON body carries {@code orQueries} with {@code ${…}} or {@code #{…}}
 * anywhere inside is refused with 400 before the engine sees it. Stored filters with expressions (the
 * seeded 我的任务 and 本单位待办) are created by the application, not through these APIs.
 */
class ExpressionInjectionFilter extends OncePerRequestFilter {

    static final Pattern EXPRESSION = Pattern.compile("[$#]\\{");

    private final ObjectMapper json;

    ExpressionInjectionFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()) || "OPTIONS".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        CachedBodyRequest cached = CachedBodyRequest.of(request);
        if (carriesExpressionInOrQueries(cached.body())) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write(json.writeValueAsString(Map.of("type", "InvalidRequestException",
                    "message", "查询条件 orQueries 中不允许使用表达式（${…} 或 #{…}）", "code", 0)));
            return;
        }
        chain.doFilter(cached, response);
    }

    boolean carriesExpressionInOrQueries(byte[] body) {
        if (body.length == 0 || !EXPRESSION.matcher(new String(body, StandardCharsets.UTF_8)).find()) {
            return false;
        }
        try {
            return orQueriesWithExpression(json.readTree(body));
        } catch (IOException notJson) {
            return false;
        }
    }

    private static boolean orQueriesWithExpression(JsonNode node) {
        if (node == null) {
            return false;
        }
        if (node.isObject()) {
            for (var field : node.properties()) {
                if (field.getKey().equals("orQueries") && EXPRESSION.matcher(field.getValue().toString()).find()) {
                    return true;
                }
                if (orQueriesWithExpression(field.getValue())) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                if (orQueriesWithExpression(item)) {
                    return true;
                }
            }
        }
        return false;
    }
}
