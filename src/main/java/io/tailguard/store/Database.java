package io.tailguard.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database of one installation: a HikariCP pool and the Flyway-owned schema. SQL migrations live
 * in {@code classpath:db/migration}, Java migrations in {@code io.tailguard.store.migration}.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    public static final String[] MIGRATION_LOCATIONS = {"classpath:db/migration", "classpath:io/tailguard/store/migration"};

    private final String url;
    private final HikariDataSource dataSource;

    private Database(String url, HikariDataSource dataSource) {
        this.url = url;
        this.dataSource = dataSource;
    }

    /** Opens the pool and checks that the database answers; a failure names the URL. */
    public static Database open(String url, String username, String password, int poolSize) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(withCommitsWrittenAtOnce(withQueryCache(url)));
        hikari.setUsername(username);
        hikari.setPassword(password);
        hikari.setMaximumPoolSize(poolSize);
        hikari.setMinimumIdle(1);
        hikari.setPoolName("tailguard");
        hikari.setConnectionTimeout(10_000);
        // fail at once with the driver's reason rather than retrying for seconds: a wrong URL or a missing
        // database file should be reported immediately
        hikari.setInitializationFailTimeout(1);
        try {
            return new Database(url, new HikariDataSource(hikari));
        } catch (RuntimeException e) {
            throw new StoreException("cannot open database " + url + ": " + rootMessage(e), e);
        }
    }

    /**
     * H2 keeps the parsed form of only the last {@code QUERY_CACHE_SIZE} statements per session (8 by
     * default) and parses any other statement again. One pass of the order loop runs some fifteen
     * distinct statements, so with 8 every statement was re-parsed: a quarter of the CPU between an
     * approval and its PLACE_ORDER (notes/issue-4-latency.md). A URL that sets the size keeps its own.
     */
    static String withQueryCache(String url) {
        if (!url.startsWith("jdbc:h2:") || url.toUpperCase(java.util.Locale.ROOT).contains("QUERY_CACHE_SIZE=")) {
            return url;
        }
        return url + ";QUERY_CACHE_SIZE=" + H2_QUERY_CACHE_SIZE;
    }

    static final int H2_QUERY_CACHE_SIZE = 64;

    /**
     * H2 writes a committed transaction to its file up to {@code WRITE_DELAY} ms later (500 by default):
     * a daemon killed (kill -9, the OOM killer) within that time loses rows it had committed, such as the
     * PENDING_SUBMIT row written before an order is sent, and after a restart it cannot tell that the
     * order went out (measured: a table created and 200 rows committed just before kill -9 were all
     * gone). With 0 each commit is written to the file (the OS's cache) by the committing thread before
     * commit returns. On H2's default {@code file:} store, a thread interrupted while it writes closes
     * the file channel and with it the whole database ("The database has been closed"; Quartz interrupts
     * threads at shutdown), so the file is opened through {@code async:}, whose channel an interrupt does
     * not close. Same files, same format, and a console opening them as {@code file:} still joins the
     * daemon's automatic mixed mode. Only for a local file database; a URL that names another file
     * system or sets WRITE_DELAY itself is left as it is.
     */
    static String withCommitsWrittenAtOnce(String url) {
        if (!url.regionMatches(true, 0, "jdbc:h2:", 0, 8)) {
            return url;
        }
        String name = url.substring(8);
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        String path;
        if (lower.startsWith("file:")) {
            path = name.substring(5);
        } else if (lower.startsWith("async:")) {
            path = name.substring(6);
        } else if (name.startsWith("./") || name.startsWith("../") || name.startsWith("~") || name.startsWith("/")
                || name.matches("(?s)[A-Za-z]:[\\\\/].*")) {
            path = name;
        } else {
            return url; // mem:, tcp:, ssl:, zip:, nio:, split:, ... : not ours to change
        }
        String rewritten = "jdbc:h2:async:" + path;
        return lower.contains("write_delay=") ? rewritten : rewritten + ";WRITE_DELAY=0";
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String url() {
        return url;
    }

    public boolean isH2() {
        return url.startsWith("jdbc:h2:");
    }

    /** Applies pending migrations; returns how many were applied. Safe on an already migrated database. */
    public int migrate() {
        MigrateResult result = flyway().migrate();
        if (result.migrationsExecuted > 0) {
            log.info("database migrated to version {} ({} migrations applied)", result.targetSchemaVersion,
                    result.migrationsExecuted);
        }
        return result.migrationsExecuted;
    }

    /** The current schema version, or null on an empty database. */
    public String schemaVersion() {
        MigrationInfo current = flyway().info().current();
        return current == null ? null : current.getVersion().getVersion();
    }

    /** Migrations known to this build but not yet applied. */
    public int pendingMigrations() {
        return flyway().info().pending().length;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    private Flyway flyway() {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(MIGRATION_LOCATIONS)
                .loggers("slf4j")
                .load();
    }

    @Override
    public void close() {
        dataSource.close();
    }

    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
