package cn.huangpu.assessment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.catalogue.CatalogueReader;
import cn.huangpu.assessment.scoring.FactsParser;
import cn.huangpu.assessment.scoring.GradeScale;
import cn.huangpu.assessment.scoring.NumberRules;
import cn.huangpu.assessment.scoring.ScoreCalculator;
import cn.huangpu.assessment.scoring.ScoreSheetJson;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules of style.md that Spring Modulith does not check (module boundaries and cycles are
 * {@link ModularityTests}'). None exempts classes by name.
 */
class ModuleBoundaryTests {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.huangpu.assessment");
    }

    @Test
    void onlyProcessGlueTouchesCamunda() {
        noClasses().that().resideOutsideOfPackages(
                        "..workflow..", "..process..", "..security..", "..demo..")
                .should().dependOnClassesThat().resideInAPackage("org.camunda..")
                .because("the engine is reached through the process glue only (style.md)")
                .check(classes);
    }

    /**
     * The calculator, the facts format, the number rules and the catalogue model, and everything they reach,
     * are plain Java (the reader's validator with them). The rule starts from these types and follows every dependency, so a Spring, Camunda or
     * JPA type anywhere behind them fails it, whatever that type is called and wherever it lives.
     */
    @Test
    void theCalculatorAndTheCatalogueModelArePlainJava() {
        noClasses().that().belongToAnyOf(ScoreCalculator.class, FactsParser.class, GradeScale.class,
                        NumberRules.class, ScoreSheetJson.class, Catalogue.class, CatalogueReader.class)
                .should().transitivelyDependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.camunda..", "jakarta.persistence..")
                .because("scoring is pure arithmetic: no Spring, no Camunda inside the calculator (style.md)")
                .check(classes);
    }

    /** Other modules get records from the owning module's service; an entity stays in its module (style.md). */
    @Test
    void noEntityCrossesAModule() {
        // given every entity (and embeddable) of the application, with the modules other than its own that use it
        Map<String, Set<String>> crossing = new TreeMap<>();
        for (JavaClass type : classes) {
            if (!type.isAnnotatedWith(Entity.class) && !type.isAnnotatedWith(Embeddable.class)) {
                continue;
            }
            String owner = module(type);
            Set<String> users = new TreeSet<>();
            for (Dependency dependency : type.getDirectDependenciesToSelf()) {
                String user = module(dependency.getOriginClass());
                if (!user.equals(owner)) {
                    users.add(user);
                }
            }
            if (!users.isEmpty()) {
                crossing.put(type.getName().substring("cn.huangpu.assessment.".length()), users);
            }
        }
        // then none is used outside its module
        assertThat(crossing).as("entities used outside their module (style.md: no JPA entity crosses a module)")
                .isEmpty();
    }

    private static String module(JavaClass type) {
        String name = type.getPackageName().substring("cn.huangpu.assessment".length());
        int dot = name.indexOf('.', 1);
        return dot < 0 ? name.substring(1) : name.substring(1, dot);
    }
}
