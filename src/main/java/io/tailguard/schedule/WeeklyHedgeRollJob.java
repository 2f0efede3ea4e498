package io.tailguard.schedule;

import io.tailguard.hedge.roll.RollOutcome;
import io.tailguard.hedge.roll.ScheduledRoll;
import java.time.Clock;
import java.util.function.Supplier;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;

/**
 * Thursday after the close (and Wednesday, which runs only when Thursday is a holiday): the weekly
 * roll. The service decides with the exchange calendar; lateness and misfires are {@link GuardedJob}'s.
 */
@DisallowConcurrentExecution
public final class WeeklyHedgeRollJob extends GuardedJob {
    private final Supplier<? extends ScheduledRoll> service;

    public WeeklyHedgeRollJob(Supplier<? extends ScheduledRoll> service, Clock clock, JobRunLog runLog) {
        super(clock, runLog);
        this.service = service;
    }

    @Override
    protected JobResult run(JobExecutionContext context) {
        RollOutcome outcome = service.get().rollOnSchedule();
        if (outcome instanceof RollOutcome.Skipped skipped) {
            return JobResult.skipped(skipped.reason());
        }
        return JobResult.completed(((RollOutcome.Rolled) outcome).summary());
    }
}
