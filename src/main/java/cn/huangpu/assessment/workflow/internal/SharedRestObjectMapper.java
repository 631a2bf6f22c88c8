package cn.huangpu.assessment.workflow.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.util.concurrent.atomic.LongAdder;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * One Jackson mapper, configured exactly as Camunda's {@link JacksonConfigurator} configures one, for the
 * engine's REST resources (the Tasklist's {@code /camunda/api/engine} and {@code /engine-rest}).
 *
 * <p>Camunda's resolver builds a new {@code ObjectMapper} on every call, and the REST resources ask for one to
 * read each request's JSON (a Tasklist filter query, for instance), so every request built its deserializers
 * from nothing: a seventh of the Tasklist request's CPU in a profile. A configured mapper is thread-safe and
 * keeps what it learned. Jersey finds this class through {@code META-INF/services} (auto-discovery) and
 * registers the resolver in every JAX-RS application of the webapps and the REST API.
 */
public final class SharedRestObjectMapper implements AutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
        if (!context.getConfiguration().isRegistered(Resolver.class)) {
            context.register(Resolver.class);
        }
    }

    /**
     * Declared for the media types Camunda's resolver declares, since Jersey asks the resolvers of the most
     * specific media type first. Among those it asks in order of rank: Camunda's declares no priority, which
     * ranks below any declared one; with none declared here either, the order between the two would be their
     * order of registration, which differs from one start to the next (a test checks which one is asked).
     */
    @Provider
    @Produces({MediaType.APPLICATION_JSON, Hal.APPLICATION_HAL_JSON})
    @Priority(Priorities.USER)
    public static final class Resolver implements ContextResolver<ObjectMapper> {

        static final ObjectMapper MAPPER = JacksonConfigurator.configureObjectMapper(new ObjectMapper());
        private static final LongAdder served = new LongAdder();

        /** How often the REST resources asked for the mapper since start. */
        static long served() {
            return served.sum();
        }

        @Override
        public ObjectMapper getContext(Class<?> type) {
            served.increment();
            return MAPPER;
        }
    }
}
