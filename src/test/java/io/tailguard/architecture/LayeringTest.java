package io.tailguard.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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

    /** Everything below the shells: a capability never reaches up into the wiring or the command line. */
    private static final String[] CAPABILITIES = {"io.tailguard.domain..", "io.tailguard.config..",
        "io.tailguard.calendar..", "io.tailguard.proposal..", "io.tailguard.pricing..", "io.tailguard.signals..",
        "io.tailguard.sources..", "io.tailguard.hedge..", "io.tailguard.portfolio..", "io.tailguard.broker..",
        "io.tailguard.orders..", "io.tailguard.ledger..", "io.tailguard.store..", "io.tailguard.schedule..",
        "io.tailguard.report.."};

    @Test
    void noCapabilityImportsTheWiringOrTheCommandLine() {
        noClasses().that().resideInAnyPackage(CAPABILITIES)
                .should().dependOnClassesThat().resideInAnyPackage("io.tailguard.app..", "io.tailguard.console..")
                .because("app wires the capabilities and console is the shell over app; neither is a dependency")
                .check(classes);
    }

    @Test
    void theStoreImportsNoCapability() {
        noClasses().that().resideInAPackage("io.tailguard.store..")
                .should().dependOnClassesThat().resideInAnyPackage(CAPABILITIES)
                .andShould().dependOnClassesThat().resideOutsideOfPackages("io.tailguard.store..", "io.tailguard.config..",
                        "java..", "javax..", "com.zaxxer..", "org.flywaydb..", "org.quartz..", "org.h2..",
                        "org.postgresql..", "org.slf4j..")
                .because("the pool, the migrations and the audit trail serve every capability and know none")
                .check(classes);
    }

    @Test
    void theCalendarIsDomainKnowledgeNotScheduling() {
        noClasses().that().resideInAPackage("io.tailguard.calendar..")
                .should().dependOnClassesThat().resideInAnyPackage("org.quartz..", "io.tailguard.schedule..",
                        "io.tailguard.broker..", "java.sql..")
                .check(classes);
    }

    @Test
    void topLevelPackagesHaveNoCycles() {
        slices().matching("io.tailguard.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void strategiesMakeProposalsWithoutTheOrderMachinery() {
        noClasses().that().resideInAnyPackage("io.tailguard.hedge..", "io.tailguard.portfolio..", "io.tailguard.signals..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tailguard.orders..", "io.tailguard.ledger..")
                .because("a strategy's proposal is a value (io.tailguard.proposal); storing and working it is orders'")
                .check(classes);
    }

    @Test
    void theLedgerIsToldOfFillsNotReadingOrdersTables() {
        noClasses().that().resideInAPackage("io.tailguard.ledger..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tailguard.orders..")
                .because("orders hands finished proposals and fills to the ledger's own ports")
                .check(classes);
    }
}
