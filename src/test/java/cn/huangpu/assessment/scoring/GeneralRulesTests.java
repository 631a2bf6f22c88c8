package cn.huangpu.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.catalogue.Criterion;
import cn.huangpu.assessment.catalogue.Criterion.Condition;
import cn.huangpu.assessment.catalogue.Indicator;
import cn.huangpu.assessment.catalogue.Input;
import cn.huangpu.assessment.catalogue.InputType;
import cn.huangpu.assessment.scoring.UnitFacts.IndicatorFacts;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The general rules of the domain where the 2023 table does not reach them, on indicators built in code: awards
 * stop at the base (the loader refuses a catalogue whose awards could pass it, so only such a catalogue shows it), and
 * 不得分 (zero-if) after the floor.
 */
class GeneralRulesTests {

    static final BigDecimal ONE = BigDecimal.ONE;
    static final BigDecimal TWO = new BigDecimal("2");

    @Test
    void awardsAboveTheBaseAreCutToIt() {
        // given an award indicator of 2 points whose two awards of 2 points both hold
        Indicator indicator = new Indicator("9.1", "得分", "", "", "", TWO, Indicator.Mode.AWARD, false,
                List.of(flag("a", "有A"), flag("b", "有B")),
                List.of(awardIf("有A得2分", "a"), awardIf("有B得2分", "b")));

        // when it is scored
        ScoreSheet.IndicatorScore score = score(indicator, Map.of("a", true, "b", true));

        // then 4 points of awards count as 2, and the sheet says so
        assertThat(score.basePart()).isEqualByComparingTo("2");
        assertThat(score.explanation()).extracting(ScoreSheet.Explanation::text, e -> e.effect().toPlainString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("得分制：逐项得分，最高2分｜起评0分", "0.00"),
                        org.assertj.core.groups.Tuple.tuple("有A得2分｜有A：是｜符合，得2分（区政府办公室）", "2.00"),
                        org.assertj.core.groups.Tuple.tuple("有B得2分｜有B：是｜符合，得2分（区政府办公室）", "2.00"),
                        org.assertj.core.groups.Tuple.tuple("得分不超过该指标分值｜各项得分合计4分，按2分计", "-2.00"));
    }

    /** A deduct indicator of 1 point: 未邀请，不得分 (zero-if) and 1 point off per item. */
    @ParameterizedTest(name = "{0} item(s)")
    @CsvSource(delimiter = '|', textBlock = """
            0 | 0 | 符合不得分情形｜本指标按0分计 | -1.00
            1 | 0 | 每项扣1分｜问题项数：1｜1 × 1 = 1，扣1分（区政府办公室） | -1.00
            2 | 0 | 扣分不低于0分｜应得-1分，按0分计 | 1.00
            """)
    void zeroIfAppliesOnlyToWhatIsLeftAfterTheFloor(int items, BigDecimal basePart, String lastLine, String effect) {
        // given an uninvited unit with some items found
        Indicator indicator = new Indicator("9.1", "不得分", "", "", "", ONE, Indicator.Mode.DEDUCT, false,
                List.of(count("invited", "邀请次数"), count("items", "问题项数")),
                List.of(new Criterion(Criterion.Kind.ZERO_IF, "未邀请不得分", null, null, null,
                                new Condition("invited", Condition.Test.BELOW, ONE, null), null, null, List.of(), null),
                        new Criterion(Criterion.Kind.DEDUCT_PER, "每项扣1分", "items", ONE, null, null, null, null,
                                List.of(), null)));

        // when it is scored
        ScoreSheet.IndicatorScore score = score(indicator,
                Map.of("invited", BigDecimal.ZERO, "items", BigDecimal.valueOf(items)));

        // then the part is 0, and only a part still above 0 gets the 不得分 line
        assertThat(score.basePart()).isEqualByComparingTo(basePart);
        assertThat(score.explanation()).extracting(ScoreSheet.Explanation::text).startsWith(
                "扣分制：基础分1分，逐项扣减｜起评1分",
                "未邀请不得分｜邀请次数：0（条件：少于1）｜符合，本指标不得分（区政府办公室）");
        ScoreSheet.Explanation last = score.explanation().get(score.explanation().size() - 1);
        assertThat(last.text()).isEqualTo(lastLine);
        assertThat(last.effect().toPlainString()).isEqualTo(effect);
        assertThat(score.explanation()).hasSize(items == 1 ? 3 : 4);
    }

    private static ScoreSheet.IndicatorScore score(Indicator indicator, Map<String, Object> values) {
        Catalogue catalogue = new Catalogue(2023, "测试", "", indicator.points(), new BigDecimal("0.8"),
                List.of(new Catalogue.Evaluator("OFFICE", "区政府办公室")),
                List.of(new Catalogue.Section("9", "测试", indicator.points(),
                        List.of(new Catalogue.IndicatorGroup("", List.of(indicator))))));
        UnitFacts facts = new UnitFacts(2023, Map.of(indicator.code(), new IndicatorFacts(false, values)));
        return new ScoreCalculator().score(catalogue, facts).indicator(indicator.code());
    }

    private static Input flag(String name, String label) {
        return new Input(name, InputType.FLAG, label, "OFFICE", List.of(), null);
    }

    private static Input count(String name, String label) {
        return new Input(name, InputType.COUNT, label, "OFFICE", List.of(), null);
    }

    private static Criterion awardIf(String text, String flag) {
        return new Criterion(Criterion.Kind.AWARD_IF, text, null, TWO, null,
                new Condition(flag, Condition.Test.IS_TRUE, null, null), null, null, List.of(), null);
    }
}
