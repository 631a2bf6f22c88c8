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

    /** All errors in one Chinese sentence, each as people read it ({@link InputError#text()}). */
    public static String describe(List<InputError> errors) {
        return errors.stream().map(InputError::text).reduce((a, b) -> a + "；" + b).orElse("");
    }

    /**
     * The title and the errors for a message box that keeps line breaks (a Tasklist notification): one error
     * after the title, several each on a line of its own.
     */
    public String listed() {
        if (errors.isEmpty()) {
            return title;
        }
        if (errors.size() == 1) {
            return title + "：" + errors.get(0).text();
        }
        StringBuilder text = new StringBuilder(title).append('：');
        errors.forEach(e -> text.append('\n').append(e.text()));
        return text.toString();
    }
}
