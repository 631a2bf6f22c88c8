package cn.huangpu.assessment.security;

import cn.huangpu.assessment.web.NotFoundException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The logged-in user of the current request and its groups (roles). */
@Component
public class CurrentUser {

    public String id() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? null : authentication.getName();
    }

    public Set<String> groups() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return Set.of();
        }
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(CamundaIdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX))
                .map(a -> a.substring(CamundaIdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX.length()))
                .collect(Collectors.toSet());
    }

    public boolean isIn(String group) {
        return groups().contains(group);
    }

    public boolean isCoordinator() {
        return isIn(Groups.COORDINATOR);
    }

    public boolean isLeader() {
        return isIn(Groups.LEADER);
    }

    /** Unit staff of this unit. */
    public boolean isUnit(String unitCode) {
        return isIn(Groups.unit(unitCode));
    }

    /** Staff of this specialist evaluator. */
    public boolean isEvaluator(String evaluatorCode) {
        return isIn(Groups.evaluator(evaluatorCode));
    }

    /** The unit codes whose group the user is in. */
    public Set<String> unitCodes() {
        return groups().stream().filter(g -> g.startsWith(Groups.UNIT_PREFIX))
                .map(g -> g.substring(Groups.UNIT_PREFIX.length())).collect(Collectors.toSet());
    }

    /** The evaluator codes (upper case) whose group the user is in. */
    public Set<String> evaluatorCodes() {
        return groups().stream().filter(g -> g.startsWith(Groups.EVALUATOR_PREFIX))
                .map(g -> g.substring(Groups.EVALUATOR_PREFIX.length()).toUpperCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }

    /**
     * Lets the unit's own staff through, and the coordinator and leaders too when {@code officeReads}. Staff of
     * another unit are answered exactly as for a unit code that does not exist (404), so that no answer tells
     * them whether an id of another unit exists; a role that may not open such a page at all gets 403.
     */
    public void requireUnit(String unitCode, boolean officeReads, String refusal) {
        if (isUnit(unitCode) || officeReads && (isCoordinator() || isLeader())) {
            return;
        }
        if (!unitCodes().isEmpty()) {
            throw new NotFoundException("unit " + unitCode + " is not the caller's");
        }
        throw new AccessDenied(refusal);
    }

    /** As {@link #requireUnit} for a specialist evaluator's page: another evaluator's staff get 404. */
    public void requireEvaluator(String evaluatorCode, boolean officeReads, String refusal) {
        if (isEvaluator(evaluatorCode) || officeReads && (isCoordinator() || isLeader())) {
            return;
        }
        if (!evaluatorCodes().isEmpty()) {
            throw new NotFoundException("evaluator " + evaluatorCode + " is not the caller's");
        }
        throw new AccessDenied(refusal);
    }
}
