package cn.huangpu.assessment.security;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The host check in front of everything that could echo the request's host. */
@Configuration
class TrustedHostConfiguration {

    @Bean
    FilterRegistrationBean<TrustedHostFilter> trustedHostFilter(SiteAddress site) {
        FilterRegistrationBean<TrustedHostFilter> registration = new FilterRegistrationBean<>(new TrustedHostFilter(site));
        registration.setName("trusted-host");
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        // after the character encoding (and Spring's forwarded-header filter, when that strategy is chosen),
        // before Spring Security and the webapps
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
