package io.tailguard.app;

import io.tailguard.sources.DailyBarSource;
import java.nio.file.Path;
import io.tailguard.sources.SignalRunService;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * Wires the signal run service once, on first use, from strategies/signal-layers.yaml and config/signal-sources.yaml:
 * on live sources (FRED, EDGAR, the broker's or CSV bars), or on the simulated market with the sample data shipped
 * with tailguard.
 */
final class SignalServices {
    private final Clock clock;
    private final DataSource dataSource;
    private final Path layersFile;
    private final Path sourcesFile;
    private DailyBarSource bars;
    private String simulatedMarket;
    private SignalRunService service;

    /** The installation's signal files, found beside {@code configFile} ({@link WeeklyHedgeStrategy#signalLayersFor}). */
    SignalServices(Clock clock, DataSource dataSource, Path configFile) {
        this.clock = clock;
        this.dataSource = dataSource;
        this.layersFile = WeeklyHedgeStrategy.signalLayersFor(configFile);
        this.sourcesFile = WeeklyHedgeStrategy.signalSourcesFor(configFile);
    }

    /** Daily bars from a real broker; without one, the CSV files under data/inputs/bars. */
    synchronized SignalServices withBars(DailyBarSource source) {
        this.bars = source;
        this.simulatedMarket = null;
        this.service = null;
        return this;
    }

    /**
     * The embedded default ({@code broker.mode: sim}): bars from the simulated gateway, named {@code description}
     * in every snapshot, and the rest from the shipped samples; no network.
     */
    synchronized SignalServices withSimulatedMarket(DailyBarSource source, String description) {
        this.bars = source;
        this.simulatedMarket = description;
        this.service = null;
        return this;
    }

    synchronized SignalRunService get() {
        if (service == null) {
            service = simulatedMarket != null
                    ? SignalRunService.wireSimulated(clock, dataSource, bars, simulatedMarket, layersFile, sourcesFile)
                    : SignalRunService.wire(clock, dataSource, bars, layersFile, sourcesFile, System.getenv());
        }
        return service;
    }

    /** How a snapshot names the embedded default's market. */
    static String simulatedMarket(long seed) {
        return "simulated gateway (seed " + seed + ")";
    }
}
