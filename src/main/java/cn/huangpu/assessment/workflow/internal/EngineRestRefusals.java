package cn.huangpu.assessment.workflow.internal;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
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
        for (Class<?> mapper : List.of(Mapper.class, TooLarge.class, AlreadyClaimed.class, MalformedParameter.class,
                MissingValue.class)) {
            if (!context.getConfiguration().isRegistered(mapper)) {
                context.register(mapper);
            }
        }
    }

    /** The answer of every refusal here: the REST API's error shape, with the reason in Chinese. */
    static Response answer(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("type", "InvalidRequestException", "message", message, "code", 0))
                .build();
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
                    return answer(status, refusal.getMessage());
                }
                if (cause instanceof BadUserRequestException refusal) {
                    // a listener's refusal of what the user sent (the start form's checks): the REST resources that
                    // start an instance wrap every engine exception as a 500 "Cannot instantiate process definition"
                    boolean wrapped = exception.getStatus() == null
                            || exception.getStatus() == Response.Status.INTERNAL_SERVER_ERROR;
                    return answer(wrapped ? Response.Status.BAD_REQUEST : exception.getStatus(), refusal.getMessage());
                }
            }
            return camunda.toResponse(exception);
        }
    }

    /** A claim of a task someone else claimed meanwhile: a conflict with its reason, where Camunda answers 500. */
    @Provider
    @Priority(Priorities.USER)
    public static final class AlreadyClaimed implements ExceptionMapper<TaskAlreadyClaimedException> {

        @Override
        public Response toResponse(TaskAlreadyClaimedException exception) {
            return answer(Response.Status.CONFLICT, "该任务已由他人认领，请刷新任务列表");
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
            return answer(Response.Status.BAD_REQUEST, "请求参数的格式不对，请检查查询条件");
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
            return answer(Response.Status.BAD_REQUEST, "请求缺少必需的值或含有无法识别的类型：" + exception.getMessage());
        }
    }

    @Provider
    @Priority(Priorities.USER)
    public static final class TooLarge implements ExceptionMapper<RequestBodyTooLargeException> {

        @Override
        public Response toResponse(RequestBodyTooLargeException exception) {
            return answer(Response.Status.REQUEST_ENTITY_TOO_LARGE, exception.getMessage());
        }
    }
}
