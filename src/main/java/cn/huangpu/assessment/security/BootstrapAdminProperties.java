package cn.huangpu.assessment.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator of a fresh production database, created once at start when both values are
 * given (environment: {@code ASSESSMENT_BOOTSTRAP_ADMIN_ID}, {@code ASSESSMENT_BOOTSTRAP_ADMIN_PASSWORD}).
 */
@ConfigurationProperties(prefix = "assessment.bootstrap-admin")
record BootstrapAdminProperties(String id, String password) {

    boolean isGiven() {
        return id != null && !id.isBlank() && password != null && !password.isBlank();
    }
}
