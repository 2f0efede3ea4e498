package io.tailguard.hedge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The hedge stays pure: no Quartz, JDBC, Jackson, sockets or console; the broker only through its port. */
class HedgeArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tailguard");

    @Test
    void hedgeImportsNeitherFrameworksNorIo() {
        noClasses().that().resideInAPackage("io.tailguard.hedge..")
                .should().dependOnClassesThat().resideInAnyPackage("org.quartz..", "java.sql..", "javax.sql..",
                        "com.fasterxml.jackson..", "java.net..", "picocli..", "org.flywaydb..", "org.h2..",
                        "org.jfree..", "java.nio.file..")
                .check(CLASSES);
    }

    @Test
    void hedgeReachesTheBrokerOnlyThroughItsPort() {
        noClasses().that().resideInAPackage("io.tailguard.hedge..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tailguard.broker.ibkr..",
                        "io.tailguard.broker.sim..", "io.tailguard.store..", "io.tailguard.orders.store..",
                        "io.tailguard.console..", "io.tailguard.app..", "io.tailguard.sources..")
                .check(CLASSES);
    }

    @Test
    void theOptimizerDoesNotKnowTheBrokerOrTheOrders() {
        noClasses().that().resideInAPackage("io.tailguard.hedge")
                .should().dependOnClassesThat().resideInAnyPackage("io.tailguard.broker..", "io.tailguard.orders..")
                .check(CLASSES);
    }
}
