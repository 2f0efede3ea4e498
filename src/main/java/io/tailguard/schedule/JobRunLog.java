package io.tailguard.schedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The stored outcome of every scheduled fire (table {@code job_run}). */
public final class JobRunLog {
    private final DataSource dataSource;

    public JobRunLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record Run(String jobName, String instanceId, Instant scheduledFor, Instant firedAt, JobOutcome outcome,
            String detail) {
    }

    public void record(Run run) {
        String sql = "INSERT INTO job_run (job_name, instance_id, scheduled_for, fired_at, outcome, detail) "
                + "VALUES (?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, run.jobName());
            ps.setString(2, run.instanceId());
            ps.setTimestamp(3, run.scheduledFor() == null ? null : Timestamp.from(run.scheduledFor()));
            ps.setTimestamp(4, Timestamp.from(run.firedAt()));
            ps.setString(5, run.outcome().name());
            ps.setString(6, run.detail() == null || run.detail().length() <= 4000 ? run.detail()
                    : run.detail().substring(0, 4000));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record job run of " + run.jobName() + ": " + e.getMessage(), e);
        }
    }

    public List<Run> runsOf(String jobName) {
        String sql = "SELECT job_name, instance_id, scheduled_for, fired_at, outcome, detail FROM job_run "
                + "WHERE job_name = ? ORDER BY id";
        List<Run> runs = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, jobName);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp scheduled = rs.getTimestamp(3);
                    runs.add(new Run(rs.getString(1), rs.getString(2), scheduled == null ? null : scheduled.toInstant(),
                            rs.getTimestamp(4).toInstant(), JobOutcome.valueOf(rs.getString(5)), rs.getString(6)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read job runs of " + jobName + ": " + e.getMessage(), e);
        }
        return runs;
    }
}
