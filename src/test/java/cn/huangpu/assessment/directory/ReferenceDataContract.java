package cn.huangpu.assessment.directory;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.security.Groups;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;

/** What the seeded reference data must hold on every database. */
abstract class ReferenceDataContract {

    @Autowired
    ReferenceData referenceData;

    @Autowired
    IdentityService identityService;

    @Autowired
    List<ApplicationRunner> runners;

    @Test
    void seedsTheHuangpuUnitsWithStableCodesAndNames() {
        List<Unit> units = referenceData.activeUnits();

        assertThat(units).hasSizeGreaterThanOrEqualTo(40);
        assertThat(units).extracting(Unit::code).doesNotHaveDuplicates().allMatch(c -> c.matches("[a-z]+"));
        assertThat(units).extracting(Unit::name).doesNotHaveDuplicates();
        assertThat(units).filteredOn(u -> u.kind() == UnitKind.STREET).extracting(Unit::name)
                .containsExactly("外滩街道", "南京东路街道", "半淞园路街道", "小东门街道", "豫园街道",
                        "老西门街道", "五里桥街道", "打浦桥街道", "淮海中路街道", "瑞金二路街道");
    }

    @Test
    void listsTheSeededUnitsDepartmentsFirstThenStreetsInTheUsualOrder() {
        // given every seeded unit, by code as a campaign lists them
        List<String> codes = referenceData.activeUnits().stream().map(Unit::code).sorted().toList();

        // when they are grouped for a page
        List<UnitOrder.Group<String>> groups = referenceData.unitOrder().grouped(codes, c -> c);

        // then 37 departments come first, from 区发展改革委 to 区残联, then the 10 streets, from 外滩街道 to 瑞金二路街道
        assertThat(groups).extracting(UnitOrder.Group::label).containsExactly("委办局", "街道");
        assertThat(groups).extracting(UnitOrder.Group::size).containsExactly(37, 10);
        UnitOrder order = referenceData.unitOrder();
        assertThat(order.name(groups.get(0).items().get(0))).isEqualTo("区发展改革委");
        assertThat(order.name(groups.get(0).items().get(36))).isEqualTo("区残联");
        assertThat(groups.get(1).items()).extracting(order::name).containsExactly("外滩街道", "南京东路街道",
                "半淞园路街道", "小东门街道", "豫园街道", "老西门街道", "五里桥街道", "打浦桥街道", "淮海中路街道", "瑞金二路街道");
    }

    @Test
    void seedsTheElevenSpecialistEvaluatorsLinkedToTheUnitsTheyAlsoAre() {
        List<Evaluator> evaluators = referenceData.evaluators();

        assertThat(evaluators).hasSize(11);
        assertThat(referenceData.evaluator("FINANCE")).get()
                .extracting(Evaluator::unitCode).isEqualTo("czj");
        assertThat(referenceData.unit("czj")).get().extracting(Unit::name).isEqualTo("区财政局");
        assertThat(evaluators).filteredOn(e -> e.unitCode() != null)
                .allSatisfy(e -> assertThat(referenceData.unit(e.unitCode())).isPresent());
    }

    @Test
    void createsAGroupPerUnitPerEvaluatorAndPerRole() {
        long expected = referenceData.activeUnits().size() + referenceData.evaluators().size() + 3;

        assertThat(identityService.createGroupQuery().count()).isEqualTo(expected);
        assertThat(identityService.createGroupQuery().groupId(Groups.unit("waitan")).singleResult().getName())
                .isEqualTo("外滩街道");
        assertThat(identityService.createGroupQuery().groupId(Groups.COORDINATOR).count()).isOne();
        assertThat(identityService.createGroupQuery().groupId(Groups.LEADER).count()).isOne();
        assertThat(identityService.createGroupQuery().groupId(Groups.ADMIN).count()).isOne();
    }

    @Test
    void seedingAgainCreatesNoDuplicates() throws Exception {
        // given what the first start seeded
        long groups = identityService.createGroupQuery().count();
        long users = identityService.createUserQuery().count();
        long memberships = identityService.createUserQuery().memberOfGroup(Groups.unit("waitan")).count();

        // when the seeders run again, as on a restart
        ApplicationArguments args = new DefaultApplicationArguments();
        for (ApplicationRunner runner : runners) {
            runner.run(args);
        }

        // then nothing is duplicated
        assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
        assertThat(identityService.createUserQuery().count()).isEqualTo(users);
        assertThat(identityService.createUserQuery().memberOfGroup(Groups.unit("waitan")).count()).isEqualTo(memberships);
    }
}
