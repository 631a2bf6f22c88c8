package cn.huangpu.assessment.web;

import cn.huangpu.assessment.web.internal.RequestLimits;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers the request-size limit ahead of every filter that reads a body or authenticates. */
@Configuration
class RequestSizeConfiguration {

    /**
     * Just after Spring's character-encoding filter (HIGHEST_PRECEDENCE), so that a form parsed here is read as
     * UTF-8; before the form-content filter (-9900), Spring Security's chain (-100) and the engine's filters of
     * security/WebSecurityConfiguration (LOWEST_PRECEDENCE - 30 and later), which read bodies or authenticate.
     */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    FilterRegistrationBean<RequestSizeFilter> requestSizeFilter(RequestLimits limits, ObjectMapper json) {
        FilterRegistrationBean<RequestSizeFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeFilter(limits, json));
        registration.setName("request-size-limit");
        registration.addUrlPatterns("/*");
        registration.setOrder(ORDER);
        return registration;
    }
}
