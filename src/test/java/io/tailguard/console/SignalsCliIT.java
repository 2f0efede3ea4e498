package io.tailguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.testing.CliProcess;
import io.tailguard.testing.CliProcess.Result;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tailguard signals} as a newcomer runs it: the built jar on a fresh installation, offline. */
class SignalsCliIT {
    private static final List<String> LAYERS = List.of("RATE_SENSITIVITY", "CASH_FLOW_DURABILITY", "DELUSION_REGIME",
            "CONTRARIAN_FLAGS", "STEEPENER_SETUP", "DURATION_BARBELL", "POWELL_PAUSE", "VOLATILITY_REGIME",
            "RISK_ASSESSMENT");

    @TempDir
    Path dir;

    CliProcess tailguard;

    @BeforeEach
    void freshInstallation() {
        tailguard = CliProcess.freshInstallation(dir);
    }

    @Test
    void computesEveryLayerOnTheEmbeddedDefaultAndSaysTheDataIsSimulatedOrSample() {
        Result r = tailguard.run("signals");

        assertThat(r.exitCode()).as(r.describe()).isZero();
        for (String layer : LAYERS) {
            assertThat(r.stdoutLines()).as(r.describe()).anySatisfy(l -> assertThat(l).startsWith("  " + layer + " "));
        }
        // the shipped 10-K sample has no AI name (none was found with provenance): only that layer is unknown,
        // and it says why
        assertThat(r.stdoutLines()).as(r.describe()).filteredOn(l -> l.contains("UNKNOWN")).singleElement()
                .satisfies(l -> assertThat(l).startsWith("  CONTRARIAN_FLAGS       UNKNOWN: no AI name could be scored"));
        assertThat(r.stdout()).as(r.describe()).contains("NOT LIVE", "SIMULATED simulated gateway (seed 42)",
                "SAMPLE market-history/sofr.csv (real FRED SOFR history), sample as of 2026-08-20",
                "SAMPLE config/inputs-example/fundamentals.csv (10-K figures, sources in SOURCES.md), sample as of "
                        + "2025-06-30",
                "SAMPLE config/inputs-example/fedwatch.csv (illustrative example figures, not real data)",
                "SAMPLE config/inputs-example/forward-pe.csv (illustrative example figures, not real data)",
                "- passing: AAPL, MSFT",
                "Missing inputs\n", "edgar:PLTR.revenue", "edgar:PG.debt");
        assertThat(r.logLinesOnStdout()).as(r.describe()).isEmpty();
        assertThat(r.stdout()).as(r.describe()).doesNotContain("tws-reader", "SimGateway");
    }

    @Test
    void historyListsTheStoredSnapshotMarkedNotLive() {
        Result run = tailguard.run("signals");
        String asOf = run.stdoutLines().get(0).replaceAll("^Signal snapshot as of (\\S+) .*$", "$1");

        Result r = tailguard.run("signals", "--history");

        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdoutLines()).as(r.describe()).hasSize(2);
        assertThat(r.stdoutLines().get(0)).startsWith("as of");
        assertThat(r.stdoutLines().get(1)).as(r.describe()).startsWith(asOf).contains("NOT LIVE");
        assertThat(r.logLinesOnStdout()).as(r.describe()).isEmpty();
    }

    @Test
    void aRealSourceThatCannotBeReachedIsNamedAsMissing() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        Path config = dir.resolve("config/tailguard.yaml");
        Files.writeString(config, Files.readString(config).replace("mode: sim ", "mode: tws ")
                .replace("port: 0 ", "port: " + closed + " "));
        Path sources = dir.resolve("config/signal-sources.yaml");
        Files.writeString(sources, Files.readString(sources)
                .replace("https://api.stlouisfed.org/fred", "http://127.0.0.1:" + closed + "/fred")
                .replace("https://data.sec.gov", "http://127.0.0.1:" + closed));
        tailguard.env("FRED_API_KEY", "test-key");

        Result r = tailguard.run("signals");

        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout()).as(r.describe()).contains("data                 live sources", "Missing inputs",
                "fred:SOFR", "unreachable at 127.0.0.1:" + closed, "edgar:MSFT.revenue", "not tried");
        assertThat(r.stdout()).doesNotContain(" WARN ");
    }
}
