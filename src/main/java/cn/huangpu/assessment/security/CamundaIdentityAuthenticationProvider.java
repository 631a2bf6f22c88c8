package cn.huangpu.assessment.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks user names and passwords against the Camunda identity service, so that the app, the
 * Camunda webapps and the REST API share one set of accounts. Each Camunda group becomes an
 * authority {@code GROUP_<id>}. Every check passes the {@link LoginThrottle} first, per client
 * address, so that the password is not even looked at while that address must wait.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    static final String GROUP_AUTHORITY_PREFIX = "GROUP_";

    private final IdentityService identityService;
    private final LoginThrottle throttle;

    CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle) {
        this.identityService = identityService;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || credentials == null) {
            throw new BadCredentialsException("用户名或密码错误");
        }
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        LoginThrottle.Attempt attempt = throttle.attempt(userId, address);
        if (attempt instanceof LoginThrottle.Refused refused) {
            throw new LoginThrottledException(refused.retryAfter());
        }
        LoginThrottle.Allowed allowed = (LoginThrottle.Allowed) attempt;
        boolean right;
        try {
            right = identityService.checkPassword(userId, credentials.toString());
        } catch (RuntimeException engineFailure) {
            throttle.abandoned(allowed);
            throw engineFailure;
        }
        if (!right) {
            throttle.failed(allowed);
            throw new BadCredentialsException("用户名或密码错误");
        }
        throttle.succeeded(allowed);
        List<GrantedAuthority> authorities = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .<GrantedAuthority>map(id -> new SimpleGrantedAuthority(GROUP_AUTHORITY_PREFIX + id))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
