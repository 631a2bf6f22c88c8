package cn.huangpu.assessment.workflow;

import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.CachedBodyRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs the {@link CompletionCheck}s before a task is completed through the Tasklist
 * ({@code /camunda/api/engine/.../task/{id}/submit-form}) or the REST API
 * ({@code /engine-rest/task/{id}/complete|submit-form}), and answers a refusal with HTTP 400 in the
 * engine REST API's error format, so that the Tasklist shows the Chinese reason.
 */
@Configuration
class CompletionCheckFilter {

    static final Pattern COMPLETION = Pattern.compile(".*/task/([^/]+)/(complete|submit-form)$");

    /** After the engine's and the webapps' authentication filters: the task is looked up as the caller. */
    public static final int ORDER = Ordered.LOWEST_PRECEDENCE;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> completionCheckFilterRegistration(TaskService taskService,
            IdentityService identityService, List<CompletionCheck> checks, ObjectMapper json) {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new Filter(taskService, identityService, checks, json));
        registration.addUrlPatterns("/engine-rest/task/*", "/camunda/api/engine/engine/*");
        registration.setName("task-completion-check");
        registration.setOrder(ORDER);
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {

        private final TaskService taskService;
        private final IdentityService identityService;
        private final List<CompletionCheck> checks;
        private final ObjectMapper json;

        Filter(TaskService taskService, IdentityService identityService, List<CompletionCheck> checks, ObjectMapper json) {
            this.taskService = taskService;
            this.identityService = identityService;
            this.checks = checks;
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Matcher matcher = COMPLETION.matcher(request.getRequestURI());
            // Only for an authenticated caller, and only for a task the caller may see: nothing is told to anyone else.
            if (!"POST".equals(request.getMethod()) || !matcher.matches()
                    || identityService.getCurrentAuthentication() == null) {
                chain.doFilter(request, response);
                return;
            }
            CachedBodyRequest cached = CachedBodyRequest.of(request);
            byte[] body = cached.body();
            Task task = taskService.createTaskQuery().taskId(matcher.group(1)).singleResult();
            if (task != null) {
                List<CompletionCheck> applicable = checks.stream()
                        .filter(c -> c.taskKeys().contains(task.getTaskDefinitionKey())).toList();
                if (!applicable.isEmpty()) {
                    Map<String, Object> variables = new HashMap<>(taskService.getVariables(task.getId()));
                    variables.putAll(submitted(body));
                    try {
                        for (CompletionCheck check : applicable) {
                            check.check(variables);
                        }
                    } catch (BadInputException e) {
                        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                        response.setContentType("application/json;charset=UTF-8");
                        response.getWriter().write(json.writeValueAsString(Map.of(
                                "type", "InvalidRequestException", "message", BadInputException.describe(e.errors()),
                                "code", 0)));
                        return;
                    }
                }
            }
            chain.doFilter(cached, response);
        }

        /** The values of {@code {"variables": {"name": {"value": ...}}}}. */
        private Map<String, Object> submitted(byte[] body) {
            Map<String, Object> values = new HashMap<>();
            if (body.length == 0) {
                return values;
            }
            try {
                JsonNode variables = json.readTree(body).path("variables");
                variables.properties().forEach(e -> {
                    JsonNode value = e.getValue().path("value");
                    values.put(e.getKey(), value.isNull() || value.isMissingNode() ? null
                            : value.isBoolean() ? value.booleanValue()
                            : value.isNumber() ? value.numberValue() : value.asText());
                });
            } catch (IOException e) {
                // An unreadable body is left to the engine REST API to refuse.
            }
            return values;
        }
    }
}
