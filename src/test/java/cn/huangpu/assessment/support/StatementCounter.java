package cn.huangpu.assessment.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements a piece of work sends, whoever sends them (Hibernate, JdbcTemplate, the engine's
 * MyBatis): the application's DataSource is wrapped so that every statement execution on a connection it
 * hands out is counted, on the thread that counts only (a test's MockMvc request runs on the test's thread).
 * A JDBC batch is one execution, as it is one round trip.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter {

    private static final ThreadLocal<int[]> COUNTING = new ThreadLocal<>();

    /** How many statements {@code work} sent on this thread. */
    public static int count(Callable<?> work) throws Exception {
        int[] count = {0};
        COUNTING.set(count);
        try {
            work.call();
        } finally {
            COUNTING.remove();
        }
        return count[0];
    }

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource ? wrap(DataSource.class, dataSource) : bean;
            }
        };
    }

    private static <T> T wrap(Class<T> type, T target) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (isExecution(method) && COUNTING.get() != null) {
                COUNTING.get()[0]++;
            }
            Object result = invoke(target, method, args);
            return result instanceof Connection c && method.getReturnType() == Connection.class ? wrap(Connection.class, c)
                    : result instanceof CallableStatement s ? wrap(CallableStatement.class, s)
                    : result instanceof PreparedStatement s ? wrap(PreparedStatement.class, s)
                    : result instanceof Statement s && method.getReturnType() == Statement.class ? wrap(Statement.class, s)
                    : result;
        };
        return type.cast(Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static boolean isExecution(Method method) {
        return Statement.class.isAssignableFrom(method.getDeclaringClass()) && method.getName().startsWith("execute");
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
