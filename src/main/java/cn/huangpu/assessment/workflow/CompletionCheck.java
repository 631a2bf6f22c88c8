package cn.huangpu.assessment.workflow;

import cn.huangpu.assessment.web.BadInputException;
import java.util.Map;
import java.util.Set;

/**
 * A check of a user task's completion, run before the engine completes it, so that a refusal answers
 * HTTP 400 with the reason (the engine itself wraps a listener's exception into a 500). The task's
 * complete listener runs the same check again for callers of the Java API.
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
