package io.tailguard.app;

import io.tailguard.schedule.JobConfig;
import io.tailguard.broker.BrokerErrorKind;
import io.tailguard.broker.BrokerException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds back the jobs that need the broker while its connection is down. A fire that comes while it is down
 * fails at once (recorded in the job's run log) instead of waiting out a request timeout per request, and
 * the job runs once when the connection is up again, if that is still within its {@code maxLateness} of the
 * refused fire: a mark to market or an expiry booking missed during a TWS restart still happens that day.
 */
final class BrokerJobGate {
    private static final Logger log = LoggerFactory.getLogger(BrokerJobGate.class);

    private final BooleanSupplier brokerUp;
    private final String brokerAddress;
    private final Clock clock;
    private final Map<String, Instant> refused = new ConcurrentHashMap<>();

    BrokerJobGate(BooleanSupplier brokerUp, String brokerAddress, Clock clock) {
        this.brokerUp = brokerUp;
        this.brokerAddress = brokerAddress;
        this.clock = clock;
    }

    /** Returns when the broker is up; otherwise remembers the fire and throws CONNECTIVITY naming the job. */
    void require(String job) {
        if (brokerUp.getAsBoolean()) {
            return;
        }
        refused.put(job, clock.instant()); // the latest refused fire is the one to catch up, as after downtime
        throw new BrokerException(BrokerErrorKind.CONNECTIVITY, 504, job + ": the broker at " + brokerAddress
                + " is not connected; the job runs once it connects, within its maxLateness");
    }

    /**
     * The broker is up: the jobs to run now (each refused fire once), forgetting those whose lateness window
     * has passed, which are logged as skipped.
     */
    List<String> release(Map<String, JobConfig> configured) {
        Instant now = clock.instant();
        List<String> due = new ArrayList<>();
        for (String job : List.copyOf(refused.keySet())) {
            Instant at = refused.remove(job);
            JobConfig config = configured.get(job);
            if (at == null || config == null) {
                continue;
            }
            Duration late = Duration.between(at, now);
            if (late.compareTo(config.maxLateness()) <= 0) {
                due.add(job);
            } else {
                log.warn("job {}: its fire at {} found the broker down and the broker came back {} s later, beyond "
                        + "its window of {} s: skipped until its next fire", job, at, late.toSeconds(),
                        config.maxLateness().toSeconds());
            }
        }
        return due;
    }
}
