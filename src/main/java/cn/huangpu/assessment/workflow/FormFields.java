package cn.huangpu.assessment.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The fields a task's deployed Camunda Form declares (their {@code key}s), with the value each accepts.
 * A task without a Camunda Form declares none.
 */
final class FormFields {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Field key → the form component that declares it. */
    private final Map<String, JsonNode> fields;

    private FormFields(Map<String, JsonNode> fields) {
        this.fields = fields;
    }

    static FormFields of(FormService forms, String taskId) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        try (InputStream form = forms.getDeployedTaskForm(taskId)) {
            collect(JSON.readTree(form), fields);
        } catch (ProcessEngineException | IOException noCamundaForm) {
            // a task without a deployed Camunda Form takes no variables
        }
        return new FormFields(fields);
    }

    private static void collect(JsonNode node, Map<String, JsonNode> fields) {
        for (JsonNode component : node.path("components")) {
            if (component.hasNonNull("key")) {
                fields.put(component.get("key").asText(), component);
            }
            collect(component, fields);
        }
    }

    /** The values of submitted variables, typed values unwrapped; an undeserialized object is refused. */
    static Map<String, Object> plainValues(Map<String, Object> submitted) {
        Map<String, Object> values = new HashMap<>();
        if (submitted == null) {
            return values;
        }
        for (String name : submitted.keySet()) {
            Object value = submitted.get(name);
            try {
                values.put(name, value instanceof TypedValue typed ? typed.getValue() : value);
            } catch (RuntimeException serializedObject) {
                throw refused("字段 " + name + "：不接受序列化对象");
            }
        }
        return values;
    }

    /**
     * @throws FormFieldValidationException naming the first variable the form does not declare, or whose value
     *         the field does not take
     */
    void refuseUndeclared(Map<String, Object> values) {
        Set<String> undeclared = new TreeSet<>(values.keySet());
        undeclared.removeAll(fields.keySet());
        if (!undeclared.isEmpty()) {
            throw refused("不能提交任务表单以外的字段：" + String.join("、", undeclared));
        }
        values.forEach((name, value) -> {
            String reason = value == null ? null : refusal(fields.get(name), value);
            if (reason != null) {
                throw refused("字段 " + name + "：" + reason);
            }
        });
    }

    private static String refusal(JsonNode field, Object value) {
        return switch (field.path("type").asText()) {
            case "checkbox" -> value instanceof Boolean ? null : "应为是或否";
            case "number" -> value instanceof Number ? null : "应为数字";
            case "datetime" -> value instanceof String || value instanceof Date ? null : "应为日期时间";
            case "radio", "select" -> value instanceof String text && offers(field, text) ? null : "不是可选的值";
            default -> value instanceof String ? null : "应为文字";
        };
    }

    /** A refusal the engine REST API answers with 400 (it answers other engine exceptions of a completion with 500). */
    static FormFieldValidationException refused(String reason) {
        return new FormFieldValidationException(null, reason);
    }

    private static boolean offers(JsonNode field, String value) {
        for (JsonNode option : field.path("values")) {
            if (value.equals(option.path("value").asText())) {
                return true;
            }
        }
        return false;
    }
}
