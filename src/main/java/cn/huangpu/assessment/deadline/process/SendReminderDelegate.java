package cn.huangpu.assessment.deadline.process;

import cn.huangpu.assessment.deadline.DeadlineNotices;
import cn.huangpu.assessment.workflow.DeadlineProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reminds the unit or evaluator {@code reminderDays} before its deadline (nothing once it has passed). */
@Component
class SendReminderDelegate implements JavaDelegate {

    private final DeadlineNotices notices;

    SendReminderDelegate(DeadlineNotices notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int days = ((Number) execution.getVariable(DeadlineProcess.REMINDER_DAYS)).intValue();
        notices.remind(DeadlineOf.execution(execution), days, DeadlineOf.workTaskId(execution));
    }
}
