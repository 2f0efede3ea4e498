package io.tailguard.pricing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Pricing is pure computation: no infrastructure, no other tailguard capability, I/O only in pricing.data. */
class PricingDependenciesTest {

    private static final JavaClasses PRICING = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tailguard.pricing");

    @Test
    void dependsOnNoInfrastructureOrOtherCapability() {
        noClasses().that().resideInAPackage("io.tailguard.pricing..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.quartz..", "java.sql..", "javax.sql..", "com.zaxxer..", "org.flywaydb..",
                        "com.fasterxml.jackson..", "java.net..", "java.nio.channels..", "picocli..", "org.slf4j..",
                        "io.tailguard.broker..", "io.tailguard.store..", "io.tailguard.console..", "io.tailguard.schedule..",
                        "io.tailguard.orders..", "io.tailguard.app..", "io.tailguard.hedge..", "io.tailguard.report..")
                .check(PRICING);
    }

    @Test
    void readsFilesOnlyInTheDataPackage() {
        noClasses().that().resideInAPackage("io.tailguard.pricing..")
                .and().resideOutsideOfPackage("io.tailguard.pricing.data..")
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio.file..")
                .check(PRICING);
    }
}
