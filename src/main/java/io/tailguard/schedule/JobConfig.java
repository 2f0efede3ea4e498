package io.tailguard.schedule;

import java.time.Duration;
import io.tailguard.config.Require;

/**
 * One scheduled job: a Quartz cron expression in the schedule's time zone, and how late a missed
 * fire may still run ({@code maxLateness}); a fire later than that is skipped and recorded.
 */
public record JobConfig(String cron, Duration maxLateness, Boolean enabled) {
    public JobConfig {
        cron = Require.text(cron, "cron");
        if (!org.quartz.CronExpression.isValidExpression(cron)) {
            throw new IllegalArgumentException("cron: not a valid Quartz cron expression (seconds minutes hours "
                    + "day-of-month month day-of-week, e.g. \"0 0 10 ? * FRI\"): " + cron);
        }
        maxLateness = Require.positive(Require.orDefault(maxLateness, Duration.ofMinutes(5)), "maxLateness");
        enabled = Require.orDefault(enabled, Boolean.TRUE);
    }
}
