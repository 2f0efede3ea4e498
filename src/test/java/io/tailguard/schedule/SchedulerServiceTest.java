package io.tailguard.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.store.Database;
import io.tailguard.testing.Await;
import io.tailguard.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Quartz on the JDBC job store in a real H2 database: firing, misfires after downtime, and clustering. */
class SchedulerServiceTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @TempDir
    Path dir;

    private final Clock clock = Clock.systemUTC();

    private SchedulerService scheduler(Database db) {
        JobRunLog runLog = new JobRunLog(db.dataSource());
        return SchedulerService.create(db.dataSource(),
                new SchedulerService.Settings("tailguard", NEW_YORK, Duration.ofSeconds(1), 2, false,
                        Duration.ofSeconds(1)),
                new ServiceJobFactory(Map.of(HeartbeatJob.class,
                        () -> new HeartbeatJob(db.dataSource(), clock, runLog))));
    }

    private static JobSpec heartbeat(String cron, Duration maxLateness) {
        return new JobSpec("heartbeat", HeartbeatJob.class, cron, maxLateness, "test heartbeat");
    }

    @Test
    void firesAJobStoredInTheJdbcJobStore() throws Exception {
        try (Database db = TestDatabases.inMemory()) {
            db.migrate();
            SchedulerService scheduler = scheduler(db);
            scheduler.register(List.of(heartbeat("* * * * * ?", Duration.ofMinutes(1))));
            scheduler.start();
            try {
                Await.until("a heartbeat row", Duration.ofSeconds(10), () -> count(db.dataSource(), "heartbeat") >= 1);
            } finally {
                scheduler.shutdown(true);
            }
            assertThat(SchedulerService.storedTriggers(db.dataSource())).extracting(SchedulerService.TriggerInfo::job)
                    .containsExactly("heartbeat");
            // a per-second cron can see a fire overtaken by the next one at start-up: that one is skipped
            assertThat(new JobRunLog(db.dataSource()).runsOf("heartbeat"))
                    .anySatisfy(r -> assertThat(r.outcome()).isEqualTo(JobOutcome.COMPLETED))
                    .allSatisfy(r -> assertThat(r.outcome()).isIn(JobOutcome.COMPLETED, JobOutcome.SKIPPED));
        }
    }

    @Test
    void aFireMissedDuringDowntimeRunsOnceWhenStillInsideItsWindow() throws Exception {
        try (Database db = TestDatabases.file(dir)) {
            db.migrate();
            Instant missed = stopWithMissedFire(db, "0 0 0 1 1 ? 2099", Duration.ofMinutes(3));
            List<JobRunLog.Run> runs = restartAndCollect(db, heartbeat("0 0 0 1 1 ? 2099", Duration.ofMinutes(5)), 1);
            assertThat(runs).singleElement().satisfies(run -> {
                assertThat(run.outcome()).isEqualTo(JobOutcome.COMPLETED);
                assertThat(run.scheduledFor()).isEqualTo(missed);
            });
            assertThat(count(db.dataSource(), "heartbeat")).isEqualTo(1);
        }
    }

    @Test
    void aFireMissedBeyondItsWindowIsSkippedAndRecorded() throws Exception {
        try (Database db = TestDatabases.file(dir)) {
            db.migrate();
            Instant missed = stopWithMissedFire(db, "0 0 0 1 1 ? 2099", Duration.ofMinutes(30));
            List<JobRunLog.Run> runs = restartAndCollect(db, heartbeat("0 0 0 1 1 ? 2099", Duration.ofMinutes(5)), 1);
            assertThat(runs).singleElement().satisfies(run -> {
                assertThat(run.outcome()).isEqualTo(JobOutcome.SKIPPED_LATE);
                assertThat(run.scheduledFor()).isEqualTo(missed);
                assertThat(run.detail()).contains("beyond its window");
            });
            assertThat(count(db.dataSource(), "heartbeat")).isZero();
        }
    }

    @Test
    void manyMissedFiresCatchUpExactlyOnceWithTheLatestDueFire() throws Exception {
        try (Database db = TestDatabases.file(dir)) {
            db.migrate();
            // every minute, down for ten minutes, a window of five: the oldest missed fire is long past
            // its window, the latest is not. Quartz may hand over one or several of the missed fires;
            // whichever it does, the job runs once, as the latest due fire, and skips the others.
            stopWithMissedFire(db, "0 * * * * ?", Duration.ofMinutes(10).plusSeconds(30));
            Instant restart = clock.instant();
            SchedulerService restarted = scheduler(db);
            restarted.register(List.of(heartbeat("0 * * * * ?", Duration.ofMinutes(5))));
            restarted.start();
            JobRunLog log = new JobRunLog(db.dataSource());
            try {
                Await.until("the catch-up run", Duration.ofSeconds(30), () -> log.runsOf("heartbeat").stream()
                        .anyMatch(r -> r.outcome() == JobOutcome.COMPLETED));
            } finally {
                restarted.shutdown(true);
            }
            Instant latestMinute = Instant.ofEpochSecond(restart.getEpochSecond() / 60 * 60);
            List<JobRunLog.Run> runs = log.runsOf("heartbeat");
            int first = 0;
            while (runs.get(first).outcome() != JobOutcome.COMPLETED) {
                first++;
            }
            JobRunLog.Run catchUp = runs.get(first);
            // the latest due fire; or the next minute's when the restart fell just before a boundary
            assertThat(catchUp.scheduledFor()).isIn(latestMinute, latestMinute.plusSeconds(60));
            assertThat(runs.subList(0, first)).allSatisfy(r -> {
                assertThat(r.outcome()).isIn(JobOutcome.SKIPPED, JobOutcome.SKIPPED_LATE);
                assertThat(r.scheduledFor()).isBefore(catchUp.scheduledFor());
            });
            assertThat(count(db.dataSource(), "heartbeat")).isEqualTo(
                    log.runsOf("heartbeat").stream().filter(r -> r.outcome() == JobOutcome.COMPLETED).count());
        }
    }

    @Test
    void twoDaemonsOnOneDatabaseNeverRunTheSameFireTwice() throws Exception {
        try (Database a = TestDatabases.file(dir); Database b = TestDatabases.file(dir)) {
            a.migrate();
            SchedulerService first = scheduler(a);
            SchedulerService second = scheduler(b);
            first.register(List.of(heartbeat("* * * * * ?", Duration.ofMinutes(1))));
            second.register(List.of(heartbeat("* * * * * ?", Duration.ofMinutes(1))));
            first.start();
            second.start();
            try {
                Await.until("two live scheduler instances", Duration.ofSeconds(10),
                        () -> SchedulerService.storedInstances(a.dataSource()).size() == 2);
                Await.until("six heartbeats", Duration.ofSeconds(20), () -> count(a.dataSource(), "heartbeat") >= 6);
            } finally {
                first.shutdown(true);
                second.shutdown(true);
            }
            List<Instant> fires = scheduledFires(a.dataSource());
            assertThat(fires).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(6);
        }
    }

    /** Registers the job, stops, and moves its next fire into the past as if the daemon had been down. */
    private Instant stopWithMissedFire(Database db, String cron, Duration downtime) throws Exception {
        SchedulerService first = scheduler(db);
        first.register(List.of(heartbeat(cron, Duration.ofMinutes(5))));
        first.shutdown(true);
        Instant missed = Instant.ofEpochSecond(clock.instant().minus(downtime).getEpochSecond());
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME = ? WHERE TRIGGER_NAME = 'heartbeat'")) {
            ps.setLong(1, missed.toEpochMilli());
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        return missed;
    }

    private List<JobRunLog.Run> restartAndCollect(Database db, JobSpec spec, int runs) {
        SchedulerService restarted = scheduler(db);
        restarted.register(List.of(spec));
        restarted.start();
        JobRunLog log = new JobRunLog(db.dataSource());
        try {
            Await.until(runs + " recorded fires", Duration.ofSeconds(20), () -> log.runsOf("heartbeat").size() >= runs);
        } finally {
            restarted.shutdown(true);
        }
        return log.runsOf("heartbeat");
    }

    private static long count(DataSource ds, String table) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<Instant> scheduledFires(DataSource ds) throws Exception {
        List<Instant> fires = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT scheduled_for FROM heartbeat"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                fires.add(rs.getTimestamp(1).toInstant());
            }
        }
        return fires;
    }
}
