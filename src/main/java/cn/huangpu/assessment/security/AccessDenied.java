package cn.huangpu.assessment.security;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A page or resource of another unit, evaluator or role: answered 403. */
public class AccessDenied extends ResponseStatusException {

    public AccessDenied(String reason) {
        super(HttpStatus.FORBIDDEN, reason);
    }
}
