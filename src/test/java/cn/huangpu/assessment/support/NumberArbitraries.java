package cn.huangpu.assessment.support;

import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Numbers as people and clients write them, for property tests of every channel a number enters by: plain
 * values in and just outside the ranges, numbers no double holds (1e400, 1e100000), NaN and Infinity,
 * thousands of digits, exponents no BigDecimal holds, and things that are not numbers at all.
 */
public final class NumberArbitraries {

    /** Written as they are, quoted where they are strings; several are not valid JSON (NaN, Infinity). */
    public static final String[] EXTREME_JSON = {"1e400", "-1e400", "1e100000", "1E+999999999", "1e99999999999",
            "1E-400", "-0", "0.30000000000000004", "NaN", "-Infinity", "Infinity", "1000000", "1000001", "2023.5",
            "99999999999", "9".repeat(2000), "7".repeat(900), "0." + "3".repeat(30), "\"1e400\"", "\"12\"", "\"abc\"",
            "true", "null", "[1e400]", "{\"score\": 1e400, \"reason\": \"r\"}"};

    /** As typed into a form field or a spreadsheet cell. */
    public static final String[] EXTREME_TEXT = {"1e100000", "1e400", "-1e400", "1E+999999999", "1e99999999999",
            "1E-400", "NaN", "Infinity", "-Infinity", "1000000", "1000001", "9".repeat(2000), "7".repeat(900),
            "0." + "3".repeat(30), "１２", "85%", "1,000", " 12 ", "-0", "0x10", "1e", "--1", "二"};

    private NumberArbitraries() {
    }

    /** A JSON value where a number is expected: mostly numbers, of every size and precision, and the extremes. */
    public static Arbitrary<String> jsonNumbers() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(EXTREME_JSON)),
                Tuple.of(3, decimals().map(BigDecimal::toPlainString)),
                Tuple.of(2, scientific()),
                Tuple.of(1, Arbitraries.integers().between(-3, 200).map(String::valueOf)));
    }

    /** A form field's or a cell's text where a number is expected. */
    public static Arbitrary<String> typedNumbers() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(EXTREME_TEXT)),
                Tuple.of(3, decimals().map(BigDecimal::toPlainString)),
                Tuple.of(2, scientific()),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(12)));
    }

    private static Arbitrary<BigDecimal> decimals() {
        return Combinators.combine(Arbitraries.bigIntegers().between(BigInteger.TEN.pow(12).negate(),
                        BigInteger.TEN.pow(30)), Arbitraries.integers().between(0, 25))
                .as(BigDecimal::new);
    }

    /** Mantissa and exponent: 3e7, -1.5E-12, 4e+400. */
    private static Arbitrary<String> scientific() {
        return Combinators.combine(Arbitraries.of("1", "3", "-1.5", "9.99", "0"), Arbitraries.of("e", "E", "E+"),
                        Arbitraries.integers().between(-500, 500))
                .as((mantissa, e, exponent) -> mantissa + (exponent < 0 ? "e" : e) + exponent);
    }
}
