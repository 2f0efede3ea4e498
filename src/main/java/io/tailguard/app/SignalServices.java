package io.tailguard.app;

import io.tailguard.sources.DailyBarSource;
import io.tailguard.sources.SignalLayersConfigLoader;
import io.tailguard.sources.SignalRunService;
import java.time.Clock;
import javax.sql.DataSource;

/** Wires the signal run service once, on first use, from strategies/signal-layers.yaml and config/signal-sources.yaml. */
final class SignalServices {
    private final Clock clock;
    private final DataSource dataSource;
    private DailyBarSource bars;
    private SignalRunService service;

    SignalServices(Clock clock, DataSource dataSource) {
        this.clock = clock;
        this.dataSource = dataSource;
    }

    /** Daily bars from the broker; without one, the CSV files under data/inputs/bars. */
    synchronized SignalServices withBars(DailyBarSource source) {
        this.bars = source;
        this.service = null;
        return this;
    }

    synchronized SignalRunService get() {
        if (service == null) {
            service = SignalRunService.wire(clock, dataSource, bars, SignalLayersConfigLoader.DEFAULT_LAYERS_FILE,
                    SignalLayersConfigLoader.DEFAULT_SOURCES_FILE, System.getenv());
        }
        return service;
    }
}
