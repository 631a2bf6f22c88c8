package cn.huangpu.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
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
        inStableOrder(folder);
        // then the overview shows every module, and each has its own diagram and canvas
        String overview = Files.readString(folder.resolve("components.puml"));
        for (ApplicationModule module : MODULES) {
            String name = module.getIdentifier().toString();
            assertThat(overview).contains("\"" + module.getDisplayName() + "\"");
            assertThat(folder.resolve("module-" + name + ".puml")).exists();
            assertThat(folder.resolve("module-" + name + ".adoc")).exists();
        }
    }

    /**
     * The Documenter lists relations, components and a canvas's types in no fixed order, so each build would
     * rewrite the committed files. Each run of lines of one kind (a diagram's Rel or Component lines, a
     * canvas's bullet list) is sorted; the diagrams and canvases mean the same, and the files only change when
     * the structure does.
     */
    private static void inStableOrder(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(folder)) {
            files = listed.toList();
        }
        for (Path file : files) {
            List<String> sorted = new ArrayList<>();
            List<String> run = new ArrayList<>();
            String runKind = null;
            for (String line : Files.readAllLines(file)) {
                // a canvas's list starts in its table cell ("|* first"), and goes on with "* next"
                boolean opensCell = line.startsWith("|* ");
                String kind = opensCell ? "* " : kind(line);
                if (kind == null || opensCell || !kind.equals(runKind)) {
                    flush(run, sorted);
                }
                runKind = kind;
                if (kind == null) {
                    sorted.add(line);
                } else {
                    run.add(line);
                }
            }
            flush(run, sorted);
            Files.write(file, sorted);
        }
    }

    /** Sorts a run of lines into {@code into}, keeping a table cell's opening bar on the run's first line. */
    private static void flush(List<String> run, List<String> into) {
        boolean cell = !run.isEmpty() && run.get(0).startsWith("|");
        List<String> lines = new ArrayList<>(run.stream().map(l -> l.startsWith("|") ? l.substring(1) : l).toList());
        lines.sort(null);
        if (cell) {
            lines.set(0, "|" + lines.get(0));
        }
        into.addAll(lines);
        run.clear();
    }

    private static String kind(String line) {
        for (String prefix : List.of("Rel(", "  Component(", "* ")) {
            if (line.startsWith(prefix)) {
                return prefix;
            }
        }
        return null;
    }
}
