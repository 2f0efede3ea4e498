package io.tailguard.schedule;

import io.tailguard.signals.SignalSnapshot;
import io.tailguard.sources.SignalRunService;
import java.time.Clock;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;

/** After the close: runs every signal layer and stores the snapshot (running twice a day is harmless). */
@DisallowConcurrentExecution
public final class DailySignalsJob extends GuardedJob {
    private final SignalRunService signals;

    public DailySignalsJob(SignalRunService signals, Clock clock, JobRunLog runLog) {
        super(clock, runLog);
        this.signals = signals;
    }

    @Override
    protected JobResult run(JobExecutionContext context) {
        SignalSnapshot snapshot = signals.runDaily();
        return JobResult.completed("signals for " + snapshot.asOf() + ": " + snapshot.holdOut());
    }
}
