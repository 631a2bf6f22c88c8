package cn.huangpu.assessment.web;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's JSON reading: parsers that name the field where a read limit was hit (see
 * {@link LocatingJsonFactory}). The engine's REST API has its own mapper and is not affected. The limits
 * themselves stay Jackson's defaults: the same mapper reads the engine REST bodies that the expression filter
 * inspects, and a limit stricter than the engine's would let a body past the filter that the engine then reads.
 */
@Configuration(proxyBeanMethods = false)
class JsonReadingConfiguration {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer locatingJsonParsers() {
        return builder -> builder.factory(new LocatingJsonFactory());
    }
}
