package io.tailguard.broker.ibkr.chain;

import io.tailguard.broker.ChainRequest;
import io.tailguard.broker.ibkr.IbkrBroker;
import io.tailguard.broker.ibkr.IbkrClientConfig;
import io.tailguard.broker.sim.SimGateway;
import io.tailguard.broker.sim.SimGatewayConfig;
import io.tailguard.domain.Contract;
import io.tailguard.domain.OptionRight;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;

/**
 * The benchmark: a weekly XSP chain (strike window {@code args[0]}, default ±17%) pulled from
 * an embedded SimGateway (ModelMarket) through our client, timed against the pacing bound. Not a test;
 * run with {@code java -cp target/classes:target/test-classes:<deps>
 * io.tailguard.broker.ibkr.chain.SimGatewayChainBenchmark [width] [runs]}.
 */
public final class SimGatewayChainBenchmark {
    private SimGatewayChainBenchmark() {
    }

    public static void main(String[] args) {
        double width = args.length > 0 ? Double.parseDouble(args[0]) : 0.17;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        try (SimGateway gateway = SimGateway.withModelMarket(SimGatewayConfig.defaults().withPort(0)).start()) {
            IbkrClientConfig config = IbkrClientConfig.defaults("127.0.0.1", gateway.port(), 901);
            try (IbkrBroker broker = new IbkrBroker(config, Clock.systemUTC())) {
                broker.connect();
                Contract xsp = Contract.index("XSP", "CBOE");
                LocalDate today = broker.serverTime().atZone(ZoneId.of("America/New_York")).toLocalDate();
                LocalDate expiry = ChainPullBenchmark.nextExpiry(broker, xsp, "XSP", today.plusDays(1));
                for (int i = 0; i < runs; i++) {
                    ChainRequest request = new ChainRequest(xsp, "XSP", expiry, width, EnumSet.allOf(OptionRight.class),
                            Duration.ofSeconds(120));
                    System.out.println("SimGateway XSP " + expiry + " ±" + width + ": "
                            + ChainPullBenchmark.run(broker, request));
                }
            }
        }
    }
}
