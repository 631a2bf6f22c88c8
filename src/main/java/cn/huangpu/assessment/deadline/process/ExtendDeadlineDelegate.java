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
        deadlines.extend(deadline, newDue.toInstant(), basis(execution, deadlines),
                (String) execution.getVariable(DeadlineProcess.CHASE_REASON),
                (String) execution.getVariable(DeadlineProcess.CHASED_BY));
        // consumed: a later chase that gives a date must not find this one's working days
        execution.removeVariable(DeadlineProcess.EXTEND_BY);
        execution.removeVariable(DeadlineProcess.EXTEND_WORKING_DAYS);
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

    /** How the chase counted the new date, for the record; null when it gave the date itself. */
    private static String basis(DelegateExecution execution, DeadlineService deadlines) {
        Object by = execution.getVariable(DeadlineProcess.EXTEND_BY);
        boolean afterDue = DeadlineProcess.BY_WORKING_DAYS_AFTER_DUE.equals(by);
        if (!afterDue && !DeadlineProcess.BY_WORKING_DAYS_FROM_TODAY.equals(by)) {
            return null;
        }
        // checked when the chase was completed
        String days = deadlines.givenWorkingDays(execution.getVariable(DeadlineProcess.EXTEND_WORKING_DAYS),
                DeadlineProcess.EXTEND_WORKING_DAYS, "工作日数").describe();
        return (afterDue ? "原截止时间后" : "自办理之日起") + days;
    }
}
