package io.tailguard.app;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tailguard.app.config.ConfigLoader;
import io.tailguard.broker.Broker;
import io.tailguard.hedge.WeeklyHedgeConfig;
import io.tailguard.hedge.roll.ProposalSink;
import io.tailguard.hedge.roll.SignalsReader;
import io.tailguard.hedge.roll.WeeklyHedgeRollService;
import io.tailguard.orders.Actor;
import io.tailguard.orders.store.ProposalStore;
import io.tailguard.schedule.ExchangeCalendar;
import io.tailguard.sources.snapshot.SignalSnapshotRepository;
import io.tailguard.store.AuditLog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import javax.sql.DataSource;

/**
 * Wiring of the weekly hedge: binds {@code strategies/weekly-xsp-hedge.yaml}, reads the latest stored
 * signal snapshot, and stores proposals in the orders' {@link ProposalStore} (with an audit row).
 */
public final class WeeklyHedgeStrategy {
    public static final Path DEFAULT_FILE = Path.of("strategies", "weekly-xsp-hedge.yaml");

    private WeeklyHedgeStrategy() {
    }

    /** Binds and validates the strategy file; errors name the file and the field. */
    @SuppressWarnings("deprecation")
    public static WeeklyHedgeConfig load(Path file) {
        ObjectMapper yaml = ConfigLoader.newYamlMapper().configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true);
        return ConfigLoader.bind(file, ConfigLoader.readTree(file, yaml), WeeklyHedgeConfig.class, yaml);
    }

    /** The latest stored snapshot (by session date), or none. */
    public static SignalsReader signals(DataSource dataSource) {
        SignalSnapshotRepository repo = new SignalSnapshotRepository(dataSource);
        return () -> repo.latestBefore(LocalDate.of(9999, 1, 1));
    }

    /** Proposals go to the shared database as PROPOSED, by the daemon, with an audit row. */
    public static ProposalSink proposalStore(DataSource dataSource, Clock clock, Actor who) {
        ProposalStore store = new ProposalStore(dataSource, clock);
        AuditLog audit = AuditLog.forCurrentUser(dataSource, clock);
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
