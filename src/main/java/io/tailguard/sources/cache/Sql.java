package io.tailguard.sources.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Plain JDBC plumbing for the signal repositories: one transaction, one query. SQL errors become unchecked. */
public final class Sql {
    private final DataSource dataSource;
    private final String owner;

    public Sql(DataSource dataSource, String owner) {
        this.dataSource = dataSource;
        this.owner = owner;
    }

    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    public interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    public interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    public <T> T inTransaction(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean auto = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(owner + ": " + e.getMessage(), e);
        }
    }

    public void query(String sql, Binder binder, RowReader reader) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement ps = connection.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(owner + ": " + e.getMessage(), e);
        }
    }
}
