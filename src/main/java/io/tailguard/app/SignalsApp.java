package io.tailguard.app;

import io.tailguard.broker.BrokerException;
import io.tailguard.sources.SignalRunService;
import io.tailguard.sources.ibkr.BrokerDailyBarSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The signal run service for a console command, with daily bars from the configured broker when it answers. */
public final class SignalsApp implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SignalsApp.class);
    /** The console's signals command connects as the daemon's client id plus this. */
    static final int CLIENT_ID_OFFSET = 2;

    private final SignalRunService service;
    private final BrokerConnection broker;

    private SignalsApp(SignalRunService service, BrokerConnection broker) {
        this.service = service;
        this.broker = broker;
    }

    public static SignalsApp open(Installation installation) {
        SignalServices signals = new SignalServices(installation.clock(), installation.database().dataSource());
        BrokerConnection broker = null;
        try {
            broker = BrokerConnection.open(installation.config(), installation.clock(), CLIENT_ID_OFFSET);
            signals.withBars(new BrokerDailyBarSource(broker.broker()));
        } catch (BrokerException e) {
            log.warn("broker not reachable ({}); daily bars come from the CSV files under data/inputs/bars",
                    e.getMessage());
        }
        return new SignalsApp(signals.get(), broker);
    }

    public SignalRunService service() {
        return service;
    }

    @Override
    public void close() {
        if (broker != null) {
            broker.close();
        }
    }
}
