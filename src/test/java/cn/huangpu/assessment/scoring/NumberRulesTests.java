package cn.huangpu.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.huangpu.assessment.catalogue.Input;
import cn.huangpu.assessment.catalogue.InputType;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a refused number is repeated in a message, and what a typed number may be. */
class NumberRulesTests {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            86 | 86
            -0.5 | -0.5
            1E+7 | 10000000
            1E+400 | 1E+400
            123456789012345678901234567890 | 123456789012345678901234567890
            1234567890123456789012345678901 | 123456789012345678901234567890…
            1E+29 | 100000000000000000000000000000
            1E+30 | 1E+30
            0.123456789012345678901234567891 | 0.1234567890123456789012345678…
            0.000000000000000000000000000001 | 0.0000000000000000000000000000…
            0.0000000000000000000000000000001 | 1E-31
            1.0000000000000000000000000000001 | 1.0000000000000000000000000000…
            """)
    void repeatsANumberInFullWhenShortAndCutOtherwise(String number, String shown) {
        assertThat(NumberRules.shown(new BigDecimal(number))).isEqualTo(shown);
    }

    @Test
    void repeatsTextUpToThirtyCharacters() {
        assertThat(NumberRules.shown("a".repeat(30))).isEqualTo("a".repeat(30));
        assertThat(NumberRules.shown("a".repeat(31))).isEqualTo("a".repeat(30) + "…");
    }

    @Test
    void readsATypedNumberAsWrittenOrSaysWhyNot() {
        assertThat(NumberRules.typed(" 1.50 ")).isEqualTo(new BigDecimal("1.50"));
        assertThat(NumberRules.typed("1".repeat(40))).isEqualTo(new BigDecimal("1".repeat(40)));
        assertThatThrownBy(() -> NumberRules.typed("1".repeat(41))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("数字过长（不超过40个字符），收到“" + "1".repeat(30) + "…”（共41个字符）");
        assertThatThrownBy(() -> NumberRules.typed("八十六")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("须为数字，收到“八十六”");
    }

    @Test
    void anInputsOwnMaxReplacesTheDefault() {
        Input own = new Input("handled", InputType.COUNT, "办理数", "OFFICE", List.of(), new BigDecimal("500"));
        Input none = new Input("handled", InputType.COUNT, "办理数", "OFFICE", List.of(), null);

        assertThat(NumberRules.highest(own)).isEqualTo(new BigDecimal("500"));
        assertThat(NumberRules.highest(none)).isEqualTo(new BigDecimal("1000000"));
    }
}
