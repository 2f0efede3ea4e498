package io.tailguard.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.store.DatabaseConfig;
import io.tailguard.broker.sim.market.ReplayAnchor;
import io.tailguard.store.Database;
import io.tailguard.testing.MutableClock;
import io.tailguard.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimGatewayRegistryTest {
    private static final Instant T0 = Instant.parse("2026-12-04T01:13:00.124Z");
    private static final ReplayAnchor ANCHOR = new ReplayAnchor(T0, Instant.parse("2026-11-30T14:30:00Z"), 60);

    @TempDir
    Path dir;

    private final Database database = TestDatabases.inMemory();
    private final SimGatewayRegistry registry;

    SimGatewayRegistryTest() {
        database.migrate();
        registry = new SimGatewayRegistry(database.dataSource());
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static PublishedGateway gateway(String instance, String host, Optional<ReplayAnchor> replay, Instant at) {
        return new PublishedGateway(instance, host, "127.0.0.1", 41234, "DU1234567", replay, at, at);
    }

    @Test
    void aPublishedGatewayIsFoundWithItsClockExactly() {
        registry.publish(gateway("daemon-1", "box", Optional.of(ANCHOR), T0));
        PublishedGateway found = registry.live("box", T0.plusSeconds(5)).orElseThrow();
        assertThat(found.endpoint()).isEqualTo("127.0.0.1:41234");
        assertThat(found.replay()).contains(ANCHOR);
        // the console's clock, rebuilt from the row, tells the daemon's time
        MutableClock wall = new MutableClock(T0.plusSeconds(30));
        assertThat(found.clock(wall).instant()).isEqualTo(Instant.parse("2026-11-30T15:00:00Z"));
    }

    @Test
    void aWallClockDaemonPublishesNoAnchorAndTheConsoleKeepsItsWallClock() {
        registry.publish(gateway("daemon-1", "box", Optional.empty(), T0));
        PublishedGateway found = registry.live("box", T0).orElseThrow();
        assertThat(found.replay()).isEmpty();
        Clock wall = new MutableClock(T0);
        assertThat(found.clock(wall)).isSameAs(wall);
    }

    @Test
    void aDaemonThatStoppedRefreshingIsNotLiveAndItsEntryIsRemovedByTheNextDaemon() {
        registry.publish(gateway("crashed", "box", Optional.of(ANCHOR), T0));
        Instant later = T0.plus(PublishedGateway.STALE_AFTER).plusSeconds(1);
        assertThat(registry.live("box", T0.plus(PublishedGateway.STALE_AFTER))).isPresent();
        assertThat(registry.live("box", later)).isEmpty();
        registry.publish(gateway("elsewhere", "other-box", Optional.empty(), T0));
        assertThat(registry.removeStale("box", later)).isEqualTo(1);
        assertThat(registry.refresh("crashed", later)).as("a removed entry cannot be refreshed").isFalse();
        assertThat(registry.live("other-box", T0)).as("another machine's entry is not ours to remove").isPresent();
    }

    @Test
    void aRefreshKeepsTheEntryLiveAndAStopWithdrawsIt() {
        registry.publish(gateway("daemon-1", "box", Optional.empty(), T0));
        Instant later = T0.plus(Duration.ofMinutes(5));
        assertThat(registry.refresh("daemon-1", later)).isTrue();
        assertThat(registry.live("box", later)).isPresent();
        registry.withdraw("daemon-1");
        assertThat(registry.live("box", later)).isEmpty();
    }

    @Test
    void onlyGatewaysOfThisMachineAreOffered() {
        registry.publish(gateway("daemon-1", "other-box", Optional.empty(), T0));
        assertThat(registry.live("box", T0)).isEmpty();
    }

    @Test
    void lookingUpAMissingDatabaseFindsNothingAndCreatesNothing() {
        DatabaseConfig missing = new DatabaseConfig(TestDatabases.fileUrl(dir), "sa", "", 2);
        assertThat(SimGatewayRegistry.lookup(missing, Clock.systemUTC())).isEmpty();
        assertThat(Files.exists(dir.resolve("tailguard.mv.db"))).isFalse();
    }

    @Test
    void consoleClientIdsDifferFromTheDaemonsAndFromEachOther() {
        int daemon = 17;
        int a = DaemonGateway.consoleClientId(daemon, 1, 4242);
        int b = DaemonGateway.consoleClientId(daemon, 1, 4243);
        int c = DaemonGateway.consoleClientId(daemon, 2, 4242);
        assertThat(a).isNotEqualTo(daemon).isNotEqualTo(b).isNotEqualTo(c);
        assertThat(DaemonGateway.consoleClientId(Integer.MAX_VALUE, 1, 7)).isPositive();
    }
}
