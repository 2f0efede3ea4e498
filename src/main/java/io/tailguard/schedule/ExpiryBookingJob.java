package io.tailguard.schedule;

import io.tailguard.ledger.ExpiryBooking;
import java.time.Clock;
import java.util.function.Supplier;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;

/**
 * After the close and again the next morning: books what the broker shows for the options of hedge
 * cycles past their expiry (cash settlement, expiry, assignment) and closes those cycles. A run that
 * finds contradictory evidence records it in the run log as FAILED, so it is seen.
 */
@DisallowConcurrentExecution
public final class ExpiryBookingJob extends GuardedJob {
    private final Supplier<ExpiryBooking> service;

    public ExpiryBookingJob(Supplier<ExpiryBooking> service, Clock clock, JobRunLog runLog) {
        super(clock, runLog);
        this.service = service;
    }

    @Override
    protected JobResult run(JobExecutionContext context) {
        ExpiryBooking.Outcome outcome = service.get().book();
        if (!outcome.problems().isEmpty()) {
            throw new IllegalStateException(outcome.describe());
        }
        return outcome.closed().isEmpty() ? JobResult.skipped(outcome.describe())
                : JobResult.completed(outcome.describe());
    }
}
