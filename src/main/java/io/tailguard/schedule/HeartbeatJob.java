package io.tailguard.schedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import javax.sql.DataSource;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;

/** Writes one row per fire: proof that the scheduler, the JDBC job store and the pool are alive. */
@DisallowConcurrentExecution
public final class HeartbeatJob extends GuardedJob {
    private final DataSource dataSource;
    private final Clock clock;

    public HeartbeatJob(DataSource dataSource, Clock clock, JobRunLog runLog) {
        super(clock, runLog);
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    protected JobResult run(JobExecutionContext context) throws SQLException {
        Instant now = clock.instant();
        String instance = instanceId(context);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO heartbeat (instance_id, scheduled_for, fired_at) VALUES (?, ?, ?)")) {
            ps.setString(1, instance);
            ps.setTimestamp(2, context.getScheduledFireTime() == null ? null
                    : new Timestamp(context.getScheduledFireTime().getTime()));
            ps.setTimestamp(3, Timestamp.from(now));
            ps.executeUpdate();
        }
        return JobResult.completed("heartbeat recorded at " + now);
    }
}
