package cn.huangpu.assessment.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.impl.spi.el.ElProvider;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.BaseDelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.FilterServiceImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.ElProviderCompatible;
import org.camunda.bpm.engine.impl.el.Expression;
import org.camunda.bpm.engine.impl.el.ExpressionManager;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.query.Query;
import org.springframework.stereotype.Component;

/**
 * Compensating control for CVE-2026-109432 (Camunda 7.24.0 CE, no fix), at the places where the engine
 * takes and evaluates query expressions rather than in the request bytes.
 *
 * <p>The engine validates the expressions of a query it executes ({@code AbstractQuery.validate()}), but
 * the {@code orQueries} of a task query are child queries ({@code TaskQueryImpl.getQueries()}) created
 * without validators, and the extending query posted to a stored filter is validated at its top level only.
 * Their expressions were evaluated by the engine's expression manager, which resolves Spring beans
 * ({@code identityService.clearAuthentication()}) and calls any Java method. This plugin:
 * <ul>
 *   <li>refuses an ad-hoc query (every query an API call executes) whose expressions at any level are not
 *       empty, with the engine's {@link BadUserRequestException} (HTTP 400 from the REST API);</li>
 *   <li>refuses the same in the query that extends a stored filter's list, page, single result or count;</li>
 *   <li>lets only administrators save a filter with expressions, and only expressions the
 *       {@link QueryExpressionSandbox} evaluates (the engine's query functions);</li>
 *   <li>evaluates every expression that the engine evaluates without a variable scope — that is how
 *       {@code AbstractQuery.evaluateExpressions()} evaluates query expressions, stored filters' included —
 *       in that sandbox instead of the engine's expression manager. This last rule is the one that holds
 *       even if a query reaches the engine by a route the first three do not see.</li>
 * </ul>
 * Only task queries carry expressions in 7.24 (no other query type has expression setters).
 */
@Component
class QueryExpressionPolicy extends AbstractProcessEnginePlugin {

    private final QueryExpressionSandbox sandbox = new QueryExpressionSandbox();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomPreCommandInterceptorsTxRequired(
                with(configuration.getCustomPreCommandInterceptorsTxRequired(), new AdhocQueriesWithoutExpressions()));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(
                with(configuration.getCustomPreCommandInterceptorsTxRequiresNew(), new AdhocQueriesWithoutExpressions()));
        configuration.setFilterService(new GuardedFilterService(sandbox));
    }

    /** After the engine has built its expression manager (and given it the query functions). */
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setExpressionManager(new ScopelessExpressionsInSandbox(configuration.getExpressionManager(), sandbox));
    }

    private static List<CommandInterceptor> with(List<CommandInterceptor> interceptors, CommandInterceptor added) {
        List<CommandInterceptor> all = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
        all.add(added);
        return all;
    }

    /** Every expression of the query, its own and those of its {@code or} branches. */
    static List<String> expressionsOf(Object query) {
        List<String> expressions = new ArrayList<>();
        if (query instanceof AbstractQuery<?, ?> abstractQuery) {
            expressions.addAll(abstractQuery.getExpressions().values());
        }
        if (query instanceof TaskQueryImpl taskQuery && taskQuery.getQueries() != null) {
            for (TaskQueryImpl branch : taskQuery.getQueries()) {
                if (branch != taskQuery) {
                    expressions.addAll(branch.getExpressions().values());
                }
            }
        }
        return expressions;
    }

    static void refuseExpressions(Object query) {
        List<String> expressions = expressionsOf(query);
        if (!expressions.isEmpty()) {
            throw new BadUserRequestException("查询条件中不允许使用表达式（包括 orQueries 中的条件）：" + expressions.get(0));
        }
    }

    /** A query executed through an API call (it has a command executor of its own) is ad hoc. */
    static final class AdhocQueriesWithoutExpressions extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            if (command instanceof AbstractQuery<?, ?>) {
                refuseExpressions(command);
            }
            return next.execute(command);
        }
    }

    static final class GuardedFilterService extends FilterServiceImpl {

        private final QueryExpressionSandbox sandbox;

        GuardedFilterService(QueryExpressionSandbox sandbox) {
            this.sandbox = sandbox;
        }

        @Override
        public Filter saveFilter(Filter filter) {
            List<String> expressions = expressionsOf(filter.getQuery());
            if (!expressions.isEmpty()) {
                commandExecutor.execute(context -> {
                    Authentication caller = context.getAuthentication();
                    if (caller != null && !context.getAuthorizationManager().isCamundaAdmin(caller)) {
                        throw new BadUserRequestException("只有管理员可以保存带表达式的过滤器");
                    }
                    expressions.forEach(sandbox::evaluate);
                    return null;
                });
            }
            return super.saveFilter(filter);
        }

        @Override
        public <T, Q extends Query<?, T>> List<T> list(String filterId, Q extendingQuery) {
            refuseExpressions(extendingQuery);
            return super.list(filterId, extendingQuery);
        }

        @Override
        public <T, Q extends Query<?, T>> List<T> listPage(String filterId, Q extendingQuery, int firstResult, int maxResults) {
            refuseExpressions(extendingQuery);
            return super.listPage(filterId, extendingQuery, firstResult, maxResults);
        }

        @Override
        public <T, Q extends Query<?, T>> T singleResult(String filterId, Q extendingQuery) {
            refuseExpressions(extendingQuery);
            return super.singleResult(filterId, extendingQuery);
        }

        @Override
        public Long count(String filterId, Query<?, ?> extendingQuery) {
            refuseExpressions(extendingQuery);
            return super.count(filterId, extendingQuery);
        }
    }

    /** The engine's expression manager, except that an expression evaluated without a scope goes to the sandbox. */
    static final class ScopelessExpressionsInSandbox implements ExpressionManager, ElProviderCompatible {

        private final ExpressionManager engine;
        private final QueryExpressionSandbox sandbox;

        ScopelessExpressionsInSandbox(ExpressionManager engine, QueryExpressionSandbox sandbox) {
            this.engine = engine;
            this.sandbox = sandbox;
        }

        @Override
        public Expression createExpression(String text) {
            Expression expression = engine.createExpression(text);
            return new Expression() {
                @Override
                public Object getValue(VariableScope scope) {
                    return scope == null ? sandbox.evaluate(text) : expression.getValue(scope);
                }

                @Override
                public Object getValue(VariableScope scope, BaseDelegateExecution execution) {
                    return scope == null ? sandbox.evaluate(text) : expression.getValue(scope, execution);
                }

                @Override
                public void setValue(Object value, VariableScope scope) {
                    expression.setValue(value, scope);
                }

                @Override
                public void setValue(Object value, VariableScope scope, BaseDelegateExecution execution) {
                    expression.setValue(value, scope, execution);
                }

                @Override
                public String getExpressionText() {
                    return expression.getExpressionText();
                }

                @Override
                public boolean isLiteralText() {
                    return expression.isLiteralText();
                }
            };
        }

        @Override
        public void addFunction(String name, java.lang.reflect.Method function) {
            engine.addFunction(name, function);
        }

        @Override
        public ElProvider toElProvider() {
            return ((ElProviderCompatible) engine).toElProvider();
        }
    }
}
