package io.tailguard.schedule;

import io.tailguard.ledger.DailyMarkToMarket;
import java.time.Clock;
import java.util.function.Supplier;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;

/** After the close: marks every open hedge cycle to market from broker quotes (running twice a day replaces the mark). */
@DisallowConcurrentExecution
public final class DailyMarkToMarketJob extends GuardedJob {
    private final Supplier<DailyMarkToMarket> service;

    public DailyMarkToMarketJob(Supplier<DailyMarkToMarket> service, Clock clock, JobRunLog runLog) {
        super(clock, runLog);
        this.service = service;
    }

    @Override
    protected JobResult run(JobExecutionContext context) {
        DailyMarkToMarket.Outcome outcome = service.get().run();
        return outcome.unmarked().isEmpty() || !outcome.marked().isEmpty()
                ? JobResult.completed(outcome.describe()) : JobResult.skipped(outcome.describe());
    }
}
