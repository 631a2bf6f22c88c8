package cn.huangpu.assessment.deadline.process;

import cn.huangpu.assessment.deadline.Deadline;
import cn.huangpu.assessment.deadline.DeadlineNotices;
import cn.huangpu.assessment.deadline.DeadlineService;
import cn.huangpu.assessment.workflow.DeadlineProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The deadline passed: the task stays open but is marked overdue, and the unit or evaluator is told. */
@Component
class MarkOverdueDelegate implements JavaDelegate {

    private final DeadlineService deadlines;
    private final DeadlineNotices notices;

    MarkOverdueDelegate(DeadlineService deadlines, DeadlineNotices notices) {
        this.deadlines = deadlines;
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Deadline deadline = DeadlineOf.execution(execution);
        // the first release's models always chase
        boolean chased = DeadlineOf.onOldModel(execution)
                || Boolean.TRUE.equals(execution.getVariable(DeadlineProcess.WITH_CHASE));
        deadlines.passed(deadline);
        notices.overdue(deadline, chased, DeadlineOf.workTaskId(execution));
    }
}
