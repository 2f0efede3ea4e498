package io.tailguard.app;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tailguard.app.config.ConfigLoader;
import io.tailguard.broker.Broker;
import io.tailguard.hedge.WeeklyHedgeConfig;
import io.tailguard.hedge.roll.ProposalSink;
import io.tailguard.hedge.roll.SignalsReader;
import io.tailguard.hedge.roll.WeeklyHedgeRollService;
import io.tailguard.ledger.WeeklyHedgeCycles;
import io.tailguard.orders.Actor;
import io.tailguard.orders.store.ProposalStore;
import io.tailguard.schedule.ExchangeCalendar;
import io.tailguard.sources.snapshot.SignalSnapshotRepository;
import io.tailguard.store.AuditLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Wiring of the weekly hedge: binds {@code strategies/weekly-xsp-hedge.yaml}, reads the latest stored
 * signal snapshot, and stores proposals in the orders' {@link ProposalStore} (with an audit row).
 */
public final class WeeklyHedgeStrategy {
    /** The strategy file relative to the working directory: the default of the console's {@code --strategy}. */
    public static final Path DEFAULT_FILE = Path.of("strategies", "weekly-xsp-hedge.yaml");

    private WeeklyHedgeStrategy() {
    }

    /**
     * The installation's strategy file: {@code strategies/} beside the configuration's directory
     * ({@code config/tailguard.yaml} → {@code strategies/weekly-xsp-hedge.yaml}), wherever the process runs.
     */
    public static Path fileFor(Path configFile) {
        Path configDir = configFile.toAbsolutePath().normalize().getParent();
        Path home = configDir.getParent() == null ? configDir : configDir.getParent();
        return home.resolve(DEFAULT_FILE);
    }

    /** The installation's strategy, bound and validated, or empty when it has no strategy file. */
    public static Optional<WeeklyHedgeConfig> loadIfPresent(Path configFile) {
        Path file = fileFor(configFile);
        return Files.exists(file) ? Optional.of(load(file)) : Optional.empty();
    }

    /** Binds and validates the strategy file; errors name the file and the field. */
    @SuppressWarnings("deprecation")
    public static WeeklyHedgeConfig load(Path file) {
        ObjectMapper yaml = ConfigLoader.newYamlMapper().configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true);
        return ConfigLoader.bind(file, ConfigLoader.readTree(file, yaml), WeeklyHedgeConfig.class, yaml);
    }

    /** What the ledger needs to know of the strategy to open its cycles. */
    public static WeeklyHedgeCycles.Terms terms(WeeklyHedgeConfig config) {
        return new WeeklyHedgeCycles.Terms(config.underlying().symbol(), config.hedgeInstrument().symbol(),
                config.hedgeInstrument().indexExchange());
    }

    /** The latest stored snapshot (by session date), or none. */
    public static SignalsReader signals(DataSource dataSource) {
        SignalSnapshotRepository repo = new SignalSnapshotRepository(dataSource);
        return () -> repo.latestBefore(LocalDate.of(9999, 1, 1));
    }

    /** Proposals go to the shared database as PROPOSED, by {@code who}, with an audit row. */
    public static ProposalSink proposalStore(DataSource dataSource, Clock clock, Actor who) {
        return proposalSink(new ProposalStore(dataSource, clock), AuditLog.forCurrentUser(dataSource, clock), who);
    }

    /** As above, into the process's own proposal store. */
    public static ProposalSink proposalSink(ProposalStore store, AuditLog audit, Actor who) {
        return p -> {
            store.insert(p, who);
            audit.record("PROPOSAL_CREATED", p.id(), p.strategy() + ": " + p.legs().size() + " legs");
        };
    }

    public static WeeklyHedgeRollService service(Clock clock, Broker broker, DataSource dataSource,
            WeeklyHedgeConfig config, ProposalSink sink) {
        return new WeeklyHedgeRollService(clock, broker, signals(dataSource), sink, ExchangeCalendar.nyse(), config);
    }
}
