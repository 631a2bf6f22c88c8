package cn.huangpu.assessment.web;

import java.util.List;

/**
 * A save made on values that another user changed (or first entered) after the page or template was loaded.
 * Refused with HTTP 409 inside the transaction that would have saved it, so that nothing of the request is
 * saved; the other user's values stay as they are. Each error names an indicator (and field) that conflicts.
 */
public class EditConflictException extends RuntimeException {

    /** What the user reads first. */
    public static final String TITLE = "他人已修改，请刷新后再保存";

    private final List<InputError> conflicts;

    public EditConflictException(List<InputError> conflicts) {
        super(TITLE + (conflicts.isEmpty() ? "" : "：" + BadInputException.describe(conflicts)));
        this.conflicts = List.copyOf(conflicts);
    }

    public List<InputError> conflicts() {
        return conflicts;
    }
}
