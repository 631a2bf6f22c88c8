package cn.huangpu.assessment.security;

import java.beans.FeatureDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.el.CommandContextFunctions;
import org.camunda.bpm.engine.impl.el.DateTimeFunctions;
import org.camunda.bpm.engine.impl.el.ProcessEngineElContext;
import org.camunda.bpm.impl.juel.ExpressionFactoryImpl;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ExpressionFactory;
import org.camunda.bpm.impl.juel.jakarta.el.FunctionMapper;
import org.joda.time.DateTime;

/**
 * Evaluates the expressions of task queries and Tasklist filters in a sandbox that knows nothing but the
 * engine's query functions: {@code currentUser()}, {@code currentUserGroups()}, {@code now()} and
 * {@code dateTime()}, and date arithmetic on the value of {@code dateTime()} ({@code plusDays(1)},
 * {@code withTimeAtStartOfDay()}, {@code toDate()} …).
 *
 * <p>The engine's own expression manager resolves Spring beans and lets an expression call any method of
 * any object ({@code ''.getClass().forName(…)}), which is what made query expressions a way to run code.
 * Here there is no bean, no variable, no property and no method but the listed ones, whatever spelling
 * or encoding brought the text: an expression that uses anything else fails while it is being evaluated,
 * before it has called anything, and the query is refused.
 */
final class QueryExpressionSandbox {

    static final String ALLOWED = "currentUser()、currentUserGroups()、now()、dateTime()";

    private static final Map<String, Method> FUNCTIONS = Map.of(
            CommandContextFunctions.CURRENT_USER, function(CommandContextFunctions.class, CommandContextFunctions.CURRENT_USER),
            CommandContextFunctions.CURRENT_USER_GROUPS, function(CommandContextFunctions.class, CommandContextFunctions.CURRENT_USER_GROUPS),
            DateTimeFunctions.NOW, function(DateTimeFunctions.class, DateTimeFunctions.NOW),
            DateTimeFunctions.DATE_TIME, function(DateTimeFunctions.class, DateTimeFunctions.DATE_TIME));

    /** Date arithmetic a filter may need on {@code dateTime()}; each takes and gives plain values. */
    private static final Set<String> DATE_TIME_METHODS = Set.of(
            "plusYears", "plusMonths", "plusWeeks", "plusDays", "plusHours", "plusMinutes",
            "minusYears", "minusMonths", "minusWeeks", "minusDays", "minusHours", "minusMinutes",
            "withTimeAtStartOfDay", "toDate");

    private final ExpressionFactory factory = new ExpressionFactoryImpl();
    private final FunctionMapper functions = new FunctionMapper() {
        @Override
        public Method resolveFunction(String prefix, String localName) {
            return prefix == null || prefix.isEmpty() ? FUNCTIONS.get(localName) : null;
        }
    };

    /**
     * The value of a query expression, evaluated in the sandbox.
     *
     * @throws BadUserRequestException if the expression is malformed or uses anything but the query functions
     */
    Object evaluate(String expression) {
        ELContext context = new ProcessEngineElContext(functions, new DateArithmeticOnly());
        try {
            return factory.createValueExpression(context, expression, Object.class).getValue(context);
        } catch (ELException | IllegalArgumentException refused) {
            throw refusal(expression);
        }
    }

    static BadUserRequestException refusal(String expression) {
        return new BadUserRequestException("查询表达式只能使用 " + ALLOWED + "，不能使用：" + expression);
    }

    private static Method function(Class<?> owner, String name) {
        try {
            return owner.getMethod(name);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("The engine's query function " + name + " is missing", e);
        }
    }

    /** Resolves no identifier and no property; invokes only the date arithmetic methods on a {@link DateTime}. */
    private static final class DateArithmeticOnly extends ELResolver {

        @Override
        public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
            if (!(base instanceof DateTime dateTime) || !DATE_TIME_METHODS.contains(String.valueOf(method))) {
                return null;
            }
            Object[] arguments = params == null ? new Object[0] : params;
            for (Method candidate : DateTime.class.getMethods()) {
                if (candidate.getName().equals(method) && candidate.getParameterCount() == arguments.length
                        && acceptsPlainNumbers(candidate, arguments)) {
                    try {
                        Object result = candidate.invoke(dateTime, intArguments(arguments));
                        context.setPropertyResolved(true);
                        return result;
                    } catch (IllegalAccessException | InvocationTargetException e) {
                        throw new ELException(e);
                    }
                }
            }
            return null;
        }

        private static boolean acceptsPlainNumbers(Method method, Object[] arguments) {
            for (int i = 0; i < arguments.length; i++) {
                if (method.getParameterTypes()[i] != int.class || !(arguments[i] instanceof Number)) {
                    return false;
                }
            }
            return true;
        }

        private static Object[] intArguments(Object[] arguments) {
            Object[] ints = new Object[arguments.length];
            for (int i = 0; i < arguments.length; i++) {
                ints[i] = Math.toIntExact(((Number) arguments[i]).longValue());
            }
            return ints;
        }

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            return null;
        }

        @Override
        public Class<?> getType(ELContext context, Object base, Object property) {
            return null;
        }

        @Override
        public void setValue(ELContext context, Object base, Object property, Object value) {
            // nothing can be written from a query
        }

        @Override
        public boolean isReadOnly(ELContext context, Object base, Object property) {
            return true;
        }

        @Override
        public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
            return null;
        }

        @Override
        public Class<?> getCommonPropertyType(ELContext context, Object base) {
            return null;
        }
    }
}
