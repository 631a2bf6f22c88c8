package cn.huangpu.assessment.workflow;

import cn.huangpu.assessment.web.TypedText;
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
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /** The most characters the engine stores in a text variable (ACT_RU_VARIABLE.TEXT_ is varchar(4000)). */
    static final int ENGINE_TEXT_LENGTH = 4000;

    /** A variable a form text inserts, in form-js templating: {@code {{campaignId}}}. */
    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

    /** Field key → the form component that declares it. */
    private final Map<String, JsonNode> fields;
    private final Set<String> templateNames;

    private FormFields(Map<String, JsonNode> fields, Set<String> templateNames) {
        this.fields = fields;
        this.templateNames = templateNames;
    }

    static FormFields of(FormService forms, String taskId) {
        return of(() -> forms.getDeployedTaskForm(taskId));
    }

    /** The fields of the deployed Camunda Form {@code deployed} opens; none where the task has no such form. */
    static FormFields of(Supplier<InputStream> deployed) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        Set<String> templateNames = new TreeSet<>();
        try (InputStream form = deployed.get()) {
            JsonNode definition = JSON.readTree(form);
            collect(definition, fields);
            collectTemplates(definition, templateNames);
        } catch (ProcessEngineException | IOException noCamundaForm) {
            // a task without a deployed Camunda Form takes and shows no variables
        }
        return new FormFields(fields, templateNames);
    }

    /** The variables the form shows: its fields and the names its texts' templates ({@code {{name}}}) insert. */
    Set<String> shownVariables() {
        Set<String> names = new TreeSet<>(fields.keySet());
        names.addAll(templateNames);
        return names;
    }

    private static void collectTemplates(JsonNode node, Set<String> names) {
        if (node.isTextual()) {
            Matcher reference = TEMPLATE_VARIABLE.matcher(node.asText());
            while (reference.find()) {
                names.add(reference.group(1));
            }
        }
        node.forEach(child -> collectTemplates(child, names));
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
            try {
                // inside the try: a VariableMap's get() unwraps the typed value itself, and a serialized object
                // that is not deserialized throws there ("Object is not deserialized", which answered 500)
                Object value = submitted.get(name);
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
            throw refused("不能提交表单以外的字段：" + String.join("、", undeclared));
        }
        values.forEach((name, value) -> {
            String reason = value == null ? null : refusal(fields.get(name), value);
            if (reason != null) {
                // as the form shows the field: its label, not the variable name behind it
                String label = fields.get(name).path("label").asText("");
                throw refused((label.isBlank() ? "表单中的一项" : "“" + label + "”") + "：" + reason);
            }
        });
    }

    private static String refusal(JsonNode field, Object value) {
        return switch (field.path("type").asText()) {
            case "checkbox" -> value instanceof Boolean ? null : "应为是或否";
            case "number" -> value instanceof Number ? null : "应为数字";
            case "datetime" -> value instanceof String || value instanceof Date ? null : "应为日期时间";
            case "radio", "select" -> value instanceof String text && offers(field, text) ? null : "不是可选的值";
            default -> value instanceof String text ? textRefusal(field, text) : "应为文字";
        };
    }

    /**
     * Text a person can type, as long as the field's {@code validate.maxLength} allows (which the Tasklist's form
     * checks too), and never longer than the engine stores in a text variable. Without this a reason of 1,001
     * characters was accepted and failed the job that wrote it to the audit trail, and one of 4,001 the completion.
     */
    private static String textRefusal(JsonNode field, String text) {
        if (TypedText.hasControlCharacters(text)) {
            return "含有控制字符，请删除后再提交";
        }
        int most = Math.min(field.path("validate").path("maxLength").asInt(ENGINE_TEXT_LENGTH), ENGINE_TEXT_LENGTH);
        return text.length() <= most ? null : "最多" + most + "个字，收到" + text.length() + "个字";
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
