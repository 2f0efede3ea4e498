package io.tailguard.app;

import io.tailguard.broker.BrokerMode;
import io.tailguard.broker.BrokerException;
import io.tailguard.sources.DailyBarSource;
import io.tailguard.sources.SignalRunService;
import io.tailguard.sources.SourceException;
import io.tailguard.sources.ibkr.BrokerDailyBarSource;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signal run service for a console command. On the embedded default ({@code broker.mode: sim}) the bars come
 * from a simulated gateway and every other input from the samples shipped with tailguard, labelled as such; with a
 * real broker, from the broker when it answers (else CSV bars), FRED and EDGAR.
 */
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
        SignalServices signals = new SignalServices(installation.clock(), installation.database().dataSource(),
                installation.configFile());
        boolean simulated = installation.config().broker().mode() == BrokerMode.SIM;
        String market = SignalServices.simulatedMarket(installation.config().sim().seed());
        BrokerConnection broker = null;
        try {
            broker = BrokerConnection.open(installation.config(), installation.clock(), CLIENT_ID_OFFSET);
            DailyBarSource bars = new BrokerDailyBarSource(broker.broker());
            if (simulated) {
                signals.withSimulatedMarket(bars, market);
            } else {
                signals.withBars(bars);
            }
        } catch (BrokerException e) {
            if (simulated) {
                log.warn("the simulated gateway did not start ({}); the layers that need daily bars are unknown",
                        e.getMessage());
                signals.withSimulatedMarket(unavailable(market, e.getMessage()), market);
            } else {
                log.warn("broker not reachable ({}); daily bars come from the CSV files under data/inputs/bars",
                        e.getMessage());
            }
        }
        return new SignalsApp(signals.get(), broker);
    }

    private static DailyBarSource unavailable(String market, String why) {
        return new DailyBarSource() {
            @Override
            public List<io.tailguard.sources.DailyClose> dailyBars(String symbol, java.time.LocalDate from,
                    java.time.LocalDate to) {
                throw new SourceException(market + " not available: " + why, false);
            }

            @Override
            public String description() {
                return market;
            }
        };
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
