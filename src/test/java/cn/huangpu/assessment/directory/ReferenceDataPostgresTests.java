package cn.huangpu.assessment.directory;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.support.PostgresIntegrationTest;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;
import cn.huangpu.assessment.security.Groups;

@PostgresIntegrationTest
@TestPropertySource(properties = {
        "assessment.bootstrap-admin.id=firstadmin", "assessment.bootstrap-admin.password=s3cret-Start"})
class ReferenceDataPostgresTests extends ReferenceDataContract {

    @Autowired
    DataSource dataSource;

    @Autowired
    Environment environment;

    @Test
    void runsOnPostgresql() throws Exception {
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
    }

    @Test
    void thePostgresProfileHasNoDemoAccountsOnlyTheConfiguredFirstAdministrator() {
        assertThat(environment.getActiveProfiles()).doesNotContain("demo");
        assertThat(identityService.createUserQuery().list()).extracting(u -> u.getId()).containsExactly("firstadmin");
        assertThat(identityService.createUserQuery().memberOfGroup(Groups.ADMIN).count()).isOne();
        assertThat(identityService.checkPassword("firstadmin", "s3cret-Start")).isTrue();
    }
}
