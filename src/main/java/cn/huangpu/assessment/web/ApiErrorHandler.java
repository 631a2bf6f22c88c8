package cn.huangpu.assessment.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Bad input answers 400 with every problem as {@code errors: [{indicator, field, label, reason, message}]} and a
 * Chinese title, so that a form or a client can point at the field ({@code field}, the machine name) and show
 * people what is wrong ({@code message}, with the field's Chinese {@code label}, never its machine name).
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrorHandler {

    @ExceptionHandler(BadInputException.class)
    ProblemDetail badInput(BadInputException e) {
        return badRequest(e.title(), e.errors());
    }

    @ExceptionHandler(EditConflictException.class)
    ProblemDetail conflict(EditConflictException e) {
        return problem(HttpStatus.CONFLICT, EditConflictException.TITLE, e.conflicts());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidRequest(MethodArgumentNotValidException e) {
        return badRequest("请求有误", e.getBindingResult().getFieldErrors().stream()
                .map(f -> InputError.field(f.getField(), f.getDefaultMessage()))
                .toList());
    }

    /**
     * A body that could not be read: the field where reading stopped and why. A value that a request type reads
     * itself (the facts of a score preview) is refused by it, naming what it knows (the indicator and input).
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        var tooLarge = RequestBodyTooLargeException.in(e);
        if (tooLarge.isPresent()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.get().getMessage());
            problem.setTitle("请求内容过大");
            return problem;
        }
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof BadInputException refused) {
                return badInput(refused);
            }
        }
        JsonProblem problem = JsonProblem.of(e);
        return badRequest("请求有误", List.of(InputError.field(problem.path().isEmpty() ? "body" : problem.field(),
                problem.reason())));
    }

    /** A path or query parameter of the wrong type, such as {@code ?year=2023.5}. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatchedParameter(MethodArgumentTypeMismatchException e) {
        String value = e.getValue() == null ? "" : e.getValue().toString();
        return badRequest("请求有误", List.of(InputError.field(e.getName(), JsonProblem.expected(e.getRequiredType())
                + "，收到“" + (value.length() <= 30 ? value : value.substring(0, 30) + "…") + "”")));
    }

    static ProblemDetail badRequest(String title, List<InputError> errors) {
        return problem(HttpStatus.BAD_REQUEST, title, errors);
    }

    private static ProblemDetail problem(HttpStatus status, String title, List<InputError> errors) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(title);
        problem.setDetail(BadInputException.describe(errors));
        problem.setProperty("errors", errors.stream()
                .map(err -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("indicator", err.indicator());
                    m.put("field", err.field());
                    m.put("label", err.label());
                    m.put("reason", err.reason());
                    m.put("message", err.text());
                    return m;
                })
                .toList());
        return problem;
    }
}
