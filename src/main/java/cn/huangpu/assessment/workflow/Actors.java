package cn.huangpu.assessment.workflow;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is acting inside a listener or delegate: the authenticated user, or "system" for the job executor. */
public final class Actors {

    public static final String SYSTEM = "system";

    private Actors() {
    }

    public static String of(DelegateTask task) {
        return of(task.getProcessEngineServices().getIdentityService());
    }

    public static String of(DelegateExecution execution) {
        return of(execution.getProcessEngineServices().getIdentityService());
    }

    private static String of(IdentityService identityService) {
        Authentication authentication = identityService.getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? SYSTEM : authentication.getUserId();
    }
}
