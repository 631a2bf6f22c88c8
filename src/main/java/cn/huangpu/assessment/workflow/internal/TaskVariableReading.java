package cn.huangpu.assessment.workflow.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.dto.VariableValueDto;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * A task completion's variables (complete, submit-form, resolve) that the REST API cannot even read as their
 * declared type are refused with 400 naming the field, in Chinese, before the resource reads them. The REST API
 * reads each variable into its type before it calls the engine, so a value of a type the engine does not know
 * ({@code Json} and {@code Xml} without Spin) or one its type cannot hold ({@code Long} 1e400) never reaches
 * {@link cn.huangpu.assessment.workflow.TaskCompletionPolicy}; the resource answered "Cannot complete task …:
 * Unsupported value type 'Json'" in English, naming no field. The reading here is the REST API's own
 * ({@link VariableValueDto#toTypedValue}) with the REST API's mapper, so what passes is exactly what the resource
 * will read, and the policy then decides on the value as always. Registered in every JAX-RS application of the
 * webapps and the REST API through {@code META-INF/services}, as {@link EngineRestRefusals}.
 */
public final class TaskVariableReading implements AutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
        if (!context.getConfiguration().isRegistered(Filter.class)) {
            context.register(Filter.class);
        }
    }

    @Provider
    @PreMatching
    @Priority(Priorities.ENTITY_CODER)
    public static final class Filter implements ContainerRequestFilter {

        /** {@code engine/{name}/task/{id}/complete} (the webapps) or {@code task/{id}/complete} (the REST API). */
        private static final Pattern COMPLETION =
                Pattern.compile("^/?(?:engine/([^/]+)/)?task/[^/]+/(?:complete|submit-form|resolve)/?$");

        private final ObjectMapper mapper = SharedRestObjectMapper.Resolver.MAPPER;

        @Override
        public void filter(ContainerRequestContext request) throws IOException {
            Matcher completion = COMPLETION.matcher(request.getUriInfo().getPath());
            if (!"POST".equals(request.getMethod()) || !completion.matches() || !request.hasEntity()) {
                return;
            }
            // the body is bounded by the request-size limit before any filter reads it
            byte[] body = request.getEntityStream().readAllBytes();
            request.setEntityStream(new ByteArrayInputStream(body));
            JsonNode variables;
            try {
                variables = body.length == 0 ? null : mapper.readTree(body).path("variables");
            } catch (JsonProcessingException unreadable) {
                request.abortWith(refused("请求内容不是有效的 JSON，未办理"));
                return;
            }
            if (variables == null || !variables.isObject()) {
                return;
            }
            ProcessEngine engine = EngineUtil.lookupProcessEngine(completion.group(1));
            for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> variable = it.next();
                String name = variable.getKey();
                String reason = unreadable(engine, variable.getValue());
                if (reason != null) {
                    request.abortWith(refused("字段 " + name + "：" + reason + "，未办理"));
                    return;
                }
            }
        }

        /** Why the REST API cannot read the value as its type, or null when it can. */
        private String unreadable(ProcessEngine engine, JsonNode value) {
            VariableValueDto dto;
            try {
                dto = mapper.treeToValue(value, VariableValueDto.class);
            } catch (JsonProcessingException | IllegalArgumentException notAVariable) {
                return "不是有效的变量（应为 {\"value\": …, \"type\": …}）";
            }
            if (dto == null) {
                return null;
            }
            try {
                dto.toTypedValue(engine, mapper);
                return null;
            } catch (RuntimeException refused) {
                // RestException for the REST API's own refusals; anything else it would throw reading the value too
                return "值无法按类型“" + (dto.getType() == null ? "" : dto.getType())
                        + "”读取（本系统不接受该类型，或值超出该类型的范围）";
            }
        }

        private static Response refused(String message) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("type", "InvalidRequestException", "message", message, "code", 0)).build();
        }
    }
}
