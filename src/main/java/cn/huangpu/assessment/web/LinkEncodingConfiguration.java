package cn.huangpu.assessment.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Links in pages are written as they are, not looked up as static resources.
 *
 * <p>Spring Boot registers {@link ResourceUrlEncodingFilter} whenever the resource chain is on, which the WebJars
 * locator turns on. The filter hands every link a page renders ({@code @{...}}) to the resource chain, and since
 * static files are served from {@code /**}, a link that is no file (each unit's link in a list of 6,000) is searched
 * for in every classpath location, on every render: half the CPU time of the list pages (JFR, 300 and 1,200 units).
 * Nothing here versions static files (no version strategy), so the filter changed only the WebJars' links, to the
 * path with the version, and the chain serves the path without it all the same. Boot's registration gives way to
 * this one, which is off.
 */
@Configuration(proxyBeanMethods = false)
class LinkEncodingConfiguration {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
