package cn.huangpu.assessment.web;

import cn.huangpu.assessment.scoring.FactError;
import cn.huangpu.assessment.scoring.InvalidFactsException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Bad input answers 400 with every problem as {@code errors: [{indicator, field, reason}]} and a Chinese
 * title, so that a form or a client can point at the field.
 */
@RestControllerAdvice(basePackages = "cn.huangpu.assessment")
class ApiErrorHandler {

    @ExceptionHandler(InvalidFactsException.class)
    ProblemDetail invalidFacts(InvalidFactsException e) {
        return badRequest("评分输入有误", e.errors());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidRequest(MethodArgumentNotValidException e) {
        return badRequest("请求有误", e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FactError(null, f.getField(), f.getDefaultMessage()))
                .toList());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return badRequest("请求有误", List.of(new FactError(null, "body", "请求体不是合法的JSON，或字段类型不对")));
    }

    private static ProblemDetail badRequest(String title, List<FactError> errors) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle(title);
        problem.setDetail(errors.stream()
                .map(err -> (err.indicator() == null ? "" : "指标 " + err.indicator() + " ")
                        + (err.field() == null ? "" : err.field() + "：") + err.reason())
                .reduce((a, b) -> a + "；" + b).orElse(title));
        problem.setProperty("errors", errors.stream()
                .map(err -> {
                    var m = new java.util.LinkedHashMap<String, Object>();
                    m.put("indicator", err.indicator());
                    m.put("field", err.field());
                    m.put("reason", err.reason());
                    return (Map<String, Object>) m;
                })
                .toList());
        return problem;
    }
}
