package cn.huangpu.assessment.web;

/**
 * An id that names nothing the caller may see: an unknown campaign, unit, evaluator, file, finding or link
 * check, and just the same another unit's or another evaluator's one. Answered 404 with one fixed Chinese
 * message (the error page for a browser, the JSON error body for an API client), so that no answer tells
 * whether the id exists. The detail given to the constructor is for logs and debuggers, never for the answer.
 */
public class NotFoundException extends RuntimeException {

    /** What every caller reads, whatever was not found and why. */
    public static final String MESSAGE = "没有找到该记录。";

    public NotFoundException(String detail) {
        super(detail);
    }
}
