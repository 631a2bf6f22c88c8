package cn.huangpu.assessment.web;

/**
 * A unit or evaluator asked for its own page of a campaign it does not take part in. Answered 404 like an unknown
 * id, but with the reason (and where its work goes instead): the caller knows which campaigns exist and who it is,
 * so the reason tells it nothing it could not see. Another unit's or evaluator's id stays a {@link NotFoundException}.
 */
public class NotTakingPartException extends RuntimeException {

    /** @param reason the Chinese sentence the page or the error body shows */
    public NotTakingPartException(String reason) {
        super(reason);
    }
}
