package cn.huangpu.assessment.scoring;

import cn.huangpu.assessment.catalogue.Input;
import java.math.BigDecimal;

/**
 * The limits every number entered into the application is held to, in one place. The catalogue states a
 * range where it has one: a rate is 0..1, a judgement 0..its {@code max} in 0.5 steps, and a count or number
 * input may state its own {@code max}. Every other limit is here. They sit far above any real value (a unit
 * handles hundreds of requests a year, an adoption score is in the hundreds) and far below what makes a number
 * expensive: 1e100000 written out has 100,001 digits, and multiplying or printing it is where a page used to
 * fail.
 */
public final class NumberRules {

    /** The highest count or number accepted where the catalogue's input states no {@code max}. */
    public static final BigDecimal DEFAULT_MAX = new BigDecimal("1000000");

    /** Significant digits of any number (a double prints at most 17). */
    public static final int MAX_DIGITS = 20;

    /** Digits after the decimal point (a rate such as 2/3 printed by a client has 16 or 17). */
    public static final int MAX_DECIMALS = 20;

    /** Characters of a number typed into a form field or a spreadsheet cell. */
    public static final int MAX_TYPED_LENGTH = 40;

    /** How much of a refused value a message repeats. */
    private static final int SHOWN_LENGTH = 30;

    private NumberRules() {
    }

    /**
     * The number a form field or a spreadsheet cell holds, read as written.
     *
     * @throws IllegalArgumentException with a Chinese reason when the text is too long or not a number
     */
    public static BigDecimal typed(String text) {
        String value = text.strip();
        if (value.length() > MAX_TYPED_LENGTH) {
            throw new IllegalArgumentException("数字过长（不超过" + MAX_TYPED_LENGTH + "个字符），收到“"
                    + shown(value) + "”（共" + value.length() + "个字符）");
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("须为数字，收到“" + shown(value) + "”");
        }
    }

    /** The highest value a count or number input accepts: the catalogue's {@code max}, or the default. */
    public static BigDecimal highest(Input input) {
        return input.max() != null ? input.max() : DEFAULT_MAX;
    }

    /**
     * A number as a message or a form repeats it: in full when that is short, otherwise in scientific notation
     * and cut; never the 100,001 digits of 1e100000.
     */
    public static String shown(BigDecimal n) {
        long integerDigits = (long) n.precision() - n.scale();
        String text = integerDigits <= SHOWN_LENGTH && n.scale() <= SHOWN_LENGTH
                ? n.toPlainString() : n.toString();
        return shown(text);
    }

    /** Text as a message repeats it: cut after a few dozen characters. */
    public static String shown(String text) {
        return text.length() <= SHOWN_LENGTH ? text : text.substring(0, SHOWN_LENGTH) + "…";
    }
}
