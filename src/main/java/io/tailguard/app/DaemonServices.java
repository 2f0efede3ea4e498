package io.tailguard.app;

import io.tailguard.broker.BrokerMode;
import io.tailguard.schedule.JobConfig;
import io.tailguard.app.config.TailguardConfig;
import io.tailguard.broker.ibkr.IbkrBroker;
import io.tailguard.broker.ibkr.IbkrClientConfig;
import io.tailguard.hedge.WeeklyHedgeConfig;
import io.tailguard.hedge.roll.WeeklyHedgeRollService;
import io.tailguard.ledger.BrokerExpiryReports;
import io.tailguard.ledger.BrokerMarketPrices;
import io.tailguard.ledger.BrokerOpeningMarket;
import io.tailguard.ledger.DailyMarkToMarket;
import io.tailguard.ledger.ExecutionRoutes;
import io.tailguard.ledger.ExpiryBooking;
import io.tailguard.ledger.HedgeCycleLedger;
import io.tailguard.ledger.LedgerConfig;
import io.tailguard.ledger.store.LedgerStore;
import io.tailguard.orders.Actor;
import io.tailguard.orders.store.OrderStore;
import io.tailguard.orders.store.ProposalStore;
import io.tailguard.sources.SourceException;
import io.tailguard.sources.ibkr.BrokerDailyBarSource;
import io.tailguard.store.AuditLog;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the daemon's order loop and jobs share, each built once at start on the market clock: the proposal and
 * order stores, the weekly hedge strategy (read once, from {@code strategies/} beside the configuration's
 * directory), the ledger's configuration and the ledger, the hand-over of finished proposals to it, and the jobs'
 * services. A scheduled job's files are read now, so a bad file stops the start rather than a later fire.
 */
final class DaemonServices {
    private static final Logger log = LoggerFactory.getLogger(DaemonServices.class);
    static final String ROLL_JOB = "weekly-hedge-roll";

    private final Path configFile;
    private final TailguardConfig config;
    private final DataSource dataSource;
    private final IbkrBroker broker;
    private final Clock clock;
    private final ProposalStore proposals;
    private final OrderStore orders;
    private final Optional<WeeklyHedgeConfig> strategy;
    private final HedgeCycleLedger ledger;
    private final ExecutionHandover handover;
    private final Supplier<ExpiryBooking> expiryBooking;
    private final Supplier<DailyMarkToMarket> markToMarket;
    private final Supplier<WeeklyHedgeRollService> roll;

    private DaemonServices(Path configFile, TailguardConfig config, DataSource dataSource, IbkrBroker broker, Clock clock,
            Optional<WeeklyHedgeConfig> strategy, LedgerConfig ledgerConfig) {
        this.configFile = configFile;
        this.config = config;
        this.dataSource = dataSource;
        this.broker = broker;
        this.clock = clock;
        this.proposals = new ProposalStore(dataSource, clock);
        this.orders = new OrderStore(dataSource, clock);
        this.strategy = strategy;
        OrderFills fills = new OrderFills(proposals, orders);
        this.ledger = LedgerApp.ledger(dataSource, ledgerConfig, clock, fills);
        ExecutionRoutes routes = LedgerApp.routes(ledger, strategy, new BrokerOpeningMarket(broker));
        this.handover = new ExecutionHandover(proposals, fills, routes, ledger);
        this.expiryBooking = memoize(() -> new ExpiryBooking(ledger, new BrokerExpiryReports(broker, clock), clock));
        this.markToMarket = memoize(() -> new DailyMarkToMarket(ledger, new LedgerStore(dataSource, clock),
                new BrokerMarketPrices(broker), clock));
        this.roll = memoize(() -> WeeklyHedgeStrategy.service(clock, broker, dataSource, strategy.orElseThrow(),
                WeeklyHedgeStrategy.proposalSink(proposals, AuditLog.forCurrentUser(dataSource, clock),
                        Actor.daemon()), configFile));
    }

    /**
     * Reads the strategy (required when the weekly roll is scheduled; otherwise used when present, for the
     * cycles of the proposals the console rolls) and the ledger's configuration once, and wires the rest.
     */
    static DaemonServices wire(Path configFile, TailguardConfig config, DataSource dataSource, IbkrBroker broker,
            Clock clock) {
        Optional<WeeklyHedgeConfig> strategy = scheduled(config, ROLL_JOB)
                ? Optional.of(WeeklyHedgeStrategy.load(WeeklyHedgeStrategy.fileFor(configFile)))
                : WeeklyHedgeStrategy.loadIfPresent(configFile);
        if (strategy.isEmpty()) {
            log.warn("no weekly hedge strategy at {}: executed weekly hedges open no hedge cycle until it is there",
                    WeeklyHedgeStrategy.fileFor(configFile));
        }
        return new DaemonServices(configFile, config, dataSource, broker, clock, strategy,
                LedgerApp.loadConfig(configFile, strategy));
    }

    ProposalStore proposals() {
        return proposals;
    }

    OrderStore orders() {
        return orders;
    }

    HedgeCycleLedger ledger() {
        return ledger;
    }

    ExecutionHandover handover() {
        return handover;
    }

    ExpiryBooking expiryBooking() {
        return expiryBooking.get();
    }

    /**
     * The configured jobs with their services, each built on first fire; {@code wall} is the job shells' clock
     * (they judge lateness against Quartz's fire times, which are wall times), the services run on the market
     * clock. A job that needs the broker waits for it at {@code gate}.
     */
    JobCatalog jobCatalog(Clock wall, BrokerJobGate gate) {
        SignalServices signals = new SignalServices(clock, dataSource, configFile);
        BrokerDailyBarSource brokerBars = new BrokerDailyBarSource(broker);
        if (config.broker().mode() == BrokerMode.SIM) {
            // the embedded gateway's bars and the shipped samples, each labelled as such
            signals.withSimulatedMarket(brokerBars, SignalServices.simulatedMarket(config.sim().seed()));
        } else {
            // with the broker down a bar request would wait out its timeout, one symbol after the other: the signal
            // layers get a fast failure instead and mark those inputs missing
            signals.withBars((symbol, from, to) -> {
                if (!broker.client().health().isUp()) {
                    throw new SourceException("broker bars for " + symbol + ": the broker at " + address(broker)
                            + " is not connected", true);
                }
                return brokerBars.dailyBars(symbol, from, to);
            });
        }
        JobCatalog catalog = JobCatalog.forDaemon(dataSource, wall, signals::get, () -> {
            gate.require("daily-mark-to-market");
            return markToMarket.get();
        }, () -> {
            gate.require(ROLL_JOB);
            return roll.get();
        }, () -> {
            gate.require("expiry-booking"); // its evidence is the broker's positions and daily bars
            return expiryBooking.get();
        });
        if (scheduled(config, "daily-signals")) {
            signals.get(); // a bad signal configuration stops the daemon at start, not at 16:30
        }
        return catalog;
    }

    static String address(IbkrBroker broker) {
        IbkrClientConfig c = broker.client().config();
        return c.host() + ":" + c.port();
    }

    private static boolean scheduled(TailguardConfig config, String job) {
        Map<String, JobConfig> jobs = config.schedule().jobs();
        return jobs.containsKey(job) && jobs.get(job).enabled();
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
