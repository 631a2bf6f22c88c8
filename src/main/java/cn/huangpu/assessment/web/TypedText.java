package cn.huangpu.assessment.web;

/**
 * What a person can type into a form. Text with other control characters (a NUL above all, which PostgreSQL
 * refuses in every text column while H2 stores it) was not typed and is refused with the field named.
 */
public final class TypedText {

    private static final int SHOWN_LENGTH = 30;

    private TypedText() {
    }

    /** Typed text as a message quotes it: cut after 30 characters (a refusal never repeats 100,000 of them). */
    public static String shown(String text) {
        return text.length() <= SHOWN_LENGTH ? text : text.substring(0, SHOWN_LENGTH) + "…";
    }

    /** Whether {@code text} holds a control character other than a tab or a line break (CR, LF). */
    public static boolean hasControlCharacters(String text) {
        return text != null && text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
    }
}
