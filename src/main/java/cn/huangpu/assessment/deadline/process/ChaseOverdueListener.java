package cn.huangpu.assessment.deadline.process;

import cn.huangpu.assessment.deadline.DeadlineService;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.InputError;
import cn.huangpu.assessment.workflow.Actors;
import cn.huangpu.assessment.workflow.CompletionCheck;
import cn.huangpu.assessment.workflow.DeadlineProcess;
import cn.huangpu.assessment.workflow.Deadlines;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The office's decision on an overdue unit or evaluator: a choice, a reason, and for an extension a
 * new deadline after now and after the old one, given as a date or as a number of working days after the old
 * deadline or after today (counted with the working-day calendar; the date it gives is what the deadline gets).
 */
@Component
class ChaseOverdueListener implements TaskListener, CompletionCheck {

    /** The chase task of processes/Deadline.bpmn, and those of the first release's models. */
    private static final Set<String> CHASE_TASKS = Stream.concat(Stream.of(DeadlineProcess.CHASE),
            OldModels.CHASE_TASKS.stream()).collect(Collectors.toUnmodifiableSet());

    private final DeadlineService deadlines;

    ChaseOverdueListener(DeadlineService deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public Set<String> taskKeys() {
        return CHASE_TASKS;
    }

    @Override
    public void check(Map<String, Object> variables) {
        newDue(variables);
    }

    /** Checks the decision and returns the new deadline of an extension (null when closing). */
    private Instant newDue(Map<String, Object> variables) {
        Object decision = variables.get(DeadlineProcess.CHASE_DECISION);
        Object reason = variables.get(DeadlineProcess.CHASE_REASON);
        if (!DeadlineProcess.EXTEND.equals(decision) && !DeadlineProcess.CLOSE.equals(decision)) {
            throw refused(DeadlineProcess.CHASE_DECISION, "处理方式", "请选择处理方式：延长期限，或按未提交关闭");
        }
        if (reason == null || reason.toString().isBlank()) {
            throw refused(DeadlineProcess.CHASE_REASON, "处理说明", "请填写处理说明");
        }
        if (!DeadlineProcess.EXTEND.equals(decision)) {
            return null;
        }
        Instant due = DeadlineOf.due(variables);
        Object by = variables.get(DeadlineProcess.EXTEND_BY);
        Instant newDue;
        if (by == null || DeadlineProcess.BY_DATE.equals(by)) {
            try {
                newDue = Deadlines.toInstant(variables.get(DeadlineProcess.NEW_DUE_DATE));
            } catch (IllegalArgumentException e) {
                throw refused(DeadlineProcess.NEW_DUE_DATE, "新的截止时间", e.getMessage());
            }
        } else if (DeadlineProcess.BY_WORKING_DAYS_AFTER_DUE.equals(by) || DeadlineProcess.BY_WORKING_DAYS_FROM_TODAY.equals(by)) {
            newDue = deadlines.extendedByWorkingDays(due, DeadlineProcess.BY_WORKING_DAYS_FROM_TODAY.equals(by),
                    variables.get(DeadlineProcess.EXTEND_WORKING_DAYS), DeadlineProcess.EXTEND_WORKING_DAYS);
        } else {
            throw refused(DeadlineProcess.EXTEND_BY, "延期方式", "请选择延期方式：指定新的截止时间，或按工作日延长");
        }
        deadlines.checkExtension(due, newDue);
        return newDue;
    }

    private static BadInputException refused(String field, String label, String reason) {
        return new BadInputException("逾期处理有误", InputError.field(field, label, reason));
    }

    @Override
    public void notify(DelegateTask task) {
        try {
            Instant newDue = newDue(task.getVariables());
            if (newDue != null) {
                task.setVariable(DeadlineProcess.NEW_DUE_DATE, Date.from(newDue));
            }
        } catch (BadInputException e) {
            throw new BadUserRequestException(BadInputException.describe(e.errors()));
        }
        task.setVariable(DeadlineProcess.CHASED_BY, Actors.of(task));
    }
}
