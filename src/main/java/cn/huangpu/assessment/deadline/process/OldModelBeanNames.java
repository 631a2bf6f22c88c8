package cn.huangpu.assessment.deadline.process;

import cn.huangpu.assessment.deadline.DeadlineService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The closing delegate under its name and, as aliases, the names under which the first release's models
 * close an overdue self-check or evaluation ({@link OldModels}). Drop the aliases with {@link OldModels}.
 */
@Configuration(proxyBeanMethods = false)
class OldModelBeanNames {

    @Bean({"closeDeadlineDelegate", "closeSelfCheckDelegate", "closeEvaluationDelegate"})
    CloseDeadlineDelegate closeDeadlineDelegate(DeadlineService deadlines) {
        return new CloseDeadlineDelegate(deadlines);
    }
}
