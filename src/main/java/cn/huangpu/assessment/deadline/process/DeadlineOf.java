package cn.huangpu.assessment.deadline.process;

import cn.huangpu.assessment.deadline.Deadline;
import cn.huangpu.assessment.deadline.DeadlineKind;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.DeadlineProcess;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Reads the deadline an execution or task of processes/Deadline.bpmn is about from its inputs, or that of
 * an instance still running on the first release's models ({@link OldModels}), and finds the caller's task
 * it concerns.
 */
final class DeadlineOf {

    private DeadlineOf() {
    }

    static Deadline execution(DelegateExecution execution) {
        return read(execution, processKey(execution.getBpmnModelElementInstance()));
    }

    static Deadline task(DelegateTask task) {
        return read(task, processKey(task.getBpmnModelElementInstance()));
    }

    /** Whether the execution runs on a first-release model, where the deadline block sits in the caller. */
    static boolean onOldModel(DelegateExecution execution) {
        return !DeadlineProcess.KEY.equals(processKey(execution.getBpmnModelElementInstance()));
    }

    /** The key of the process an element is in, from the parsed model (no query, no authorization check). */
    private static String processKey(ModelElementInstance element) {
        ModelElementInstance scope = element;
        while (!(scope instanceof Process)) {
            scope = scope.getParentElement();
        }
        return ((Process) scope).getId();
    }

    /**
     * The deadline itself, from a task's variables: what a completion check gets, without the process key.
     * The deadline's inputs are there in processes/Deadline.bpmn, and never in a first-release model.
     */
    static Instant due(Map<String, Object> variables) {
        Object due = variables.containsKey(DeadlineProcess.KIND) ? variables.get(DeadlineProcess.DUE)
                : OldModels.due(variables);
        return ((Date) due).toInstant();
    }

    private static Deadline read(VariableScope scope, String processKey) {
        DeadlineKind kind;
        String code;
        Date due;
        if (!DeadlineProcess.KEY.equals(processKey)) {
            kind = OldModels.kind(processKey);
            code = (String) scope.getVariable(OldModels.codeVariable(kind));
            due = (Date) scope.getVariable(OldModels.dueVariable(kind));
        } else {
            kind = DeadlineKind.valueOf((String) scope.getVariable(DeadlineProcess.KIND));
            code = (String) scope.getVariable(DeadlineProcess.SUBJECT_CODE);
            due = (Date) scope.getVariable(DeadlineProcess.DUE);
        }
        return new Deadline(kind, (Long) scope.getVariable(CampaignProcess.CAMPAIGN_ID), code, due.toInstant());
    }

    /**
     * The open task the deadline is about: the one the caller named ({@code deadlineTask}) in the instance
     * that called the deadline, or on a first-release model the work task of the same instance.
     */
    static Optional<Task> workTask(DelegateExecution execution) {
        String instanceId;
        String taskKey;
        if (onOldModel(execution)) {
            instanceId = execution.getProcessInstanceId();
            taskKey = OldModels.workTask(execution(execution).kind());
        } else {
            DelegateExecution caller = execution.getProcessInstance().getSuperExecution();
            if (caller == null) {
                return Optional.empty();
            }
            instanceId = caller.getProcessInstanceId();
            taskKey = (String) execution.getVariable(DeadlineProcess.WORK_TASK);
        }
        return execution.getProcessEngineServices().getTaskService().createTaskQuery()
                .processInstanceId(instanceId).taskDefinitionKey(taskKey).active().list().stream().findFirst();
    }

    static String workTaskId(DelegateExecution execution) {
        return workTask(execution).map(Task::getId).orElse(null);
    }
}
