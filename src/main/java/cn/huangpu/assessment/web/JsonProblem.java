package cn.huangpu.assessment.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;

/**
 * Where reading a JSON request body stopped and why, in Chinese: Jackson's own messages are English sentences
 * for developers that name Java types. The path holds the property names and, as {@code [i]}, the array
 * indexes leading to the value; it is empty when the body as a whole is at fault (cut off, not JSON).
 */
public record JsonProblem(List<String> path, String reason) {

    public JsonProblem {
        path = List.copyOf(path);
    }

    /** The problem behind a failure to read a body (a Jackson exception somewhere in the chain of causes). */
    public static JsonProblem of(Throwable failure) {
        return new JsonProblem(path(failure), reason(failure));
    }

    /** The field as an API error names it: names joined with ".", indexes in brackets ({@code unitCodes[2]}). */
    public String field() {
        StringBuilder field = new StringBuilder();
        for (String segment : path) {
            if (!field.isEmpty() && !segment.startsWith("[")) {
                field.append('.');
            }
            field.append(segment);
        }
        return field.toString();
    }

    /**
     * Where the reader was. The parser's position is the most exact (it points into a JSON tree, where data
     * binding only knows the property that holds the tree); data binding's path is used when the parser has
     * moved elsewhere, and when there is no parser to ask.
     */
    private static List<String> path(Throwable failure) {
        if (cause(failure, JsonEOFException.class) != null) {
            return List.of();
        }
        List<String> bound = new ArrayList<>();
        JsonMappingException mapping = cause(failure, JsonMappingException.class);
        if (mapping != null) {
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                if (ref.getFieldName() != null) {
                    bound.add(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    bound.add("[" + ref.getIndex() + "]");
                }
            }
        }
        List<String> parsed = List.of();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JacksonException jackson && jackson.getProcessor() instanceof JsonParser parser) {
                parsed = within(parser.getParsingContext(), null);
                break;
            }
        }
        return parsed.size() >= bound.size() && parsed.subList(0, bound.size()).equals(bound) ? parsed : bound;
    }

    /** The names and indexes from {@code stop} (exclusive; null for the document root) down to {@code context}. */
    public static List<String> within(JsonStreamContext context, JsonStreamContext stop) {
        List<String> path = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && c != stop && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                path.add(0, c.getCurrentName());
            } else if (c.inArray() && c.hasCurrentIndex()) {
                path.add(0, "[" + c.getCurrentIndex() + "]");
            }
        }
        return path;
    }

    /** Why a body, or a value in it, could not be read, in Chinese. */
    public static String reason(Throwable failure) {
        StreamConstraintsException limit = cause(failure, StreamConstraintsException.class);
        if (limit != null) {
            return limitReason(limit);
        }
        if (cause(failure, JsonEOFException.class) != null) {
            return "请求体不完整，不是合法的JSON";
        }
        if (cause(failure, NumberFormatException.class) != null) {
            return "数值超出可处理的范围";
        }
        InputCoercionException coercion = cause(failure, InputCoercionException.class);
        if (coercion != null) {
            return isIntegral(coercion.getTargetType()) ? "超出整数的范围" : "超出可处理的数值范围";
        }
        MismatchedInputException mismatch = cause(failure, MismatchedInputException.class);
        if (mismatch != null && mismatch.getTargetType() != null) {
            Object value = mismatch instanceof InvalidFormatException format ? format.getValue() : null;
            return expected(mismatch.getTargetType()) + received(value);
        }
        StreamReadException unreadable = cause(failure, StreamReadException.class);
        if (unreadable != null && unreadable.getOriginalMessage() != null
                && unreadable.getOriginalMessage().startsWith("Non-standard token")) {
            // NaN, Infinity: JSON has no such numbers
            return "不是合法的数字：JSON 中的数须写成十进制数，不能是 NaN 或 Infinity";
        }
        if (unreadable != null) {
            return "不是合法的JSON";
        }
        return "请求体不是合法的JSON，或字段类型不对";
    }

    /** What a value of the type must be, e.g. "须为整数". */
    public static String expected(Class<?> type) {
        if (type == null) {
            return "类型不对";
        }
        if (isIntegral(type)) {
            return "须为整数";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class
                || type == BigDecimal.class || type == Number.class) {
            return "须为数字";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "须为 true 或 false";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "须为文本";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "须为列表";
        }
        if (Temporal.class.isAssignableFrom(type) || Date.class.isAssignableFrom(type)) {
            return "须为日期时间，如 2031-11-20T15:59:00Z";
        }
        if (type.isEnum()) {
            return "须为以下之一：" + Arrays.toString(type.getEnumConstants());
        }
        // the application's own request records and the maps of its bodies
        return type.getName().startsWith("java.") && !java.util.Map.class.isAssignableFrom(type) ? "类型不对" : "须为JSON对象";
    }

    private static boolean isIntegral(Class<?> type) {
        return type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == Byte.class || type == byte.class
                || type == BigInteger.class;
    }

    private static String received(Object value) {
        if (value instanceof String text) {
            return "，收到“" + (text.length() <= 30 ? text : text.substring(0, 30) + "…") + "”";
        }
        if (value instanceof Double d && !Double.isFinite(d) || value instanceof Float f && !Float.isFinite(f)) {
            return "";
        }
        String shown = value == null ? "" : value.toString();
        return shown.isEmpty() || shown.length() > 30 ? "" : "，收到 " + shown;
    }

    private static String limitReason(StreamConstraintsException limit) {
        StreamReadConstraints defaults = StreamReadConstraints.defaults();
        String message = limit.getOriginalMessage() == null ? "" : limit.getOriginalMessage();
        if (message.startsWith("Number value length")) {
            return "数字位数过多（不超过" + defaults.getMaxNumberLength() + "位）";
        }
        if (message.startsWith("String value length")) {
            return "文本过长（不超过" + defaults.getMaxStringLength() + "个字符）";
        }
        if (message.startsWith("Document nesting depth")) {
            return "嵌套层数过多（不超过" + defaults.getMaxNestingDepth() + "层）";
        }
        return "请求体超出读取限制";
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
