package cn.huangpu.assessment.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.catalogue.InputOwners.Channel;
import cn.huangpu.assessment.catalogue.InputOwners.Owner;
import cn.huangpu.assessment.scoring.TestCatalogues;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who enters an input of the 2023 catalogue, and how a campaign without some evaluators changes it. */
class InputOwnersTests {

    static final Catalogue CATALOGUE = TestCatalogues.catalogue2023();
    static final List<String> ALL = CATALOGUE.evaluators().stream().map(Catalogue.Evaluator::code)
            .filter(code -> !code.equals(Catalogue.OFFICE)).toList();

    @Test
    void everyInputHasOneOwnerByTheCatalogueWhenEveryEvaluatorTakesPart() {
        // given a campaign with all eleven evaluators
        InputOwners owners = InputOwners.of(CATALOGUE, ALL);

        // then each input has one owner, and each kind of input goes where it is entered
        assertThat(owners.all()).hasSize(CATALOGUE.indicators().stream().mapToInt(i -> i.inputs().size()).sum());
        assertThat(owner(owners, "1.1", "missingOrStaleItems").channel()).isEqualTo(Channel.VERIFICATION);
        assertThat(owner(owners, "4.1", "lateFilings").channel()).isEqualTo(Channel.REGISTER);
        assertThat(owner(owners, "2.3", "interpretationQuality").channel()).isEqualTo(Channel.COMPREHENSIVE);
        assertThat(owner(owners, "3.4", "messageHandling")).satisfies(o -> {
            assertThat(o.channel()).isEqualTo(Channel.EVALUATOR);
            assertThat(o.enteredBy()).isEqualTo("HOTLINE");
        });
        assertThat(owners.handedOver()).isEmpty();
        // and the office enters as values its own inputs and a register's override, never a finding count
        assertThat(owners.enteredAsValues(CATALOGUE.indicator("4.1").orElseThrow(), Catalogue.OFFICE)).hasSize(3);
        assertThat(owners.enteredAsValues(CATALOGUE.indicator("1.1").orElseThrow(), Catalogue.OFFICE)).isEmpty();
        assertThat(owners.enteredAsValues(CATALOGUE.indicator("4.9").orElseThrow(), Catalogue.OFFICE)).isEmpty();
    }

    @Test
    void anEvaluatorLeftOutHandsItsInputsToTheOfficeInComprehensiveEvaluation() {
        // given a campaign with three of the eleven evaluators
        InputOwners owners = InputOwners.of(CATALOGUE, List.of("FINANCE", "HOTLINE", "DRC"));

        // then 区委网信办、区政府新闻办's inputs are the office's, entered in comprehensive evaluation on its behalf
        Owner press = owner(owners, "4.9", "pressConferencesHeld");
        assertThat(press.channel()).isEqualTo(Channel.COMPREHENSIVE);
        assertThat(press.enteredBy()).isEqualTo(Catalogue.OFFICE);
        assertThat(press.handedOverFrom()).isEqualTo("MEDIA");
        assertThat(owners.describe(press)).isEqualTo("区政府办公室（综合评估，代区委网信办、区政府新闻办录入）");
        assertThat(owners.enteredAsValues(CATALOGUE.indicator("4.9").orElseThrow(), Catalogue.OFFICE))
                .extracting(Input::name).containsExactly("pressConferencesHeld", "traditionalMediaUsed");
        assertThat(owners.handedOver().get("MEDIA")).extracting(Indicator::code).containsExactly("3.7", "4.9", "4.10");
        // and 1.3 is split: 区发展改革委 keeps its input, 区市场监管局's goes to the office
        assertThat(owner(owners, "1.3", "doublePublicityPublished").enteredBy()).isEqualTo("DRC");
        assertThat(owner(owners, "1.3", "randomInspectionPublished").handedOverFrom()).isEqualTo("MARKET");
        // and an evaluator taking part keeps its own
        assertThat(owner(owners, "1.4", "missingLateOrIncompleteItems").enteredBy()).isEqualTo("FINANCE");
        assertThat(owners.handedOver()).doesNotContainKeys("FINANCE", "HOTLINE", "DRC").hasSize(8);
    }

    private static Owner owner(InputOwners owners, String indicator, String input) {
        return owners.of(indicator, input).orElseThrow();
    }
}
