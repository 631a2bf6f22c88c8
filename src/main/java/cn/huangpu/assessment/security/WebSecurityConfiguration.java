package cn.huangpu.assessment.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may reach which path. Health, static assets and the public results are open; the Camunda
 * webapps authenticate through their own login; {@code /engine-rest} through HTTP Basic against the
 * engine's identity service; everything else needs a login.
 */
@Configuration
class WebSecurityConfiguration {

    @Bean
    SecurityFilterChain apiFilterChain(HttpSecurity http, CamundaIdentityAuthenticationProvider provider)
            throws Exception {
        http
            .authenticationProvider(provider)
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error").permitAll()
                .requestMatchers("/public/**").permitAll()
                .requestMatchers("/camunda/**", "/engine-rest/**").permitAll()
                .requestMatchers("/api/scoring/**").hasAuthority(authority(Groups.COORDINATOR))
                .anyRequest().authenticated())
            .httpBasic(Customizer.withDefaults())
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
            // The Camunda webapps carry their own CSRF filter; /engine-rest and /api take Basic credentials, not cookies.
            .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**", "/engine-rest/**", "/api/**"));
        return http.build();
    }

    /** Basic authentication for the engine REST API, checked by the engine against its identity service. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-rest-auth");
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        return registration;
    }

    static String authority(String groupId) {
        return CamundaIdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX + groupId;
    }
}
