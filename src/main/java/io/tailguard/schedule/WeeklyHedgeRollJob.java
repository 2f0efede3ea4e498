package io.tailguard.schedule;

import io.tailguard.hedge.roll.RollOutcome;
import io.tailguard.hedge.roll.WeeklyHedgeRollService;
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
    private final Supplier<WeeklyHedgeRollService> service;

    public WeeklyHedgeRollJob(Supplier<WeeklyHedgeRollService> service, Clock clock, JobRunLog runLog) {
        super(clock, runLog);
        this.service = service;
    }

    @Override
    protected JobResult run(JobExecutionContext context) {
        RollOutcome outcome = service.get().rollOnSchedule();
        if (outcome instanceof RollOutcome.Skipped skipped) {
            return JobResult.skipped(skipped.reason());
        }
        var analysis = ((RollOutcome.Rolled) outcome).analysis();
        return JobResult.completed("roll for " + analysis.executionDate() + ": " + analysis.proposal()
                .map(p -> "proposal " + p.id() + " with " + p.legs().size() + " legs").orElse("nothing to propose"));
    }
}
