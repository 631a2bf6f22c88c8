package cn.huangpu.assessment.linkcheck;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration
@EnableScheduling
class LinkCheckConfiguration {

    @Bean
    LinkFetcher linkFetcher(LinkCheckSettings settings) {
        return new LinkFetcher(settings);
    }
}
