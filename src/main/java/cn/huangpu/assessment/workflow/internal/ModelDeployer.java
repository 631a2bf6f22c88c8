package cn.huangpu.assessment.workflow.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every BPMN and DMN model of {@code processes/} and every Camunda Form of {@code forms/}.
 *
 * <p>Resources are deployed under fixed names ({@code processes/AssessmentCampaign.bpmn}) whatever
 * the classpath looks like ({@code spring-boot:run} sees files, {@code java -jar} sees jar entries), and
 * with duplicate filtering, so an unchanged model keeps its version across restarts and launch modes.
 */
@Component
@Order(ModelDeployer.ORDER)
public class ModelDeployer implements ApplicationRunner {

    /** Runs before anything that starts processes. */
    public static final int ORDER = 0;
    public static final String DEPLOYMENT_NAME = "transparency-assessment";
    static final List<String> PATTERNS = List.of(
            "classpath*:processes/**/*.bpmn", "classpath*:processes/**/*.dmn", "classpath*:forms/**/*.form");

    private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);

    private final RepositoryService repositoryService;
    private final ResourcePatternResolver resolver;
    private final HistoryTimeToLive historyTimeToLive;

    public ModelDeployer(RepositoryService repositoryService, ResourcePatternResolver resolver,
                         HistoryTimeToLive historyTimeToLive) {
        this.repositoryService = repositoryService;
        this.resolver = resolver;
        this.historyTimeToLive = historyTimeToLive;
    }

    @Override
    public void run(ApplicationArguments args) {
        deploy();
    }

    /**
     * Deploys what changed, gives every version the history time to live of the settings (a new version comes
     * with its file's), and returns the names of all model resources found on the classpath.
     */
    public List<String> deploy() {
        Map<String, Resource> resources = modelResources();
        DeploymentBuilder builder = repositoryService.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source(DEPLOYMENT_NAME)
                .enableDuplicateFiltering(true);
        resources.forEach((name, resource) -> {
            try (InputStream in = resource.getInputStream()) {
                builder.addInputStream(name, new ByteArrayInputStream(in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read model " + name, e);
            }
        });
        DeploymentWithDefinitions deployment = builder.deployWithResult();
        historyTimeToLive.apply();
        log.info("Models checked: {} resources, deployment {}", resources.size(), deployment.getId());
        return new ArrayList<>(resources.keySet());
    }

    private Map<String, Resource> modelResources() {
        Map<String, Resource> byName = new TreeMap<>();
        for (String pattern : PATTERNS) {
            try {
                for (Resource resource : resolver.getResources(pattern)) {
                    byName.put(stableName(resource), resource);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + pattern, e);
            }
        }
        return byName;
    }

    /** {@code .../classes/processes/X.bpmn} or {@code jar:...!/BOOT-INF/classes!/processes/X.bpmn} → {@code processes/X.bpmn}. */
    static String stableName(Resource resource) {
        try {
            String url = resource.getURL().toString();
            int at = Math.max(url.lastIndexOf("/processes/"), url.lastIndexOf("/forms/"));
            if (at < 0) {
                throw new IllegalStateException("Model outside processes/ or forms/: " + url);
            }
            return url.substring(at + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
