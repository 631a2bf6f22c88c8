package cn.huangpu.assessment.workflow;

import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.TypedText;
import cn.huangpu.assessment.workflow.internal.TaskGoneException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What a user may send when working a task, decided in the engine's task and form services, so that every
 * route (the REST API, the Tasklist's engine API, the Java API) gets the same answer:
 * <ul>
 *   <li>a completion (complete, submit-form, resolve) carries only the fields the task's Camunda Form
 *       declares, each with the form field's type (a checkbox a boolean, a radio one of its values, …);
 *       identity and routing variables ({@code campaignId}, {@code unitCode}, dates) are declared by no form
 *       and so cannot be set or changed this way;</li>
 *   <li>the application's {@link CompletionCheck}s run before the engine completes the task, so that an
 *       incomplete self-check is refused with 400 and the reason in Chinese (a listener's exception inside
 *       the engine becomes a 500);</li>
 *   <li>BPMN errors and escalations cannot be thrown from a task: no model catches one, and an uncaught
 *       one would end the unit's process;</li>
 *   <li>a caller without the permission to read the task's variables (units and evaluators: variable
 *       permissions are enforced) still learns which Camunda Form the task has, and gets as form variables
 *       exactly those the form shows (its fields, and the names its texts insert, such as the campaign and the
 *       unit in the link to the self-check page), and no other;</li>
 *   <li>a claim is the caller's own (a candidate claiming for someone else would hand the task on), and an
 *       assignee, owner, delegate or new candidate must be a user or group that exists.</li>
 * </ul>
 * Other writes of variables (task, execution, process instance) are decided by the engine's variable
 * permissions, which units and evaluators do not hold.
 */
@Component
class TaskCompletionPolicy extends AbstractProcessEnginePlugin {

    private final ObjectProvider<CompletionCheck> checks;

    TaskCompletionPolicy(ObjectProvider<CompletionCheck> checks) {
        this.checks = checks;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        Guard guard = new Guard(configuration, checks);
        configuration.setTaskService(new GuardedTaskService(guard));
        configuration.setFormService(new GuardedFormService(guard));
    }

    /** The one check every completion route calls. */
    static final class Guard {

        private final ProcessEngineConfigurationImpl configuration;
        private final ObjectProvider<CompletionCheck> checks;

        Guard(ProcessEngineConfigurationImpl configuration, ObjectProvider<CompletionCheck> checks) {
            this.configuration = configuration;
            this.checks = checks;
        }

        boolean visible(String taskId) {
            return configuration.getTaskService().createTaskQuery().taskId(taskId).count() > 0;
        }

        void beforeCompletion(String taskId, Map<String, Object> submitted) {
            // the task as the caller sees it: for anyone else the engine's own command answers as it always does
            Task task = configuration.getTaskService().createTaskQuery().taskId(taskId).singleResult();
            if (task == null) {
                if (!exists(taskId)) {
                    // the engine would answer "Cannot find task", which the REST resources turn into a 500
                    throw new TaskGoneException();
                }
                return;
            }
            Map<String, Object> values = FormFields.plainValues(submitted);
            formOf(taskId).refuseUndeclared(values);
            List<CompletionCheck> applicable = checks.orderedStream()
                    .filter(c -> c.taskKeys().contains(task.getTaskDefinitionKey())).toList();
            if (applicable.isEmpty()) {
                return;
            }
            Map<String, Object> variables = new HashMap<>(processVariables(taskId));
            variables.putAll(values);
            try {
                for (CompletionCheck check : applicable) {
                    check.check(variables);
                }
            } catch (BadInputException e) {
                // the title and every error once, one per line: the Tasklist shows the message as it is
                throw FormFields.refused(e.listed());
            }
        }

        /**
         * Runs the engine's completion, answering as a refusal what a completion sent at the same instant as another
         * one of the same task meets (both passed the checks above): the task gone ("Cannot find task", or a
         * listener that found the work recorded already), or a listener's refusal, which the engine wraps in an
         * exception the REST resources answer with 500. The command rolled back: nothing of it is saved.
         */
        <T> T completing(String taskId, Supplier<T> completion) {
            try {
                return completion.get();
            } catch (FormFieldValidationException answered) {
                throw answered;
            } catch (RuntimeException failed) {
                // whatever the loser's command met (an optimistic lock, the winner's ended instance read half way,
                // which the engine can report as a NullPointerException while it closes, or the task's permissions
                // already removed), it rolled back; a refusal of a task that still exists stays as it is
                if (!exists(taskId)) {
                    throw new TaskGoneException();
                }
                for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
                    if (cause instanceof BadUserRequestException refusal) {
                        throw FormFields.refused(refusal.getMessage());
                    }
                }
                throw failed;
            }
        }

