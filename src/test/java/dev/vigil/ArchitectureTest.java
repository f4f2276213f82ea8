package dev.vigil;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Data flows one way: interfaces (cli, web) call services; services never reach back; the finding model depends on nothing. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.vigil");
    }

    @Test
    void theFindingModelDependsOnNoOtherVigilPackage() {
        noClasses().that().resideInAPackage("dev.vigil.finding..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.vigil.ingest..", "dev.vigil.intel..", "dev.vigil.playbook..", "dev.vigil.triage..",
                        "dev.vigil.cases..", "dev.vigil.respond..", "dev.vigil.web..", "dev.vigil.cli..", "dev.vigil.generate..")
                .check(classes);
    }

    @Test
    void triageAndPlaybooksNeverTouchAwsHttpOrTheDatabase() {
        noClasses().that().resideInAnyPackage("dev.vigil.triage..", "dev.vigil.playbook..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "software.amazon..", "io.javalin..", "java.sql..", "org.jdbi..", "org.flywaydb..")
                .check(classes);
    }

    @Test
    void onlyTheInterfacesDependOnTheCommandLine() {
        noClasses().that().resideOutsideOfPackages("dev.vigil.cli..", "dev.vigil.web..")
                .should().dependOnClassesThat().resideInAPackage("dev.vigil.cli..")
                .check(classes);
    }

    @Test
    void enrichmentDoesNotDependOnTriageOrCases() {
        noClasses().that().resideInAPackage("dev.vigil.intel..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.vigil.triage..", "dev.vigil.playbook..", "dev.vigil.cases..", "dev.vigil.respond..")
                .check(classes);
    }
}
