package io.tailguard.schedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.spi.JobFactory;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz with the JDBC job store in our own database, clustered so that two daemons on one database
 * never run the same fire twice. Triggers survive restarts; a trigger whose cron did not change is
 * left as it is on start, so a fire missed while the daemon was down is handled by its lateness rule
 * (see {@link GuardedJob}) rather than lost.
 */
public final class SchedulerService implements AutoCloseable {
    public static final String GROUP = "tailguard";
    private static final Logger log = LoggerFactory.getLogger(SchedulerService.class);
    private static final AtomicInteger PROVIDERS = new AtomicInteger();

    /** How the scheduler runs. {@code schedulerName} must be the same for every daemon sharing a database. */
    public record Settings(String schedulerName, ZoneId timeZone, Duration misfireThreshold, int threadCount,
            boolean postgres, Duration clusterCheckinInterval) {
        public Settings {
            Objects.requireNonNull(schedulerName, "schedulerName");
            Objects.requireNonNull(timeZone, "timeZone");
            Objects.requireNonNull(misfireThreshold, "misfireThreshold");
            Objects.requireNonNull(clusterCheckinInterval, "clusterCheckinInterval");
            if (threadCount < 1) {
                throw new IllegalArgumentException("threadCount must be >= 1");
            }
        }

        public static Settings defaults(ZoneId zone, Duration misfireThreshold, boolean postgres) {
            return new Settings("tailguard", zone, misfireThreshold, 3, postgres, Duration.ofSeconds(5));
        }
    }

    private final Scheduler scheduler;
    private final Settings settings;

    private SchedulerService(Scheduler scheduler, Settings settings) {
        this.scheduler = scheduler;
        this.settings = settings;
    }

    public static SchedulerService create(DataSource dataSource, Settings settings, JobFactory jobFactory) {
        String provider = "tailguard-ds-" + PROVIDERS.incrementAndGet();
        DBConnectionManager.getInstance().addConnectionProvider(provider, new DataSourceConnectionProvider(dataSource));
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", settings.schedulerName());
        p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(settings.threadCount()));
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", settings.postgres()
                ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate" : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", provider);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval",
                Long.toString(settings.clusterCheckinInterval().toMillis()));
        p.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(settings.misfireThreshold().toMillis()));
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        p.setProperty("org.quartz.scheduler.threadsInheritContextClassLoaderOfInitializer", "true");
        try {
            StdSchedulerFactory factory = new StdSchedulerFactory(p);
            Scheduler scheduler = factory.getScheduler();
            // Quartz keeps schedulers in a JVM-wide registry by name; each service owns its own instance.
            SchedulerRepository.getInstance().remove(settings.schedulerName());
            scheduler.setJobFactory(jobFactory);
            return new SchedulerService(scheduler, settings);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot create the scheduler: " + e.getMessage(), e);
        }
    }

    /**
     * Makes the stored jobs match {@code specs}: adds new ones, reschedules those whose cron changed,
     * leaves unchanged triggers alone (keeping their misfire state) and deletes jobs no longer configured.
     */
    public void register(List<JobSpec> specs) {
        try {
            Set<JobKey> wanted = new HashSet<>();
            for (JobSpec spec : specs) {
                JobKey key = JobKey.jobKey(spec.name(), GROUP);
                wanted.add(key);
                JobDetail job = JobBuilder.newJob(spec.type()).withIdentity(key).withDescription(spec.description())
                        .usingJobData(GuardedJob.MAX_LATENESS, spec.maxLateness().toString())
                        .requestRecovery(true).storeDurably(false).build();
                CronTrigger trigger = TriggerBuilder.newTrigger()
                        .withIdentity(TriggerKey.triggerKey(spec.name(), GROUP)).forJob(key)
                        .withSchedule(CronScheduleBuilder.cronSchedule(spec.cron())
                                .inTimeZone(TimeZone.getTimeZone(settings.timeZone()))
                                // missed fires keep their scheduled times; GuardedJob runs only the latest
                                // one, and only if it is still inside the job's lateness window
                                .withMisfireHandlingInstructionIgnoreMisfires())
                        .build();
                Trigger existing = scheduler.getTrigger(trigger.getKey());
                if (existing instanceof CronTrigger cron && cron.getCronExpression().equals(spec.cron())
                        && cron.getTimeZone().getID().equals(settings.timeZone().getId())
                        && spec.maxLateness().toString().equals(scheduler.getJobDetail(key).getJobDataMap()
                                .getString(GuardedJob.MAX_LATENESS))) {
                    continue;
                }
                scheduler.scheduleJob(job, Set.of(trigger), true);
                log.info("scheduled job {} with cron '{}' ({})", spec.name(), spec.cron(), settings.timeZone());
            }
            for (JobKey stored : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
                if (!wanted.contains(stored)) {
                    scheduler.deleteJob(stored);
                    log.info("removed job {}: no longer configured", stored.getName());
                }
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot register jobs: " + e.getMessage(), e);
        }
    }

    public void start() {
        try {
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot start the scheduler: " + e.getMessage(), e);
        }
    }

    /** Stops firing; with {@code waitForJobs}, returns only after running jobs have finished. */
    public void shutdown(boolean waitForJobs) {
        try {
            if (!scheduler.isShutdown()) {
                scheduler.shutdown(waitForJobs);
            }
        } catch (SchedulerException e) {
            log.warn("scheduler shutdown: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        shutdown(true);
    }

    public String instanceId() {
        try {
            return scheduler.getSchedulerInstanceId();
        } catch (SchedulerException e) {
            return "unknown";
        }
    }

    public Scheduler quartz() {
        return scheduler;
    }

    /** A scheduled trigger as stored. */
    public record TriggerInfo(String job, String state, Instant nextFire, Instant previousFire) {
    }

    /** Another scheduler instance that has checked in to the job store. */
    public record InstanceInfo(String instanceId, Instant lastCheckin, Duration checkinInterval) {
        /** Alive when its last check-in is within three check-in intervals. */
        public boolean isAliveAt(Instant now) {
            return Duration.between(lastCheckin, now).compareTo(checkinInterval.multipliedBy(3)) <= 0;
        }
    }

    /** Stored triggers, read straight from the job-store tables (works without a running scheduler). */
    public static List<TriggerInfo> storedTriggers(DataSource dataSource) throws SQLException {
        String sql = "SELECT JOB_NAME, TRIGGER_STATE, NEXT_FIRE_TIME, PREV_FIRE_TIME FROM QRTZ_TRIGGERS "
                + "WHERE TRIGGER_GROUP = ? ORDER BY NEXT_FIRE_TIME";
        List<TriggerInfo> result = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, GROUP);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new TriggerInfo(rs.getString(1), rs.getString(2), epoch(rs.getLong(3)),
                            epoch(rs.getLong(4))));
                }
            }
        }
        return result;
    }

    /** Scheduler instances that have checked in to the job store. */
    public static List<InstanceInfo> storedInstances(DataSource dataSource) throws SQLException {
        String sql = "SELECT INSTANCE_NAME, LAST_CHECKIN_TIME, CHECKIN_INTERVAL FROM QRTZ_SCHEDULER_STATE";
        List<InstanceInfo> result = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                result.add(new InstanceInfo(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)),
                        Duration.ofMillis(rs.getLong(3))));
            }
        }
        return result;
    }

    private static Instant epoch(long millis) {
        return millis <= 0 ? null : Instant.ofEpochMilli(millis);
    }
}
