package io.tailguard.testing;

import io.tailguard.broker.ibkr.IbkrClientConfig;
import java.time.Duration;

/** Client configs pointing at a scripted server, with short timeouts and backoffs so tests stay fast. */
public final class TestConfigs {
    private TestConfigs() {
    }

    public static IbkrClientConfig forPort(int port) {
        return new IbkrClientConfig("127.0.0.1", port, 7, 1, 45, 90, Duration.ofSeconds(3), Duration.ofSeconds(3),
                Duration.ofMillis(50), Duration.ofMillis(400));
    }
}
