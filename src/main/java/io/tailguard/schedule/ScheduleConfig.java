package io.tailguard.schedule;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import io.tailguard.config.Require;

/** The scheduler: exchange time zone, Quartz misfire threshold, and the jobs by name. */
public record ScheduleConfig(ZoneId timeZone, Duration misfireThreshold, Map<String, JobConfig> jobs) {
    public ScheduleConfig {
        timeZone = Require.orDefault(timeZone, ZoneId.of("America/New_York"));
        misfireThreshold = Require.positive(Require.orDefault(misfireThreshold, Duration.ofSeconds(60)),
                "misfireThreshold");
        jobs = jobs == null ? Map.of() : new TreeMap<>(jobs);
        jobs.forEach((name, job) -> {
            if (job == null) {
                throw new IllegalArgumentException("jobs." + name + ": is empty; give at least a cron expression");
            }
        });
        jobs = Map.copyOf(jobs);
    }
}
