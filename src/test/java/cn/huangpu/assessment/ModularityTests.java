package cn.huangpu.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries, checked by Spring Modulith on the application's own classes: no cycles between
 * modules, and no module using another's types outside that module's API (its base package and the named
 * interfaces it declares; everything in sub-packages such as {@code internal} and {@code process} is the
 * module's own). Rules Modulith does not have are in {@link ModuleBoundaryTests}.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(AssessmentApplication.class);

    @Test
    void modulesKeepTheirBoundaries() {
        // when / then: any cycle or use of another module's internals fails with the offending types named
        MODULES.verify();
    }

    /**
     * Writes the module diagrams and canvases into docs/modules/ (committed; the README links them), so that a
     * change of the structure shows in the diff of the same commit.
     */
    @Test
    void writesTheModuleDocumentation() throws IOException {
        // given the modules; when the documentation is written
        Path folder = Path.of("docs/modules");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        // then the overview shows every module, and each has its own diagram and canvas
        String overview = Files.readString(folder.resolve("components.puml"));
        for (ApplicationModule module : MODULES) {
            String name = module.getIdentifier().toString();
            assertThat(overview).contains("\"" + module.getDisplayName() + "\"");
            assertThat(folder.resolve("module-" + name + ".puml")).exists();
            assertThat(folder.resolve("module-" + name + ".adoc")).exists();
        }
    }
}
