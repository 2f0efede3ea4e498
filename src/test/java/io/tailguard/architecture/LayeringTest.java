package io.tailguard.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point inward (DESIGN.md): the model and strategy packages never import the scheduler,
 * JDBC, Jackson, the socket client, the console or any other shell.
 */
class LayeringTest {
    private static final String[] CORE = {"io.tailguard.domain..", "io.tailguard.pricing..", "io.tailguard.signals..",
        "io.tailguard.hedge..", "io.tailguard.portfolio.."};
    private static final String[] SHELLS = {"org.quartz..", "java.sql..", "javax.sql..", "com.fasterxml.jackson..",
        "com.zaxxer..", "org.flywaydb..", "picocli..", "java.net..", "java.net.http..", "io.tailguard.broker.ibkr..",
        "io.tailguard.broker.sim..", "io.tailguard.console..", "io.tailguard.store..", "io.tailguard.schedule..",
        "io.tailguard.app.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tailguard");
    }

    @Test
    void corePackagesDependOnNoShell() {
        ArchRule rule = noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage(SHELLS)
                .because("domain, pricing, signals, hedge and portfolio are pure: no I/O, no framework")
                .allowEmptyShould(true);
        rule.check(classes);
    }

    @Test
    void theBrokerPortDoesNotKnowItsAdapters() {
        noClasses().that().resideInAPackage("io.tailguard.broker")
                .should().dependOnClassesThat().resideInAnyPackage("io.tailguard.broker.ibkr..", "io.tailguard.broker.sim..")
                .allowEmptyShould(true).check(classes);
    }
}
