package cn.huangpu.assessment.workflow.internal;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import cn.huangpu.assessment.web.RequestBodyTooLargeException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * Refusals of the engine REST API answered as the application's own, in every JAX-RS application of the webapps
 * and the REST API (registered through {@code META-INF/services}, auto-discovery):
 * <ul>
 *   <li>a completion refused by {@link TaskCompletionPolicy} reaches the user with its own Chinese reason: the REST
 *       resources wrap it as "Cannot complete task {id}: …" / "Cannot submit task form {id}: …", which the Tasklist
 *       shows as it is, and a completion of a task that is gone ({@link TaskGoneException}) is 404; every other
 *       REST exception is answered by Camunda's own handler;</li>
 *   <li>a listener's refusal of what the user sent ({@link BadUserRequestException}, the start form's checks) is
 *       400 with its reason, where the resources that start an instance answer any engine exception with 500;</li>
 *   <li>a claim of a task someone else has claimed is 409 with its reason, not Camunda's 500;</li>
 *   <li>a query parameter the resources cannot bind, or a value the engine requires and did not get, is 400;</li>
 *   <li>a body cut off at the request-size limit while the engine read it is 413 with its reason, where Camunda's
 *       catch-all handler would answer 500.</li>
 * </ul>
 */
public final class EngineRestRefusals implements AutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
        if (!context.getConfiguration().isRegistered(Mapper.class)) {
            context.register(Mapper.class);
        }
        if (!context.getConfiguration().isRegistered(TooLarge.class)) {
            context.register(TooLarge.class);
        }
        if (!context.getConfiguration().isRegistered(AlreadyClaimed.class)) {
            context.register(AlreadyClaimed.class);
        }
        if (!context.getConfiguration().isRegistered(MalformedParameter.class)) {
            context.register(MalformedParameter.class);
        }
        if (!context.getConfiguration().isRegistered(MissingValue.class)) {
            context.register(MissingValue.class);
        }
    }

    @Provider
    @Priority(Priorities.USER)
    public static final class Mapper implements ExceptionMapper<RestException> {

        private final RestExceptionHandler camunda = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException exception) {
            for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof FormFieldValidationException refusal) {
                    Response.Status status = refusal instanceof TaskGoneException ? Response.Status.NOT_FOUND
                            : exception.getStatus() == null ? Response.Status.BAD_REQUEST : exception.getStatus();
                    return refused(status, refusal);
                }
                if (cause instanceof BadUserRequestException refusal) {
                    // a listener's refusal of what the user sent (the start form's checks): the REST resources that
                    // start an instance wrap every engine exception as a 500 "Cannot instantiate process definition"
                    boolean wrapped = exception.getStatus() == null
                            || exception.getStatus() == Response.Status.INTERNAL_SERVER_ERROR;
                    return refused(wrapped ? Response.Status.BAD_REQUEST : exception.getStatus(), refusal);
                }
            }
            return camunda.toResponse(exception);
        }

        private static Response refused(Response.Status status, Exception refusal) {
            return Response.status(status)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("type", "InvalidRequestException", "message", refusal.getMessage(), "code", 0))
                    .build();
        }
    }

    /** A claim of a task someone else claimed meanwhile: a conflict with its reason, where Camunda answers 500. */
    @Provider
    @Priority(Priorities.USER)
    public static final class AlreadyClaimed implements ExceptionMapper<TaskAlreadyClaimedException> {

        @Override
        public Response toResponse(TaskAlreadyClaimedException exception) {
            return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("type", "InvalidRequestException", "message", "该任务已由他人认领，请刷新任务列表",
                            "code", 0))
                    .build();
        }
    }

    /**
     * A request parameter the REST resources could not bind to their query's property ({@code orQueries=x}: the
     * reflective setter's "argument type mismatch"), which Camunda's catch-all handler answers with 500.
     */
    @Provider
    @Priority(Priorities.USER)
    public static final class MalformedParameter implements ExceptionMapper<IllegalArgumentException> {

        @Override
        public Response toResponse(IllegalArgumentException exception) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("type", "InvalidRequestException", "message", "请求参数的格式不对，请检查查询条件",
                            "code", 0))
                    .build();
        }
    }

    /**
     * A value the engine requires of the request and did not get (a sorting by a variable whose type it does not
     * know: "valueType is null"), which the engine's handler answers with 500.
     */
    @Provider
    @Priority(Priorities.USER)
    public static final class MissingValue implements ExceptionMapper<NullValueException> {

        @Override
        public Response toResponse(NullValueException exception) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("type", "InvalidRequestException", "message",
                            "请求缺少必需的值或含有无法识别的类型：" + exception.getMessage(), "code", 0))
                    .build();
        }
    }

    @Provider
    @Priority(Priorities.USER)
    public static final class TooLarge implements ExceptionMapper<RequestBodyTooLargeException> {

        @Override
        public Response toResponse(RequestBodyTooLargeException exception) {
            return Response.status(413).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("type", "InvalidRequestException", "message", exception.getMessage(), "code", 0))
                    .build();
        }
    }
}
