package io.tailguard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tailguard.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void migratesAnEmptyDatabaseIncludingTheQuartzJobStore() throws Exception {
        try (Database db = TestDatabases.inMemory()) {
            assertThat(db.schemaVersion()).isNull();
            assertThat(db.migrate()).isGreaterThanOrEqualTo(2);
            assertThat(db.pendingMigrations()).isZero();
            try (Connection c = db.connection(); ResultSet rs = c.getMetaData().getTables(null, null, "QRTZ_%", null)) {
                int tables = 0;
                while (rs.next()) {
                    tables++;
                }
                assertThat(tables).as("Quartz job-store tables").isEqualTo(11);
            }
        }
    }

    @Test
    void migratingAnAlreadyMigratedDatabaseChangesNothing() {
        try (Database first = TestDatabases.file(dir)) {
            first.migrate();
        }
        try (Database again = TestDatabases.file(dir)) {
            String version = again.schemaVersion();
            assertThat(again.migrate()).isZero();
            assertThat(again.schemaVersion()).isEqualTo(version);
        }
    }

    @Test
    void anH2DatabaseKeepsTheParsedFormOfEnoughStatementsForAPassOfTheOrderLoop() throws Exception {
        try (Database db = TestDatabases.inMemory();
                var c = db.connection();
                var ps = c.prepareStatement("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                        + "WHERE SETTING_NAME = 'QUERY_CACHE_SIZE'");
                var rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(Database.H2_QUERY_CACHE_SIZE);
        }
        assertThat(Database.withQueryCache("jdbc:h2:mem:x;QUERY_CACHE_SIZE=4")).isEqualTo("jdbc:h2:mem:x;QUERY_CACHE_SIZE=4");
        assertThat(Database.withQueryCache("jdbc:postgresql://db/tailguard")).isEqualTo("jdbc:postgresql://db/tailguard");
    }

    @Test
    void anH2FileDatabaseWritesEachCommitToItsFileBeforeCommitReturns() throws Exception {
        try (Database db = TestDatabases.file(dir);
                var c = db.connection();
                var ps = c.prepareStatement("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                        + "WHERE SETTING_NAME = 'WRITE_DELAY'");
                var rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).as("H2's default of 500 ms loses committed rows on kill -9").isZero();
        }
        assertThat(Database.withCommitsWrittenAtOnce("jdbc:h2:file:./data/t;AUTO_SERVER=TRUE"))
                .isEqualTo("jdbc:h2:async:./data/t;AUTO_SERVER=TRUE;WRITE_DELAY=0");
        assertThat(Database.withCommitsWrittenAtOnce("jdbc:h2:/var/tg/db")).isEqualTo("jdbc:h2:async:/var/tg/db;WRITE_DELAY=0");
        assertThat(Database.withCommitsWrittenAtOnce("jdbc:h2:file:./t;WRITE_DELAY=100"))
                .isEqualTo("jdbc:h2:async:./t;WRITE_DELAY=100");
        assertThat(Database.withCommitsWrittenAtOnce("jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x");
        assertThat(Database.withCommitsWrittenAtOnce("jdbc:h2:tcp://db/t")).isEqualTo("jdbc:h2:tcp://db/t");
        assertThat(Database.withCommitsWrittenAtOnce("jdbc:h2:nio:./t")).isEqualTo("jdbc:h2:nio:./t");
        assertThat(Database.withCommitsWrittenAtOnce("jdbc:postgresql://db/t")).isEqualTo("jdbc:postgresql://db/t");
    }

    @Test
    void aThreadInterruptedWhileItCommitsDoesNotCloseTheDatabase() throws Exception {
        try (Database db = TestDatabases.file(dir); var c = db.connection()) {
            try (var st = c.createStatement()) {
                st.execute("CREATE TABLE probe (x INT)");
            }
            c.setAutoCommit(false);
            for (int i = 0; i < 3; i++) {
                try (var st = c.createStatement()) {
                    st.execute("INSERT INTO probe VALUES (" + i + ")");
                }
                Thread.currentThread().interrupt(); // as Quartz does to its threads at shutdown
                try {
                    c.commit();
                } finally {
                    assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
                }
            }
            c.setAutoCommit(true);
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT COUNT(*) FROM probe")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(3);
            }
        }
    }

    @Test
    void unreachableDatabaseFailsWithTheUrlInTheMessage() {
        String url = "jdbc:h2:file:" + dir.resolve("absent") + ";IFEXISTS=TRUE";
        assertThatThrownBy(() -> Database.open(url, "sa", "", 2)).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot open database " + url);
    }

    @Test
    void auditLogAppendsWhoDidWhatAndWhen() {
        try (Database db = TestDatabases.inMemory()) {
            db.migrate();
            Clock clock = Clock.fixed(Instant.parse("2026-11-20T15:00:00Z"), ZoneOffset.UTC);
            AuditLog audit = new AuditLog(db.dataSource(), clock, "trader", "desk-1");
            audit.record("DAEMON_STARTED", "vm1", "jobs: [heartbeat]");
            audit.record("DAEMON_STOPPED", "vm1", "clean shutdown");
            assertThat(audit.recent(10)).extracting(AuditLog.Entry::eventType)
                    .containsExactly("DAEMON_STOPPED", "DAEMON_STARTED");
            assertThat(audit.recent(1).get(0)).satisfies(e -> {
                assertThat(e.actor()).isEqualTo("trader");
                assertThat(e.host()).isEqualTo("desk-1");
                assertThat(e.occurredAt()).isEqualTo(Instant.parse("2026-11-20T15:00:00Z"));
            });
        }
    }
}
