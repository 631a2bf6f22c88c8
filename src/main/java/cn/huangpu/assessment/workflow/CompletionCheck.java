package cn.huangpu.assessment.workflow;

import cn.huangpu.assessment.web.BadInputException;
import java.util.Map;
import java.util.Set;

/**
 * A check of a user task's completion, run by the engine's task and form services before the engine
 * completes it ({@link TaskCompletionPolicy}), so that a refusal answers HTTP 400 with the reason on every
 * route (the engine itself wraps a listener's exception into a 500). The task's complete listener may run
 * the same rule again inside the engine's transaction.
 */
public interface CompletionCheck {

    /** The task definition keys this check applies to. */
    Set<String> taskKeys();

    /**
     * @param variables the task's variables with the submitted ones laid over them
     * @throws BadInputException when the task may not be completed with these values
     */
    void check(Map<String, Object> variables);
}
