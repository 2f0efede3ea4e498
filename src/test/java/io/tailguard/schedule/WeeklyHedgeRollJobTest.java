package io.tailguard.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.tailguard.hedge.roll.RollOutcome;
import io.tailguard.hedge.roll.ScheduledRoll;
import io.tailguard.store.Database;
import io.tailguard.testing.MutableClock;
import io.tailguard.testing.TestDatabases;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionContext;

/** The roll job's calendar and misfire rules, without Quartz running: the fire context is stubbed. */
class WeeklyHedgeRollJobTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private final Database db = TestDatabases.inMemory();
    private final MutableClock clock = new MutableClock(Instant.EPOCH);
    private final AtomicInteger rolls = new AtomicInteger();

    WeeklyHedgeRollJobTest() {
        db.migrate();
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** What the service will answer; the calendar decision itself is the service's (see RollTimingTest). */
    private RollOutcome next = new RollOutcome.Rolled("roll for 2026-11-13: proposal P-1 with 2 legs");

    private final ScheduledRoll roll = () -> {
        rolls.incrementAndGet();
        return next;
    };

    private static Instant ny(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(NEW_YORK).toInstant();
    }

    private List<JobRunLog.Run> fire(Instant scheduled, Instant now) {
        clock.set(now);
        JobExecutionContext context = mock(JobExecutionContext.class, RETURNS_DEEP_STUBS);
        when(context.getJobDetail().getKey().getName()).thenReturn("weekly-hedge-roll");
        when(context.getScheduledFireTime()).thenReturn(Date.from(scheduled));
        when(context.getNextFireTime()).thenReturn(Date.from(scheduled.plusSeconds(7 * 86400)));
        when(context.getMergedJobDataMap().getString(GuardedJob.MAX_LATENESS)).thenReturn("PT3H");
        when(context.getTrigger()).thenReturn(null);
        try {
            when(context.getScheduler().getSchedulerInstanceId()).thenReturn("test");
        } catch (org.quartz.SchedulerException e) {
            throw new AssertionError(e);
        }
        new WeeklyHedgeRollJob(() -> roll, clock, new JobRunLog(db.dataSource())).execute(context);
        return new JobRunLog(db.dataSource()).runsOf("weekly-hedge-roll");
    }

    @Test
    void aRollRecordsItsSummaryAsACompletedRun() {
        List<JobRunLog.Run> runs = fire(ny("2026-11-12T16:30"), ny("2026-11-12T16:30:02"));

        assertThat(rolls).hasValue(1);
        assertThat(runs).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(JobOutcome.COMPLETED);
            assertThat(r.detail()).isEqualTo("roll for 2026-11-13: proposal P-1 with 2 legs");
        });
    }

    @Test
    void aDayTheServiceSkipsIsRecordedAsSkippedWithItsReason() {
        next = new RollOutcome.Skipped("2026-11-26 is not a trading day");

        List<JobRunLog.Run> runs = fire(ny("2026-11-26T16:30"), ny("2026-11-26T16:30:01"));

        assertThat(rolls).hasValue(1);
        assertThat(runs).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(JobOutcome.SKIPPED);
            assertThat(r.detail()).isEqualTo("2026-11-26 is not a trading day");
        });
    }

    @Test
    void catchesUpOnceWhenStillInsideTheWindow() {
        List<JobRunLog.Run> runs = fire(ny("2026-11-12T16:30"), ny("2026-11-12T18:00"));

        assertThat(rolls).hasValue(1);
        assertThat(runs).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo(JobOutcome.COMPLETED));
    }

    @Test
    void aFireBeyondItsWindowNeverReachesTheServiceAndIsRecordedLate() {
        List<JobRunLog.Run> runs = fire(ny("2026-11-12T16:30"), ny("2026-11-13T09:00"));

        assertThat(rolls).hasValue(0);
        assertThat(runs).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo(JobOutcome.SKIPPED_LATE));
    }
}
