package io.tailguard.app;

import com.fasterxml.jackson.databind.MapperFeature;
import io.tailguard.config.YamlConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import io.tailguard.config.ConfigException;
import io.tailguard.broker.Broker;
import io.tailguard.hedge.WeeklyHedgeConfig;
import io.tailguard.hedge.roll.ProposalSink;
import io.tailguard.hedge.roll.SignalsReader;
import io.tailguard.hedge.roll.WeeklyHedgeRollService;
import io.tailguard.ledger.WeeklyHedgeCycles;
import io.tailguard.orders.Actor;
import io.tailguard.orders.store.ProposalStore;
import io.tailguard.calendar.ExchangeCalendar;
import io.tailguard.signals.VolatilityRegimeRule;
import io.tailguard.sources.SignalLayersConfigLoader;
import io.tailguard.sources.snapshot.SignalSnapshotRepository;
import io.tailguard.store.AuditLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Wiring of the weekly hedge: binds {@code strategies/weekly-xsp-hedge.yaml}, reads the latest stored
 * signal snapshot and the volatility-regime rule of {@code strategies/signal-layers.yaml}, and stores proposals in
 * the orders' {@link ProposalStore} (with an audit row).
 */
public final class WeeklyHedgeStrategy {
    /** The strategy file relative to the working directory: the default of the console's {@code --strategy}. */
    public static final Path DEFAULT_FILE = Path.of("strategies", "weekly-xsp-hedge.yaml");

    /**
     * Keys the strategy file's {@code regimes:} had before the regime was defined once, by the signal layers, and
     * where each went (so an older strategy file is told what to do rather than only that the key is unknown).
     */
    private static final Map<String, String> MOVED_REGIME_KEYS = Map.of(
            "modestAbove", "volatility.regime.modestFrom",
            "coveredCallsAbove", "volatility.regime.richFrom",
            "fallingPeak", "volatility.regime.fallingPeakAtLeast",
            "fallingMinDrop", "volatility.regime.fallingMinDrop",
            "fallingLookbackDays", "volatility.regime.fallingLookbackDays");

    private WeeklyHedgeStrategy() {
    }

    /**
     * The installation's strategy file: {@code strategies/} beside the configuration's directory
     * ({@code config/tailguard.yaml} → {@code strategies/weekly-xsp-hedge.yaml}), wherever the process runs; a
     * configuration outside a {@code config/} directory has {@code strategies/} beside itself.
     */
    public static Path fileFor(Path configFile) {
        return home(configFile).resolve(DEFAULT_FILE);
    }

    /** The installation's signal layers, {@code strategies/signal-layers.yaml} beside the configuration's directory. */
    public static Path signalLayersFor(Path configFile) {
        return home(configFile).resolve(SignalLayersConfigLoader.DEFAULT_LAYERS_FILE);
    }

    /** The installation's signal sources, {@code signal-sources.yaml} beside the configuration file. */
    public static Path signalSourcesFor(Path configFile) {
        return configFile.toAbsolutePath().normalize().resolveSibling(SignalLayersConfigLoader.DEFAULT_SOURCES_FILE
                .getFileName());
    }

    /**
     * The installation's directory: the one holding {@code config/} and {@code strategies/} when the configuration
     * is in a {@code config/} directory (the shipped layout), else the configuration's own directory.
     */
    private static Path home(Path configFile) {
        Path configDir = configFile.toAbsolutePath().normalize().getParent();
        boolean inConfigDir = configDir.getFileName() != null && configDir.getFileName().toString().equals("config");
        return inConfigDir && configDir.getParent() != null ? configDir.getParent() : configDir;
    }

    /** The installation's strategy, bound and validated, or empty when it has no strategy file. */
    public static Optional<WeeklyHedgeConfig> loadIfPresent(Path configFile) {
        Path file = fileFor(configFile);
        return Files.exists(file) ? Optional.of(load(file)) : Optional.empty();
    }

    /** Binds and validates the strategy file; errors name the file and the field. */
    @SuppressWarnings("deprecation")
    public static WeeklyHedgeConfig load(Path file) {
        ObjectMapper yaml = YamlConfig.newYamlMapper().configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true);
        JsonNode tree = YamlConfig.readTree(file, yaml);
        JsonNode regimes = tree.path("regimes");
        MOVED_REGIME_KEYS.keySet().stream().sorted().filter(regimes::has).findFirst().ifPresent(key -> {
            throw new ConfigException(file, "regimes." + key, "the regime thresholds are defined once, in "
                    + SignalLayersConfigLoader.DEFAULT_LAYERS_FILE + " (" + MOVED_REGIME_KEYS.get(key)
                    + "); remove this key here");
        });
        return YamlConfig.bind(file, tree, WeeklyHedgeConfig.class, yaml);
    }

    /** The rule the signal layers classify the volatility regime by ({@code volatility.regime}). */
    public static VolatilityRegimeRule regimeRule(Path configFile) {
        return new SignalLayersConfigLoader().loadLayers(signalLayersFor(configFile)).volatility().regime();
    }

    /** What the ledger needs to know of the strategy to open its cycles. */
    public static WeeklyHedgeCycles.Terms terms(WeeklyHedgeConfig config) {
        return new WeeklyHedgeCycles.Terms(config.underlying().symbol(), config.hedgeInstrument().symbol(),
                config.hedgeInstrument().indexExchange());
    }

    /** The latest stored snapshot (by session date), or none, and the layers' regime rule. */
    public static SignalsReader signals(DataSource dataSource, Path configFile) {
        SignalSnapshotRepository repo = new SignalSnapshotRepository(dataSource);
        return SignalsReader.of(regimeRule(configFile), () -> repo.latestBefore(LocalDate.of(9999, 1, 1)));
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
            WeeklyHedgeConfig config, ProposalSink sink, Path configFile) {
        return new WeeklyHedgeRollService(clock, broker, signals(dataSource, configFile), sink, ExchangeCalendar.nyse(),
                config);
    }
}
