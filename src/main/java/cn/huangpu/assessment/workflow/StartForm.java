package cn.huangpu.assessment.workflow;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * What a process started by a person may carry, decided where it starts (its start listener) so that the REST
 * API's start and submit-form routes get the same answer: only the fields its deployed start form declares, each
 * with its field's type and length ({@link FormFields}). A list of units padded past what the engine stores in a
 * variable failed the start with a 500.
 */
public final class StartForm {

    private StartForm() {
    }

    /**
     * @param started the variables the engine itself sets at the start (the initiator), which no form declares
     * @throws BadUserRequestException naming the field and the reason, after {@code prefix}
     */
    public static void check(DelegateExecution execution, String prefix, String... started) {
        String definitionId = execution.getProcessDefinitionId();
        FormService forms = execution.getProcessEngineServices().getFormService();
        Map<String, Object> values = new HashMap<>(FormFields.plainValues(execution.getVariables()));
        for (String name : started) {
            values.remove(name);
        }
        try {
            FormFields.of(() -> forms.getDeployedStartForm(definitionId)).refuseUndeclared(values);
        } catch (FormFieldValidationException e) {
            throw new BadUserRequestException(prefix + e.getMessage());
        }
    }
}
