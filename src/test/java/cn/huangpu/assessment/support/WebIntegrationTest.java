package cn.huangpu.assessment.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a real port (the engine REST API and the webapps are not reachable through
 * MockMvc). The REST API finds its engine by name in a JVM-wide registry, where the engine of another
 * cached test context may have taken the name "default"; {@link DefaultEngineExtension} gives it back
 * to this context's engine before each test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@ExtendWith(DefaultEngineExtension.class)
@Import(ExpressionProbe.class)
public @interface WebIntegrationTest {
}
