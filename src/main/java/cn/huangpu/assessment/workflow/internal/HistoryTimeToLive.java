package cn.huangpu.assessment.workflow.internal;

import cn.huangpu.assessment.workflow.HistorySettings;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Gives every deployed version of a model the history time to live of {@link HistorySettings}, so that the
 * operators decide it in application.yaml instead of in the model files.
 *
 * <p>The engine computes a process instance's removal time when its root instance ends, from its definition's
 * time to live then; a decision's when it is evaluated. A changed setting therefore applies to what ends after
 * the next start; history that already carries a removal time keeps it (Cockpit can recompute it in a batch).
 */
@Component
class HistoryTimeToLive {

    private static final Logger log = LoggerFactory.getLogger(HistoryTimeToLive.class);

    private final RepositoryService repositoryService;
    private final HistorySettings settings;

    HistoryTimeToLive(RepositoryService repositoryService, HistorySettings settings) {
        this.repositoryService = repositoryService;
        this.settings = settings;
    }

    /** Applies the settings to every version deployed; a key that names no deployed model stops startup. */
    void apply() {
        settings.timeToLiveDays().forEach(this::apply);
    }

    private void apply(String key, Integer days) {
        List<ProcessDefinition> processes = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).list();
        List<DecisionDefinition> decisions = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).list();
        if (processes.isEmpty() && decisions.isEmpty()) {
            throw new IllegalStateException("assessment.history.time-to-live-days names " + key
                    + ", which is neither a deployed process nor a decision; known: " + knownKeys());
        }
        int changed = 0;
        for (ProcessDefinition process : processes) {
            if (!Objects.equals(process.getHistoryTimeToLive(), days)) {
                repositoryService.updateProcessDefinitionHistoryTimeToLive(process.getId(), days);
                changed++;
            }
        }
        for (DecisionDefinition decision : decisions) {
            if (!Objects.equals(decision.getHistoryTimeToLive(), days)) {
                repositoryService.updateDecisionDefinitionHistoryTimeToLive(decision.getId(), days);
                changed++;
            }
        }
        if (changed > 0) {
            log.info("History time to live of {}: {} days ({} versions updated)", key, days, changed);
        }
    }

    private List<String> knownKeys() {
        return Stream.concat(
                        repositoryService.createProcessDefinitionQuery().latestVersion().list().stream().map(ProcessDefinition::getKey),
                        repositoryService.createDecisionDefinitionQuery().latestVersion().list().stream().map(DecisionDefinition::getKey))
                .distinct().sorted().toList();
    }
}
