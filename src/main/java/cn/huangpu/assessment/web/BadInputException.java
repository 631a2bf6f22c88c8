package cn.huangpu.assessment.web;

import java.util.List;

/**
 * Input that breaks a rule; answered with HTTP 400 listing every error. Thrown before anything is
 * saved, or inside the transaction that would have saved it, so that nothing is half saved.
 */
public class BadInputException extends RuntimeException {

    private final String title;
    private final List<InputError> errors;

    public BadInputException(String title, List<InputError> errors) {
        super(title + "：" + describe(errors));
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public BadInputException(String title, InputError error) {
        this(title, List.of(error));
    }

    public String title() {
        return title;
    }

    public List<InputError> errors() {
        return errors;
    }

    /** All errors in one Chinese sentence, e.g. for a task form's error message. */
    public static String describe(List<InputError> errors) {
        return errors.stream()
                .map(e -> (e.indicator() == null ? "" : "指标 " + e.indicator() + " ")
                        + (e.field() == null ? "" : e.field() + "：") + e.reason())
                .reduce((a, b) -> a + "；" + b).orElse("");
    }
}
