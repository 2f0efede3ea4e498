package io.tailguard.broker.ibkr;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.tailguard.broker.ibkr.client.BlockingResult;
import io.tailguard.broker.ibkr.connection.Ticker;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The TWS client measures and waits on its injected {@link Ticker} only, so a test's fake ticker drives all of
 * its pacing, backoff and timeouts. Allowed: the system ticker itself, {@link BlockingResult}'s real-time
 * backstop, and the chain benchmark (it measures real elapsed time on purpose).
 */
class TwsClientTimeTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tailguard.broker.ibkr");

    @Test
    void readsNoSystemTimeButTheTicker() {
        noClasses().that().resideInAPackage("io.tailguard.broker.ibkr..")
                .and().doNotHaveFullyQualifiedName(Ticker.SystemTicker.class.getName())
                .and().doNotHaveSimpleName("ChainPullBenchmark")
                .should().callMethod(System.class, "nanoTime")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .because("a fake ticker cannot drive a wait measured on System.nanoTime")
                .check(CLASSES);
    }

    @Test
    void waitsWithATimeoutOnlyThroughTheTicker() {
        noClasses().that().resideInAPackage("io.tailguard.broker.ibkr..")
                .and().doNotHaveFullyQualifiedName(Ticker.SystemTicker.class.getName())
                .and().doNotHaveFullyQualifiedName(BlockingResult.class.getName())
                .should().callMethod(Object.class, "wait", long.class)
                .orShould().callMethod(Thread.class, "sleep", long.class)
                .orShould().callMethod(TimeUnit.class, "timedWait", Object.class, long.class)
                .orShould().callMethod(Future.class, "get", long.class, TimeUnit.class)
                .orShould().callMethod(CompletableFuture.class, "get", long.class, TimeUnit.class)
                .orShould().callMethod(Semaphore.class, "tryAcquire", long.class, TimeUnit.class)
                .orShould().dependOnClassesThat().areAssignableTo(ScheduledExecutorService.class)
                .because("a timeout on real time fires whatever a test's fake ticker says")
                .check(CLASSES);
    }
}
