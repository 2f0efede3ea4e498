package io.tailguard.broker.ibkr.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tailguard.broker.BrokerErrorKind;
import io.tailguard.broker.BrokerException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {
    private static final BrokerException REFUSED = new BrokerException(BrokerErrorKind.CONNECTIVITY, 502, "refused");
    private static final BrokerException WRONG_VERSION = new BrokerException(BrokerErrorKind.PROTOCOL, 0, "187");

    private final ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

    @Test
    void doublesFromTheInitialWaitUpToTheMaximum() {
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            waits.add(backoff.afterFailure(REFUSED));
        }

        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(8), Duration.ofSeconds(16), Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    @Test
    void waitsTheMaximumAtOnceForATwsOfTheWrongVersionAndStaysThere() {
        assertThat(backoff.afterFailure(WRONG_VERSION)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.afterFailure(REFUSED)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void startsOverAfterASessionOpened() {
        backoff.afterFailure(REFUSED);
        backoff.afterFailure(REFUSED);

        backoff.reset();

        assertThat(backoff.afterFailure(REFUSED)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void refusesAMaximumBelowTheInitialWait() {
        assertThatThrownBy(() -> new ReconnectBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initial <= max");
    }
}
