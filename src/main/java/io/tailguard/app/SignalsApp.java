package io.tailguard.app;

import io.tailguard.sources.SignalRunService;

/** The signal run service for a console command, with daily bars from the configured broker when one answers. */
public final class SignalsApp implements AutoCloseable {
    private final SignalRunService service;

    private SignalsApp(SignalRunService service) {
        this.service = service;
    }

    public static SignalsApp open(Installation installation) {
        return new SignalsApp(new SignalServices(installation.clock(), installation.database().dataSource()).get());
    }

    public SignalRunService service() {
        return service;
    }

    @Override
    public void close() {
        // the broker connection, once wired, is closed here
    }
}
