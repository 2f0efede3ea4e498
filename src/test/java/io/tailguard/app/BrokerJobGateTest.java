package io.tailguard.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tailguard.schedule.JobConfig;
import io.tailguard.broker.BrokerErrorKind;
import io.tailguard.broker.BrokerException;
import io.tailguard.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class BrokerJobGateTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T21:45:00Z")); // 16:45 New York
    private final AtomicBoolean up = new AtomicBoolean();
    private final BrokerJobGate gate = new BrokerJobGate(up::get, "127.0.0.1:7497", clock);
    private final Map<String, JobConfig> jobs = Map.of(
            "daily-mark-to-market", new JobConfig("0 45 16 ? * MON-FRI", Duration.ofHours(4), true),
            "expiry-booking", new JobConfig("0 40 8,16 ? * MON-SAT", Duration.ofHours(1), true));

    @Test
    void letsAJobThroughWhileTheBrokerIsUpAndHoldsNothingBack() {
        up.set(true);

        gate.require("daily-mark-to-market");

        assertThat(gate.release(jobs)).isEmpty();
    }

    @Test
    void refusesAJobWhileTheBrokerIsDownNamingTheJobAndTheAddress() {
        assertThatThrownBy(() -> gate.require("daily-mark-to-market"))
                .isInstanceOfSatisfying(BrokerException.class,
                        e -> assertThat(e.kind()).isEqualTo(BrokerErrorKind.CONNECTIVITY))
                .hasMessageContaining("daily-mark-to-market").hasMessageContaining("127.0.0.1:7497");
    }

    @Test
    void runsARefusedJobOnceWhenTheBrokerComesBackWithinItsLateness() {
        refuse("daily-mark-to-market");
        clock.advance(Duration.ofHours(3));
        up.set(true);

        assertThat(gate.release(jobs)).containsExactly("daily-mark-to-market");
        assertThat(gate.release(jobs)).as("once").isEmpty();
    }

    @Test
    void skipsARefusedJobWhoseLatenessHasPassedWhenTheBrokerComesBack() {
        refuse("expiry-booking");
        clock.advance(Duration.ofHours(2));
        up.set(true);

        assertThat(gate.release(jobs)).isEmpty();
    }

    @Test
    void measuresTheLatenessFromTheLatestRefusedFire() {
        refuse("expiry-booking");
        clock.advance(Duration.ofHours(16)); // the next morning's fire finds the broker still down
        refuse("expiry-booking");
        clock.advance(Duration.ofMinutes(30));
        up.set(true);

        assertThat(gate.release(jobs)).containsExactly("expiry-booking");
    }

    private void refuse(String job) {
        assertThatThrownBy(() -> gate.require(job)).isInstanceOf(BrokerException.class);
    }
}
