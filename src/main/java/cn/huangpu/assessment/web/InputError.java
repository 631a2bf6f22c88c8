package cn.huangpu.assessment.web;

/**
 * One refused piece of input: the indicator (or null), the field and the reason, in Chinese.
 */
public record InputError(String indicator, String field, String reason) {

    public static InputError field(String field, String reason) {
        return new InputError(null, field, reason);
    }
}
