package io.tailguard.schedule;

import java.time.Clock;
import java.time.Duration;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import org.quartz.CronExpression;
import org.quartz.CronTrigger;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shell every tailguard job shares: it applies the misfire rule, calls the job's one service, and
 * records the outcome. Fires missed while no daemon was running are delivered with their original
 * scheduled times; of those, only the latest runs, and only if it is still within {@code maxLateness}
 * of its scheduled time. Every other missed fire is skipped and recorded with the reason. A failure is recorded
 * and logged, never thrown into Quartz, so the daemon keeps running.
 */
public abstract class GuardedJob implements Job {
    /** Job data key holding the ISO-8601 lateness window. */
    public static final String MAX_LATENESS = "maxLateness";

    private static final Logger log = LoggerFactory.getLogger(GuardedJob.class);

    private final Clock clock;
    private final JobRunLog runLog;

    protected GuardedJob(Clock clock, JobRunLog runLog) {
        this.clock = clock;
        this.runLog = runLog;
    }

    /** Does the job's work; returns a one-line description of what it did. */
    protected abstract JobResult run(JobExecutionContext context) throws Exception;

    /** A job's own verdict on one fire. */
    public record JobResult(JobOutcome outcome, String detail) {
        public static JobResult completed(String detail) {
            return new JobResult(JobOutcome.COMPLETED, detail);
        }

        public static JobResult skipped(String detail) {
            return new JobResult(JobOutcome.SKIPPED, detail);
        }
    }

    @Override
    public final void execute(JobExecutionContext context) {
        String name = context.getJobDetail().getKey().getName();
        Instant now = clock.instant();
        Instant scheduled = context.getScheduledFireTime() == null ? null : context.getScheduledFireTime().toInstant();
        Duration window = Duration.parse(context.getMergedJobDataMap().getString(MAX_LATENESS));
        String instance = instanceId(context);
        if (context.getNextFireTime() != null && !context.getNextFireTime().toInstant().isAfter(now)) {
            String detail = "fire scheduled for " + scheduled + " superseded by a later missed fire due at "
                    + context.getNextFireTime().toInstant() + ": skipped, so the job catches up once";
            log.info("job {}: {}", name, detail);
            runLog.record(new JobRunLog.Run(name, instance, scheduled, now, JobOutcome.SKIPPED, detail));
            return;
        }
        // Quartz may deliver the oldest missed fire; judge (and record) the latest one that was due
        Instant due = latestDueFire(context, scheduled, now);
        if (due != null && Duration.between(due, now).compareTo(window) > 0) {
            String detail = "fire scheduled for " + due + " came " + Duration.between(due, now).toSeconds()
                    + " s late, beyond its window of " + window.toSeconds() + " s: skipped";
            log.warn("job {}: {}", name, detail);
            runLog.record(new JobRunLog.Run(name, instance, due, now, JobOutcome.SKIPPED_LATE, detail));
            return;
        }
        scheduled = due;
        try {
            JobResult result = run(context);
            runLog.record(new JobRunLog.Run(name, instance, scheduled, now, result.outcome(), result.detail()));
            log.info("job {}: {}", name, result.detail());
        } catch (Exception e) {
            log.error("job {} failed: {}", name, e.toString(), e);
            runLog.record(new JobRunLog.Run(name, instance, scheduled, now, JobOutcome.FAILED, e.toString()));
        }
    }

    /** The latest fire of the job's cron schedule that was due at {@code now}, starting from the delivered one. */
    static Instant latestDueFire(JobExecutionContext context, Instant scheduled, Instant now) {
        if (scheduled == null || !(context.getTrigger() instanceof CronTrigger cron)) {
            return scheduled;
        }
        try {
            CronExpression expression = new CronExpression(cron.getCronExpression());
            expression.setTimeZone(cron.getTimeZone());
            Instant latest = scheduled;
            Date next = expression.getNextValidTimeAfter(Date.from(latest));
            while (next != null && !next.toInstant().isAfter(now)) {
                latest = next.toInstant();
                next = expression.getNextValidTimeAfter(next);
            }
            return latest;
        } catch (ParseException e) {
            return scheduled;
        }
    }

    /** The id of the scheduler instance (daemon) this fire runs on. */
    protected static String instanceId(JobExecutionContext context) {
        try {
            return context.getScheduler().getSchedulerInstanceId();
        } catch (SchedulerException e) {
            return "unknown";
        }
    }
}
