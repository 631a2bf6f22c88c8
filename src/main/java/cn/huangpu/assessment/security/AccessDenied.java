package cn.huangpu.assessment.security;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A page the caller's role may not open at all (a unit opening the coordinator's page): answered 403. Another
 * unit's or evaluator's object is answered as not found instead ({@link CurrentUser#requireUnit}).
 */
public class AccessDenied extends ResponseStatusException {

    public AccessDenied(String reason) {
        super(HttpStatus.FORBIDDEN, reason);
    }
}
