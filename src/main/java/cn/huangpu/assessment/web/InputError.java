package cn.huangpu.assessment.web;

/**
 * One refused piece of input: the indicator (or null), the field as code and clients name it (an input name,
 * a request property, a spreadsheet cell; or null), the field as people call it (Chinese; or null where the
 * reason names it already) and the reason, in Chinese. What people read is {@link #text()}, which never shows
 * the machine name; clients also get {@link #field()} to point at the input.
 */
public record InputError(String indicator, String field, String label, String reason) {

    /** An error whose reason says which field it is about (or that is about no single field). */
    public InputError(String indicator, String field, String reason) {
        this(indicator, field, null, reason);
    }

    public static InputError field(String field, String reason) {
        return new InputError(null, field, null, reason);
    }

    public static InputError field(String field, String label, String reason) {
        return new InputError(null, field, label, reason);
    }

    /** The same error with the indicator and field kept and another reason, e.g. prefixed with the unit. */
    public InputError withReason(String otherReason) {
        return new InputError(indicator, field, label, otherReason);
    }

    /**
     * The error as people read it, e.g. "指标 1.1 证明链接：最多20条，现有21条": the indicator, the field's label
     * unless the reason names it already (as "未填写完成情况" does), and the reason.
     */
    public String text() {
        StringBuilder text = new StringBuilder();
        if (indicator != null) {
            text.append("指标 ").append(indicator).append(' ');
        }
        if (label != null && !label.isBlank() && (reason == null || !reason.contains(label))) {
            text.append(label).append('：');
        }
        return text.append(reason == null ? "" : reason).toString().strip();
    }
}
