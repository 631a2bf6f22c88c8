package cn.huangpu.assessment.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Bad input answers 400 with every problem as {@code errors: [{indicator, field, reason}]} and a Chinese
 * title, so that a form or a client can point at the field.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiErrorHandler {

    @ExceptionHandler(BadInputException.class)
    ProblemDetail badInput(BadInputException e) {
        return badRequest(e.title(), e.errors());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidRequest(MethodArgumentNotValidException e) {
        return badRequest("请求有误", e.getBindingResult().getFieldErrors().stream()
                .map(f -> InputError.field(f.getField(), f.getDefaultMessage()))
                .toList());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        var tooLarge = RequestBodyTooLargeException.in(e);
        if (tooLarge.isPresent()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.get().getMessage());
            problem.setTitle("请求内容过大");
            return problem;
        }
        return badRequest("请求有误", List.of(InputError.field("body", "请求体不是合法的JSON，或字段类型不对")));
    }

    static ProblemDetail badRequest(String title, List<InputError> errors) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle(title);
        problem.setDetail(BadInputException.describe(errors));
        problem.setProperty("errors", errors.stream()
                .map(err -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("indicator", err.indicator());
                    m.put("field", err.field());
                    m.put("reason", err.reason());
                    return m;
                })
                .toList());
        return problem;
    }
}
