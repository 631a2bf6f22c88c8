package cn.huangpu.assessment.workflow.internal;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * A page of a query starts at 0 or later and holds 0 or more results, checked where the engine runs the query,
 * whichever route asked for it: the REST API passed a negative {@code maxResults} or {@code firstResult} to the
 * database (a 500 from its LIMIT). The upper bound is the engine's own {@code query-max-results-limit}.
 */
@Component
class QueryPaging extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomPreCommandInterceptorsTxRequired(
                with(configuration.getCustomPreCommandInterceptorsTxRequired()));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(
                with(configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
    }

    private static List<CommandInterceptor> with(List<CommandInterceptor> interceptors) {
        List<CommandInterceptor> all = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
        all.add(new NoNegativePages());
        return all;
    }

    static final class NoNegativePages extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            if (command instanceof AbstractQuery<?, ?> query) {
                if (query.getFirstResult() < 0) {
                    throw new BadUserRequestException("分页参数有误：firstResult（起始位置）不能为负数，收到 "
                            + query.getFirstResult());
                }
                if (query.getMaxResults() < 0) {
                    throw new BadUserRequestException("分页参数有误：maxResults（每页条数）不能为负数，收到 "
                            + query.getMaxResults());
                }
            }
            return next.execute(command);
        }
    }
}
