package cn.huangpu.assessment.security;

import java.util.List;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.springframework.stereotype.Component;

/**
 * What the engine grants a task's candidates and assignee on the task: READ and TASK_WORK (claim,
 * complete), and not the task's variables. With variable permissions enforced the engine's default
 * provider also grants READ_VARIABLE, which let a unit read every variable of its process; its form needs
 * none (units and evaluators reach their pages by their own group).
 */
@Component
class CandidatePermissions extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new WorkWithoutVariables());
    }

    static final class WorkWithoutVariables extends DefaultAuthorizationProvider {

        @Override
        protected Permission[] getRuntimePermissions(boolean enforceSpecificVariablePermission) {
            return List.of(Permissions.READ, TaskPermissions.TASK_WORK).toArray(new Permission[0]);
        }

        @Override
        protected Permission[] getHistoricPermissions(boolean enforceSpecificVariablePermission) {
            return List.of(HistoricTaskPermissions.READ).toArray(new Permission[0]);
        }
    }
}
