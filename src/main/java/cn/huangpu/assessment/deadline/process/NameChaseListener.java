package cn.huangpu.assessment.deadline.process;

import cn.huangpu.assessment.deadline.Deadline;
import cn.huangpu.assessment.deadline.DeadlineNotices;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Names a new chase task after whose deadline it is ("督促逾期自查：外滩街道") and describes it with the
 * deadline that passed, so that the office's task list of sixty units reads at a glance; the words are
 * the task's own, not process variables.
 */
@Component
class NameChaseListener implements TaskListener {

    private final DeadlineNotices notices;

    NameChaseListener(DeadlineNotices notices) {
        this.notices = notices;
    }

    @Override
    public void notify(DelegateTask task) {
        Deadline deadline = DeadlineOf.task(task);
        task.setName(notices.chaseTaskName(deadline));
        task.setDescription(notices.chaseDescription(deadline));
    }
}
