package cn.huangpu.assessment.security;

import jakarta.servlet.DispatcherType;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The webapps' CSRF filter, as the Camunda starter would register it, but keeping the session on a refusal. */
@Configuration
class WebappCsrfConfiguration {

    /** The name under which the Camunda starter registers its CSRF filter; it skips a name already taken. */
    static final String CAMUNDA_FILTER_NAME = "CsrfPreventionFilter";

    /**
     * Registered before the starter's filters (which come last, in one initializer), with the starter's own
     * mappings and {@code camunda.bpm.webapp.csrf.*} settings, so that the starter finds the name taken and
     * keeps this one.
     */
    @Bean
    FilterRegistrationBean<SessionKeepingCsrfPreventionFilter> webappCsrfPreventionFilter(CamundaBpmProperties camunda) {
        FilterRegistrationBean<SessionKeepingCsrfPreventionFilter> registration =
                new FilterRegistrationBean<>(new SessionKeepingCsrfPreventionFilter());
        registration.setName(CAMUNDA_FILTER_NAME);
        String path = camunda.getWebapp().getApplicationPath();
        registration.addUrlPatterns(path + "/api/*", path + "/app/*");
        registration.setInitParameters(camunda.getWebapp().getCsrf().getInitParams());
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        // after the webapps' single sign-on (WebSecurityConfiguration), before the starter's own filters
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 5);
        return registration;
    }
}
