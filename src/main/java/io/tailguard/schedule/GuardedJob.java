package io.tailguard.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shell every tailguard job shares: it applies the lateness rule to misfires (a fire that comes
 * after downtime runs once if still within {@code maxLateness} of its scheduled time, otherwise it is
 * skipped and recorded), calls the job's one service, and records the outcome. A failure is recorded
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
        if (scheduled != null && Duration.between(scheduled, now).compareTo(window) > 0) {
            String detail = "fire scheduled for " + scheduled + " came " + Duration.between(scheduled, now).toSeconds()
                    + " s late, beyond its window of " + window.toSeconds() + " s: skipped";
            log.warn("job {}: {}", name, detail);
            runLog.record(new JobRunLog.Run(name, instance, scheduled, now, JobOutcome.SKIPPED_LATE, detail));
            return;
        }
        try {
            JobResult result = run(context);
            runLog.record(new JobRunLog.Run(name, instance, scheduled, now, result.outcome(), result.detail()));
            log.info("job {}: {}", name, result.detail());
        } catch (Exception e) {
            log.error("job {} failed: {}", name, e.toString(), e);
            runLog.record(new JobRunLog.Run(name, instance, scheduled, now, JobOutcome.FAILED, e.toString()));
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
