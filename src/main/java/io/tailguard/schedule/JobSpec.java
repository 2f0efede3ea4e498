package io.tailguard.schedule;

import java.time.Duration;
import java.util.Objects;
import org.quartz.CronExpression;
import org.quartz.Job;

/** A job to schedule: its name, class, cron expression (in the scheduler's time zone) and lateness window. */
public record JobSpec(String name, Class<? extends Job> type, String cron, Duration maxLateness, String description) {
    public JobSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(maxLateness, "maxLateness");
        if (!CronExpression.isValidExpression(cron)) {
            throw new IllegalArgumentException("job " + name + ": invalid cron expression " + cron);
        }
        description = description == null ? name : description;
    }
}
