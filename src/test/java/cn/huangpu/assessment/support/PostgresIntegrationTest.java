package cn.huangpu.assessment.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** The whole application on an embedded PostgreSQL server, under the production {@code postgres} profile. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@ActiveProfiles({"postgres", "test"})
@Import(EmbeddedPostgresConfiguration.class)
public @interface PostgresIntegrationTest {
}
