package io.tailguard.store.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.quartz.impl.jdbcjobstore.JobStoreSupport;

/**
 * Creates Quartz's JDBC job-store tables by running the DDL script that ships inside the Quartz jar
 * for the database in use, so the schema always matches the Quartz version we run and none of its
 * DDL is copied into our sources.
 */
public class V2__QuartzJobStore extends BaseJavaMigration {
    private static final String SCRIPT_FOLDER = "org/quartz/impl/jdbcjobstore/";

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String script = scriptFor(connection.getMetaData().getDatabaseProductName());
        for (String statement : statements(read(script))) {
            try (Statement st = connection.createStatement()) {
                st.execute(statement);
            } catch (SQLException e) {
                throw new SQLException("Quartz DDL " + script + " failed at: " + firstLine(statement), e);
            }
        }
    }

    public static String scriptFor(String databaseProduct) {
        String product = databaseProduct.toLowerCase(Locale.ROOT);
        if (product.contains("h2")) {
            return SCRIPT_FOLDER + "tables_h2.sql";
        }
        if (product.contains("postgres")) {
            return SCRIPT_FOLDER + "tables_postgres.sql";
        }
        throw new IllegalStateException("no Quartz job-store DDL for database '" + databaseProduct
                + "'; tailguard supports H2 and PostgreSQL");
    }

    /** Splits a script into statements: drops comment lines, DROP/COMMIT statements, splits on ';'. */
    public static List<String> statements(String script) {
        StringBuilder body = new StringBuilder();
        for (String line : script.split("\\R")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("--") || trimmed.startsWith("#") || trimmed.isEmpty()) {
                continue;
            }
            body.append(line).append('\n');
        }
        List<String> result = new ArrayList<>();
        for (String part : body.toString().split(";")) {
            String sql = part.trim();
            String upper = sql.toUpperCase(Locale.ROOT);
            if (sql.isEmpty() || upper.startsWith("DROP ") || upper.equals("COMMIT")) {
                continue;
            }
            result.add(sql);
        }
        return result;
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = JobStoreSupport.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("Quartz DDL script " + resource + " not found on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String firstLine(String sql) {
        int nl = sql.indexOf('\n');
        return nl < 0 ? sql : sql.substring(0, nl);
    }
}
