package cn.huangpu.assessment.workflow.internal;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A completion of a task that does not exist (any more): completed already, at the same instant on another route
 * or in another window, or never there. A form refusal, so that the REST resources pass it on instead of answering
 * 500 ("Cannot find task"); {@link EngineRestRefusals} answers it 404 with its Chinese reason.
 */
public final class TaskGoneException extends FormFieldValidationException {

    public static final String REASON = "该任务不存在或已办理完成（可能已在其他窗口提交），请刷新待办任务";

    public TaskGoneException() {
        super(null, REASON);
    }
}
