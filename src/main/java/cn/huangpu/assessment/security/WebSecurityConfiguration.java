package cn.huangpu.assessment.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * One login for the app pages and the Camunda webapps: the Chinese login page at {@code /login}
 * checks the Camunda identity service, and the webapps take the logged-in user from the session
 * (container-based authentication). API clients use HTTP Basic. Health, static assets and the public
 * results are open; everything else needs a login.
 */
@Configuration
class WebSecurityConfiguration {

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, CamundaIdentityAuthenticationProvider provider)
            throws Exception {
        http
            // One manager with the one provider and no parent: as an added provider it also sat in the global
            // manager, which checked a wrong password a second time (and counted it twice).
            .authenticationManager(new ProviderManager(provider))
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                // The metrics (and anything else exposed under /actuator, now or later) are for the people who run
                // the system: administrators, by HTTP Basic for Prometheus or by their login.
                .requestMatchers("/actuator", "/actuator/**").hasAuthority(authority(Groups.ADMIN))
                .requestMatchers("/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error").permitAll()
                .requestMatchers("/login", "/public/**").permitAll()
                // CVE-2026-77226 (no CE fix): the Admin setup endpoint creates an administrator whenever the
                // camunda-admin group has no direct member. Administrators come from the bootstrap settings.
                .requestMatchers("/camunda/api/admin/setup/**").denyAll()
                // One login: the webapps' own login form would be a second door to the same accounts.
                .requestMatchers("/camunda/api/admin/auth/user/*/login/**").denyAll()
                // It checks any account's password for any logged-in user, past the LoginThrottle; no webapp uses it.
                .requestMatchers("/engine-rest/identity/verify", "/camunda/api/engine/engine/*/identity/verify").denyAll()
                // The engine REST API authenticates by its own filter (HTTP Basic against the identity service).
                .requestMatchers("/engine-rest/**").permitAll()
                // The webapps' static client and their own API check the Camunda session the filter below sets.
                .requestMatchers("/camunda/api/**", "/camunda/assets/**", "/camunda/lib/**", "/camunda/app/*/scripts/**",
                        "/camunda/app/*/styles/**", "/camunda/app/*/locales/**", "/camunda/app/*/assets/**",
                        "/camunda/webjars/**", "/camunda/plugin/**").permitAll()
                .requestMatchers("/api/scoring/**").hasAuthority(authority(Groups.COORDINATOR))
                .anyRequest().authenticated())
            // A login refused by the LoginThrottle is answered 429 with the wait; a wrong password as before.
            .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
                    .failureHandler(LoginFailureAnswers.form()).permitAll())
            .httpBasic(basic -> basic.authenticationEntryPoint(LoginFailureAnswers.basic()))
            .logout(logout -> logout
                .logoutRequestMatcher(new OrRequestMatcher(
                        new AntPathRequestMatcher("/logout", "POST"),
                        new AntPathRequestMatcher("/camunda/api/admin/auth/user/*/logout", "POST")))
                .logoutSuccessUrl("/login?logout"))
            .headers(headers -> headers.addHeaderWriter(new ContentSecurityPolicy()))
            // The Camunda webapps carry their own CSRF filter; /engine-rest and /api take Basic credentials.
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
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 20);
        return registration;
    }

    /** The webapps take the user logged in through {@code /login} (the request's principal) as theirs. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappSingleSignOn() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("camunda-webapp-sso");
        registration.addUrlPatterns("/camunda/*");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                ContainerBasedAuthenticationProvider.class.getName());
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }

    /** In front of the webapps' filters: their put of unchanged authentications is no write of the shared session. */
    @Bean
    FilterRegistrationBean<UnchangedAuthenticationsFilter> unchangedAuthentications() {
        FilterRegistrationBean<UnchangedAuthenticationsFilter> registration =
                new FilterRegistrationBean<>(new UnchangedAuthenticationsFilter());
        registration.setName("camunda-webapp-unchanged-authentications");
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 30);
        return registration;
    }

    static String authority(String groupId) {
        return CamundaIdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX + groupId;
    }
}