        /**
         * The task's form, read without checking the caller's permissions again: the caller was just found to see
         * the task, and the check is most of the read (a query of the authorizations per completion).
         */
        private FormFields formOf(String taskId) {
            return FormFields.of(() -> configuration.getCommandExecutorTxRequired().execute(context -> {
                context.disableAuthorizationCheck();
                try {
                    return new GetDeployedTaskFormCmd(taskId).execute(context);
                } finally {
                    context.enableAuthorizationCheck();
                }
            }));
        }

        /**
         * A claim is the caller's own. Claiming for someone else is an assignment, which needs TASK_ASSIGN: a unit's
         * staff could otherwise hand the unit's task to another unit's account, which then saw and worked it.
         */
        void refuseClaimForOthers(String userId) {
            Authentication caller = configuration.getIdentityService().getCurrentAuthentication();
            if (caller != null && userId != null && !userId.equals(caller.getUserId())) {
                throw new BadUserRequestException("只能认领给本人；交给他人办理须由有指派权限的人员指派");
            }
        }

        /**
         * Runs an assignment or a new candidate, which the engine first checks the caller may make, and refuses a
         * user or group that does not exist in the same transaction, before anything is saved (a made-up id longer
         * than the engine's column failed with a 500; a short one left the task with nobody who could work it).
         */
        void assigning(Runnable engineCall, String userId, String groupId) {
            configuration.getCommandExecutorTxRequired().execute(context -> {
                engineCall.run();
                context.disableAuthorizationCheck();
                try {
                    if (userId != null && context.getReadOnlyIdentityProvider().findUserById(userId) == null) {
                        throw new BadUserRequestException("用户不存在：" + TypedText.shown(userId));
                    }
                    if (groupId != null && context.getReadOnlyIdentityProvider().findGroupById(groupId) == null) {
                        throw new BadUserRequestException("用户组不存在：" + TypedText.shown(groupId));
                    }
                } finally {
                    context.enableAuthorizationCheck();
                }
                return null;
            });
        }

        /** Whether the task exists at all, whoever may see it. */
        private boolean exists(String taskId) {
            return configuration.getCommandExecutorTxRequired()
                    .execute(context -> context.getTaskManager().findTaskById(taskId) != null);
        }

