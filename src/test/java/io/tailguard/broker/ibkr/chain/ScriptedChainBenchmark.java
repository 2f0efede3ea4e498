package io.tailguard.broker.ibkr.chain;

import io.tailguard.broker.ChainRequest;
import io.tailguard.broker.ibkr.IbkrBroker;
import io.tailguard.domain.Contract;
import io.tailguard.domain.OptionRight;
import io.tailguard.testing.ScriptedMarket;
import io.tailguard.testing.ScriptedTwsServer;
import io.tailguard.testing.TestConfigs;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;

/**
 * The chain benchmark against the scripted loopback market (402 XSP options, every one answering at
 * once): isolates our client's own overhead from a gateway's. Not a test; run with
 * {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.tailguard.broker.ibkr.chain.ScriptedChainBenchmark} or from an IDE.
 */
public final class ScriptedChainBenchmark {
    private ScriptedChainBenchmark() {
    }

    public static void main(String[] args) {
        try (ScriptedTwsServer server = new ScriptedTwsServer()) {
            ScriptedMarket market = new ScriptedMarket(server);
            try (IbkrBroker broker = new IbkrBroker(TestConfigs.forPort(server.port()), Clock.systemUTC())) {
                broker.connect();
                ChainRequest request = new ChainRequest(Contract.index("XSP", "CBOE"), "XSP", LocalDate.of(2026, 11, 27),
                        0.17, EnumSet.allOf(OptionRight.class), Duration.ofSeconds(60));
                ChainPullBenchmark.Report report = ChainPullBenchmark.run(broker, request);
                System.out.println("scripted XSP chain: " + report + "; max lines open at the server "
                        + market.maxOpenLines());
            }
        }
    }
}
