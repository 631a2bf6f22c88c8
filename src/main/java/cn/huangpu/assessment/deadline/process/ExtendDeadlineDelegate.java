package cn.huangpu.assessment.deadline.process;

import cn.huangpu.assessment.deadline.Deadline;
import cn.huangpu.assessment.deadline.DeadlineService;
import cn.huangpu.assessment.workflow.DeadlineProcess;
import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Gives one unit or evaluator a new deadline. The model then sets its reminders and deadline timer again,
 * and the task it is about shows the new due and follow-up dates (it stays the same task, claimed or not).
 */
@Component
class ExtendDeadlineDelegate implements JavaDelegate {

    private final DeadlineService deadlines;
    private final DeadlineReminders reminders;

    ExtendDeadlineDelegate(DeadlineService deadlines, DeadlineReminders reminders) {
        this.deadlines = deadlines;
        this.reminders = reminders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Deadline deadline = DeadlineOf.execution(execution);
        Date newDue = (Date) execution.getVariable(DeadlineProcess.NEW_DUE_DATE);
        deadlines.extend(deadline, newDue.toInstant(), (String) execution.getVariable(DeadlineProcess.CHASE_REASON),
                (String) execution.getVariable(DeadlineProcess.CHASED_BY));
        if (DeadlineOf.onOldModel(execution)) {
            // the old model reopens its task with this date and new timers
            execution.setVariable(OldModels.dueVariable(deadline.kind()), newDue);
            return;
        }
        execution.setVariable(DeadlineProcess.DUE, newDue);
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        DeadlineOf.workTask(execution).ifPresent(task -> {
            task.setDueDate(newDue);
            task.setFollowUpDate(reminders.followUp(newDue,
                    (String) execution.getVariable(DeadlineProcess.REMIND_DAYS_BEFORE)));
            tasks.saveTask(task);
        });
    }
}
