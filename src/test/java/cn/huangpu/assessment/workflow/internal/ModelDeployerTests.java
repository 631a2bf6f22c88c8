package cn.huangpu.assessment.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.support.H2IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.UrlResource;

@H2IntegrationTest
class ModelDeployerTests {

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    ModelDeployer deployer;

    @Test
    void deploysEveryFileOfProcessesAndForms() throws IOException {
        // given the model files in the source tree
        Set<String> files = modelFiles();
        assertThat(files).isNotEmpty();

        // when the application has started, then each of them is a deployed resource
        assertThat(deployedResourceNames()).containsAll(files);
    }

    @Test
    void redeployingUnchangedModelsCreatesNoNewVersion() {
        // given the deployment made at startup
        long deploymentsBefore = repositoryService.createDeploymentQuery()
                .deploymentName(ModelDeployer.DEPLOYMENT_NAME).count();

        // when the same models are deployed again, as a restart or `java -jar` would
        deployer.deploy();

        // then nothing new is deployed and every definition keeps version 1
        assertThat(repositoryService.createDeploymentQuery().deploymentName(ModelDeployer.DEPLOYMENT_NAME).count())
                .isEqualTo(deploymentsBefore);
        assertThat(repositoryService.createDecisionDefinitionQuery().list())
                .allSatisfy(definition -> assertThat(definition.getVersion()).isEqualTo(1));
        assertThat(repositoryService.createProcessDefinitionQuery().list())
                .allSatisfy(definition -> assertThat(definition.getVersion()).isEqualTo(1));
    }

    @Test
    void namesResourcesTheSameFromFilesAndFromTheFatJar() throws Exception {
        var fromFile = new UrlResource(
                "file:/home/u/app/target/classes/processes/GradeDecision.dmn");
        var fromJar = new UrlResource(
                "jar:file:/opt/app.jar!/BOOT-INF/classes!/processes/GradeDecision.dmn");

        assertThat(ModelDeployer.stableName(fromFile)).isEqualTo("processes/GradeDecision.dmn");
        assertThat(ModelDeployer.stableName(fromJar)).isEqualTo("processes/GradeDecision.dmn");
    }

    private Set<String> deployedResourceNames() {
        List<Deployment> deployments = repositoryService.createDeploymentQuery()
                .deploymentName(ModelDeployer.DEPLOYMENT_NAME).list();
        return deployments.stream()
                .flatMap(d -> repositoryService.getDeploymentResourceNames(d.getId()).stream())
                .collect(Collectors.toSet());
    }

    /** Every file under processes/ and forms/ (a missing folder holds none). */
    private static Set<String> modelFiles() throws IOException {
        Set<String> files = new TreeSet<>();
        for (String folder : List.of("processes", "forms")) {
            if (!Files.isDirectory(Path.of(folder))) {
                continue;
            }
            try (Stream<Path> paths = Files.walk(Path.of(folder))) {
                paths.filter(Files::isRegularFile)
                        .map(p -> p.toString().replace('\\', '/'))
                        .forEach(files::add);
            }
        }
        return files;
    }
}
