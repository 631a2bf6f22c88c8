package cn.huangpu.assessment.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.support.PostgresIntegrationTest;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

@PostgresIntegrationTest
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
    void thePostgresProfileHasNoDemoAccounts() {
        assertThat(environment.getActiveProfiles()).doesNotContain("demo");
        assertThat(identityService.createUserQuery().count()).isZero();
    }
}
