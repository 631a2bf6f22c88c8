package cn.huangpu.assessment.deadline.process;

import cn.huangpu.assessment.deadline.DeadlineService;
import cn.huangpu.assessment.workflow.DeadlineProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Closes an overdue self-check or specialist evaluation as not submitted: it is scored on what exists.
 * Declared in {@link OldModelBeanNames}, which also gives it the names of the first release's models.
 */
class CloseDeadlineDelegate implements JavaDelegate {

    private final DeadlineService deadlines;

    CloseDeadlineDelegate(DeadlineService deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        deadlines.close(DeadlineOf.execution(execution), (String) execution.getVariable(DeadlineProcess.CHASE_REASON),
                (String) execution.getVariable(DeadlineProcess.CHASED_BY));
    }
}