        /** The task's variables as the application reads them, whatever the caller may read. */
        private Map<String, Object> processVariables(String taskId) {
            CommandExecutor executor = configuration.getCommandExecutorTxRequired();
            return executor.execute(context -> {
                TaskEntity task = context.getTaskManager().findTaskById(taskId);
                return task == null ? Map.<String, Object>of() : new HashMap<>(task.getVariables());
            });
        }
    }

    static final class GuardedTaskService extends TaskServiceImpl {

        private final Guard guard;

        GuardedTaskService(Guard guard) {
            this.guard = guard;
        }

        @Override
        public void complete(String taskId, Map<String, Object> variables) {
            guard.beforeCompletion(taskId, variables);
            guard.completing(taskId, () -> {
                super.complete(taskId, variables);
                return null;
            });
        }

        @Override
        public VariableMap completeWithVariablesInReturn(String taskId, Map<String, Object> variables, boolean deserializeValues) {
            guard.beforeCompletion(taskId, variables);
            return guard.completing(taskId, () -> super.completeWithVariablesInReturn(taskId, variables, deserializeValues));
        }

        @Override
        public void resolveTask(String taskId, Map<String, Object> variables) {
            try {
                guard.beforeCompletion(taskId, variables);
            } catch (FormFieldValidationException refused) {
                // the REST API answers 400 for this exception on resolve, where it answers 500 for the other
                throw new BadUserRequestException(refused.getMessage());
            }
            super.resolveTask(taskId, variables);
        }

        @Override
        public void resolveTask(String taskId) {
            resolveTask(taskId, null);
        }

        @Override
        public void handleBpmnError(String taskId, String errorCode, String errorMessage, Map<String, Object> variables) {
            throw noErrorsFromTasks();
        }

        @Override
        public void handleBpmnError(String taskId, String errorCode, String errorMessage) {
            throw noErrorsFromTasks();
        }

        @Override
        public void handleBpmnError(String taskId, String errorCode) {
            throw noErrorsFromTasks();
        }

        @Override
        public void handleEscalation(String taskId, String escalationCode, Map<String, Object> variables) {
            throw noErrorsFromTasks();
        }

        @Override
        public void handleEscalation(String taskId, String escalationCode) {
            throw noErrorsFromTasks();
        }

        @Override
        public void claim(String taskId, String userId) {
            guard.refuseClaimForOthers(userId);
            super.claim(taskId, userId);
        }

        @Override
        public void setAssignee(String taskId, String userId) {
            guard.assigning(() -> super.setAssignee(taskId, userId), userId, null);
        }

        @Override
        public void setOwner(String taskId, String userId) {
            guard.assigning(() -> super.setOwner(taskId, userId), userId, null);
        }

        @Override
        public void delegateTask(String taskId, String userId) {
            guard.assigning(() -> super.delegateTask(taskId, userId), userId, null);
        }

        @Override
        public void addCandidateUser(String taskId, String userId) {
            guard.assigning(() -> super.addCandidateUser(taskId, userId), userId, null);
        }

        @Override
        public void addCandidateGroup(String taskId, String groupId) {
            guard.assigning(() -> super.addCandidateGroup(taskId, groupId), null, groupId);
        }

        @Override
        public void addUserIdentityLink(String taskId, String userId, String identityLinkType) {
            guard.assigning(() -> super.addUserIdentityLink(taskId, userId, identityLinkType), userId, null);
        }

        @Override
        public void addGroupIdentityLink(String taskId, String groupId, String identityLinkType) {
            guard.assigning(() -> super.addGroupIdentityLink(taskId, groupId, identityLinkType), null, groupId);
        }

        private static BadUserRequestException noErrorsFromTasks() {
            return new BadUserRequestException("本系统的任务不接受 BPMN 错误或升级事件，请通过任务表单办理");
        }
    }

    static final class GuardedFormService extends FormServiceImpl {

        private final Guard guard;

        GuardedFormService(Guard guard) {
            this.guard = guard;
        }

        @Override
        public void submitTaskForm(String taskId, Map<String, Object> properties) {
            guard.beforeCompletion(taskId, properties);
            guard.completing(taskId, () -> {
                super.submitTaskForm(taskId, properties);
                return null;
            });
        }

        @Override
        public VariableMap submitTaskFormWithVariablesInReturn(String taskId, Map<String, Object> properties, boolean deserializeValues) {
            guard.beforeCompletion(taskId, properties);
            return guard.completing(taskId,
                    () -> super.submitTaskFormWithVariablesInReturn(taskId, properties, deserializeValues));
        }

        /**
         * The task's form reference (which Camunda Form to show) for a caller who may see the task but not read
         * its variables; the engine asks for READ_VARIABLE because a generated form carries variable values, and
         * so it is given only where the form holds no field values.
         */
        @Override
        public TaskFormData getTaskFormData(String taskId) {
            try {
                return super.getTaskFormData(taskId);
            } catch (AuthorizationException mayNotReadVariables) {
                if (!guard.visible(taskId)) {
                    throw mayNotReadVariables;
                }
                TaskFormData form = withoutAuthorizationCheck(new GetTaskFormCmd(taskId));
                if (form.getFormFields() != null && !form.getFormFields().isEmpty()) {
                    throw mayNotReadVariables;
                }
                return form;
            }
        }

        /**
         * For a caller who may see the task but not read its variables: the variables its form shows (a link
         * with the campaign and the unit), and no other.
         */
        @Override
        public VariableMap getTaskFormVariables(String taskId, Collection<String> formVariables, boolean deserializeObjectValues) {
            try {
                return super.getTaskFormVariables(taskId, formVariables, deserializeObjectValues);
            } catch (AuthorizationException mayNotReadVariables) {
                if (!guard.visible(taskId)) {
                    throw mayNotReadVariables;
                }
                Set<String> shown = new TreeSet<>(FormFields.of(this, taskId).shownVariables());
                if (formVariables != null) {
                    shown.retainAll(formVariables);
                }
                if (shown.isEmpty()) {
                    return Variables.createVariables();
                }
                return withoutAuthorizationCheck(new GetTaskFormVariablesCmd(taskId, shown, deserializeObjectValues));
            }
        }

        /** Runs a command the caller may see the task for, but whose variable check it would fail. */
        private <T> T withoutAuthorizationCheck(Command<T> command) {
            return commandExecutor.execute(context -> {
                context.disableAuthorizationCheck();
                try {
                    return command.execute(context);
                } finally {
                    context.enableAuthorizationCheck();
                }
            });
        }
    }
}
