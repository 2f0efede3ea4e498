package io.tailguard.signals;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The signal layers stay pure: no I/O, no frameworks, no other capability but the domain. */
class SignalsArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tailguard");

    @Test
    void signalsImportNeitherFrameworksNorIo() {
        noClasses().that().resideInAPackage("io.tailguard.signals..")
                .should().dependOnClassesThat().resideInAnyPackage("org.quartz..", "java.sql..", "javax.sql..",
                        "com.fasterxml.jackson..", "java.net..", "picocli..", "io.github.resilience4j..",
                        "org.flywaydb..", "org.h2..", "java.nio.file..", "java.io..", "org.slf4j..")
                .check(CLASSES);
    }

    @Test
    void signalsDependOnNoOtherCapabilityThanTheDomain() {
        noClasses().that().resideInAPackage("io.tailguard.signals..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tailguard.broker..", "io.tailguard.store..",
                        "io.tailguard.console..", "io.tailguard.schedule..", "io.tailguard.sources..",
                        "io.tailguard.hedge..", "io.tailguard.orders..", "io.tailguard.app..")
                .check(CLASSES);
    }

    @Test
    void sourcesStayOutOfTheCliAndTheScheduler() {
        noClasses().that().resideInAPackage("io.tailguard.sources..")
                .should().dependOnClassesThat().resideInAnyPackage("picocli..", "org.quartz..", "io.tailguard.console..",
                        "io.tailguard.schedule..")
                .check(CLASSES);
    }
}
