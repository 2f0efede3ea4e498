package io.tailguard.app;

import io.tailguard.broker.BrokerMode;
import io.tailguard.app.config.ConfigLoader;
import io.tailguard.app.config.TailguardConfig;
import io.tailguard.store.AuditLog;
import io.tailguard.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * What a console command works with: the validated configuration, the shared, migrated database, and the
 * market clock. The daemon and the console are separate processes; everything they share goes through this
 * database, including, in {@code sim} mode, where the daemon's simulated gateway listens and what time its market
 * is at ({@link SimGatewayRegistry}).
 */
public final class Installation implements AutoCloseable {
    private final Path configFile;
    private final TailguardConfig config;
    private final Database database;
    private final Clock wall;
    private final Clock clock;

    private Installation(Path configFile, TailguardConfig config, Database database, Clock wall, Clock clock) {
        this.configFile = configFile;
        this.config = config;
        this.database = database;
        this.wall = wall;
        this.clock = clock;
    }

    /**
     * Loads and checks the configuration, opens the database and applies pending migrations. {@code wall} is the
     * wall clock; {@link #clock()} is the market clock resolved from it ({@link MarketClock#forConsole}).
     */
    public static Installation open(Path configFile, Clock wall) {
        TailguardConfig config = ConfigLoader.fromSystemEnvironment().load(configFile);
        JobCatalog.requireKnown(configFile, config);
        Database database = Database.open(config.database().url(), config.database().username(),
                config.database().password(), Math.min(4, config.database().poolSize()));
        Clock market;
        try {
            database.migrate();
            market = MarketClock.forConsole(config, wall, config.broker().mode() == BrokerMode.SIM
                    ? new SimGatewayRegistry(database.dataSource()).live(AuditLog.localHostName(), wall.instant())
                    : Optional.empty());
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return new Installation(configFile, config, database, wall, market);
    }

    public Path configFile() {
        return configFile;
    }

    public TailguardConfig config() {
        return config;
    }

    public Database database() {
        return database;
    }

    /**
     * The market clock: the wall clock, or on a replay ({@code sim.clock}) the simulated market's: the running
     * daemon's when it publishes its gateway, else a replay that starts now, as the command's own market will.
     * Everything that decides by market time (quote ages, approvals, expiries, "today") uses it.
     */
    public Clock clock() {
        return clock;
    }

    /** The wall clock. */
    public Clock wallClock() {
        return wall;
    }

    /** The audit trail of the trader's actions, on the wall clock (as the daemon's own events are). */
    public AuditLog audit() {
        return AuditLog.forCurrentUser(database.dataSource(), wall);
    }

    @Override
    public void close() {
        database.close();
    }
}
