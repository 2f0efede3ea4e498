package io.tailguard.app;

import io.tailguard.app.config.ConfigLoader;
import io.tailguard.app.config.TailguardConfig;
import io.tailguard.store.AuditLog;
import io.tailguard.store.Database;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What a console command works with: the validated configuration and the shared, migrated database.
 * The daemon and the console are separate processes; everything they share goes through this database.
 */
public final class Installation implements AutoCloseable {
    private final Path configFile;
    private final TailguardConfig config;
    private final Database database;
    private final Clock clock;

    private Installation(Path configFile, TailguardConfig config, Database database, Clock clock) {
        this.configFile = configFile;
        this.config = config;
        this.database = database;
        this.clock = clock;
    }

    /** Loads and checks the configuration, opens the database and applies pending migrations. */
    public static Installation open(Path configFile, Clock clock) {
        TailguardConfig config = ConfigLoader.fromSystemEnvironment().load(configFile);
        JobCatalog.requireKnown(configFile, config);
        Database database = Database.open(config.database().url(), config.database().username(),
                config.database().password(), Math.min(4, config.database().poolSize()));
        try {
            database.migrate();
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return new Installation(configFile, config, database, clock);
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

    public Clock clock() {
        return clock;
    }

    public AuditLog audit() {
        return AuditLog.forCurrentUser(database.dataSource(), clock);
    }

    @Override
    public void close() {
        database.close();
    }
}
