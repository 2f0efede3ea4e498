package io.tailguard.app;

import io.tailguard.hedge.roll.WeeklyHedgeRollService;
import io.tailguard.schedule.WeeklyHedgeRollJob;

import io.tailguard.config.ConfigException;
import io.tailguard.schedule.JobConfig;
import io.tailguard.app.config.TailguardConfig;
import io.tailguard.ledger.DailyMarkToMarket;
import io.tailguard.ledger.ExpiryBooking;
import io.tailguard.schedule.ExpiryBookingJob;
import io.tailguard.schedule.DailyMarkToMarketJob;
import io.tailguard.schedule.DailySignalsJob;
import io.tailguard.schedule.HeartbeatJob;
import io.tailguard.schedule.JobRunLog;
import io.tailguard.schedule.JobSpec;
import io.tailguard.sources.SignalRunService;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.quartz.Job;

/** The jobs a configuration may name under {@code schedule.jobs}, and how each is built. */
public final class JobCatalog {

    /** One schedulable job: its class and how to build it with its services. */
    public record Entry(Class<? extends Job> type, Supplier<? extends Job> supplier, String description) {
    }

    private final Map<String, Entry> entries;

    private JobCatalog(Map<String, Entry> entries) {
        this.entries = Map.copyOf(entries);
    }

    /**
     * The jobs of a daemon with their services: the signal layers, the ledger's mark to market, its expiry
     * booking and the weekly hedge roll. Each is supplied on first fire, so a job that is not configured never
     * builds its service.
     */
    public static JobCatalog forDaemon(DataSource dataSource, Clock clock, Supplier<SignalRunService> signals,
            Supplier<DailyMarkToMarket> markToMarket, Supplier<WeeklyHedgeRollService> hedge,
            Supplier<ExpiryBooking> expiryBooking) {
        JobRunLog runLog = new JobRunLog(dataSource);
        Map<String, Entry> entries = new LinkedHashMap<>();
        entries.put("heartbeat", new Entry(HeartbeatJob.class, () -> new HeartbeatJob(dataSource, clock, runLog),
                "records that the daemon is alive"));
        entries.put("daily-signals", new Entry(DailySignalsJob.class,
                () -> new DailySignalsJob(signals.get(), clock, runLog), "runs the signal layers after the close"));
        entries.put("daily-mark-to-market", new Entry(DailyMarkToMarketJob.class,
                () -> new DailyMarkToMarketJob(markToMarket, clock, runLog),
                "marks open hedge cycles to market from broker quotes"));
        entries.put("expiry-booking", new Entry(ExpiryBookingJob.class,
                () -> new ExpiryBookingJob(expiryBooking, clock, runLog),
                "books settlements, expiries and assignments of hedge cycles past expiry from the broker, closes them"));
        entries.put("weekly-hedge-roll", new Entry(WeeklyHedgeRollJob.class,
                () -> new WeeklyHedgeRollJob(hedge, clock, runLog),
                "analyses the weekly XSP hedge after Thursday's close and stores the proposal"));
        return new JobCatalog(entries);
    }

    /** Names every job a configuration may schedule. */
    public static List<String> knownNames() {
        return List.of("heartbeat", "daily-signals", "daily-mark-to-market", "expiry-booking", "weekly-hedge-roll");
    }

    public boolean isConfigured(String name, Map<String, JobConfig> configured) {
        return configured.containsKey(name) && configured.get(name).enabled() && entries.containsKey(name);
    }

    /** Fails with a named error when the configuration schedules a job this build does not know. */
    public static void requireKnown(Path file, TailguardConfig config) {
        for (String name : new TreeSet<>(config.schedule().jobs().keySet())) {
            if (!knownNames().contains(name)) {
                throw new ConfigException(file + ": schedule.jobs." + name + ": unknown job (known jobs: "
                        + String.join(", ", knownNames()) + ")");
            }
        }
    }

    public Map<Class<? extends Job>, Supplier<? extends Job>> suppliers() {
        Map<Class<? extends Job>, Supplier<? extends Job>> map = new LinkedHashMap<>();
        entries.values().forEach(e -> map.put(e.type(), e.supplier()));
        return map;
    }

    /** The enabled jobs of a configuration as specs to register. */
    public List<JobSpec> specs(Map<String, JobConfig> configured) {
        List<JobSpec> specs = new ArrayList<>();
        configured.forEach((name, job) -> {
            Entry entry = entries.get(name);
            if (entry != null && job.enabled()) {
                specs.add(new JobSpec(name, entry.type(), job.cron(), job.maxLateness(), entry.description()));
            }
        });
        return specs;
    }
}
