package cn.huangpu.assessment.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The application's exceptions that mean an HTTP status, for every controller: answered through the
 * container's error handling, so a browser gets the Chinese error page and an API client the JSON error
 * body, with the reason. Runs after {@link ApiErrorHandler}, which answers bad input of the API with the
 * field-by-field body instead.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ErrorStatusHandler {

    @ExceptionHandler(NotFoundException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND, NotFoundException.MESSAGE);
    }

    /** The caller's own page of a campaign it does not take part in: not there, and why. */
    @ExceptionHandler(NotTakingPartException.class)
    void notTakingPart(NotTakingPartException e, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND, e.getMessage());
    }

    /** An id in the path that cannot even be read (letters for a number) names nothing either. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    void typeMismatch(MethodArgumentTypeMismatchException e, HttpServletResponse response) throws IOException {
        if (e.getParameter().hasParameterAnnotation(PathVariable.class)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, NotFoundException.MESSAGE);
        } else {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "参数 " + e.getName() + " 的格式不对");
        }
    }

    @ExceptionHandler(EditConflictException.class)
    void conflict(EditConflictException e, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_CONFLICT, e.getMessage());
    }

    /**
     * A text the database cannot store: PostgreSQL refuses the NUL character (U+0000) in every text column, which
     * H2 accepts. Whatever field carried it, the database made the decision and rolled the transaction back, so the
     * request is answered as bad input instead of a 500; any other integrity violation stays what it was.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    void unstorableText(DataIntegrityViolationException e, HttpServletResponse response) throws IOException {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql && UNSTORABLE_TEXT.contains(sql.getSQLState())) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST, UNSTORABLE_TEXT_MESSAGE);
                return;
            }
        }
        throw e;
    }

    /** PostgreSQL's character_not_in_repertoire and untranslatable_character. */
    private static final Set<String> UNSTORABLE_TEXT = Set.of("22021", "22P05");
    static final String UNSTORABLE_TEXT_MESSAGE = "填写的内容含有无法保存的控制字符（如空字符），未保存；请删除后重新提交";

    /** Bad input a page did not answer itself (it would otherwise be a 500). */
    @ExceptionHandler(BadInputException.class)
    void badInput(BadInputException e, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
    }
}
