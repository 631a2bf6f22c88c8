package cn.huangpu.assessment.directory;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.security.Groups;
import cn.huangpu.assessment.support.H2IntegrationTest;
import org.junit.jupiter.api.Test;

@H2IntegrationTest
class ReferenceDataH2Tests extends ReferenceDataContract {

    @Test
    void theDemoProfileHasAnAccountPerRoleAndPerUnit() {
        assertThat(identityService.checkPassword("office01", "demo")).isTrue();
        assertThat(identityService.createUserQuery().memberOfGroup(Groups.COORDINATOR).count()).isOne();
        assertThat(identityService.createUserQuery().memberOfGroup(Groups.LEADER).count()).isOne();
        assertThat(identityService.createUserQuery().memberOfGroup(Groups.ADMIN).count()).isOne();
        for (Unit unit : referenceData.activeUnits()) {
            assertThat(identityService.createUserQuery().memberOfGroup(Groups.unit(unit.code())).count())
                    .as(unit.name()).isOne();
        }
        for (Evaluator evaluator : referenceData.evaluators()) {
            assertThat(identityService.createUserQuery().memberOfGroup(Groups.evaluator(evaluator.code())).count())
                    .as(evaluator.name()).isOne();
        }
    }
}
