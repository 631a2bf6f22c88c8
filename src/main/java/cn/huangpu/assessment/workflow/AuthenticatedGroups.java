package cn.huangpu.assessment.workflow;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Passes a user's groups to the engine's authorization checks as they are, instead of first narrowing
 * them to the groups that hold any authorization.
 *
 * <p>The engine narrows them with {@code SELECT DISTINCT GROUP_ID_ FROM ACT_RU_AUTHORIZATION} at the
 * start of every authorized command. That helps installations whose users sit in hundreds of directory
 * groups; here a user has two or three. But every open task carries an authorization for its unit's group,
 * so the table grows with the campaign: at 6,000 units the scan ran several times per Tasklist request and
 * once per task completion, and was what made the task list slower as campaigns grew. A group without
 * authorizations matches no row in any check, so leaving it in the list changes no answer.
 */
@Component
class AuthenticatedGroups extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(new Factory());
        configuration.setCustomSessionFactories(factories);
    }

    /** Registered under the engine's own manager type, so every command gets this one. */
    static final class Factory implements SessionFactory {

        @Override
        public Class<?> getSessionType() {
            return AuthorizationManager.class;
        }

        @Override
        public Session openSession() {
            return new UnfilteredAuthorizationManager();
        }
    }

    static final class UnfilteredAuthorizationManager extends AuthorizationManager {

        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            return authenticatedGroupIds == null ? new ArrayList<>() : new ArrayList<>(authenticatedGroupIds);
        }
    }
}
