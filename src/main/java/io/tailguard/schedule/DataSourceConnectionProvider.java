package io.tailguard.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.quartz.utils.ConnectionProvider;

/** Hands Quartz connections from our own HikariCP pool, so the job store and the app share one pool. */
final class DataSourceConnectionProvider implements ConnectionProvider {
    private final DataSource dataSource;

    DataSourceConnectionProvider(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void shutdown() {
        // the pool belongs to the Database, which closes it after the scheduler has stopped
    }

    @Override
    public void initialize() {
        // nothing to set up: the pool is already open
    }
}
