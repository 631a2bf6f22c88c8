package cn.huangpu.assessment.support;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestConfiguration;

/**
 * A bean an injected expression would call ({@code ${expressionProbe.touch()}}): the engine's expression
 * manager resolves Spring beans, so a call count above zero proves that an attack payload was executed.
 */
@TestConfiguration(value = "expressionProbe", proxyBeanMethods = false)
public class ExpressionProbe {

    public final AtomicInteger calls = new AtomicInteger();

    public String touch() {
        calls.incrementAndGet();
        return "touched";
    }
}
