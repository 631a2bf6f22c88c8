package cn.huangpu.assessment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module rules of style.md, enforced by the build. */
class ModuleBoundaryTests {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.huangpu.assessment");
    }

    @Test
    void modulesHaveNoCycles() {
        slices().matching("cn.huangpu.assessment.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void onlyProcessGlueTouchesCamunda() {
        noClasses().that().resideOutsideOfPackages(
                        "..workflow..", "..process..", "..security..", "..demo..")
                .should().dependOnClassesThat().resideInAPackage("org.camunda..")
                .because("the engine is reached through the process glue only (style.md)")
                .check(classes);
    }

    @Test
    void theCalculatorAndTheCatalogueModelArePlainJava() {
        noClasses().that().resideInAnyPackage("..scoring..", "..catalogue..")
                .and().haveSimpleNameNotEndingWith("Controller")
                .and().haveSimpleNameNotEndingWith("Service")
                .and().haveSimpleNameNotEndingWith("Properties")
                .and().haveSimpleNameNotEndingWith("Catalogues")
                .and().haveSimpleNameNotEndingWith("Repository")
                .and().resideOutsideOfPackage("..process..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.camunda..", "jakarta.persistence..")
                .because("scoring is pure arithmetic: no Spring, no Camunda inside the calculator (style.md)")
                .check(classes);
    }
}
