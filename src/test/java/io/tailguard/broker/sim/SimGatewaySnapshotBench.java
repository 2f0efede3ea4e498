package io.tailguard.broker.sim;

import io.tailguard.broker.ibkr.wire.FieldReader;
import io.tailguard.broker.ibkr.wire.IncomingMessage;
import io.tailguard.broker.ibkr.wire.OutgoingMessage;
import io.tailguard.testing.TwsTestClient;
import java.util.ArrayList;
import java.util.List;

/**
 * Not a test: how fast the gateway serves a weekly XSP chain from the model market when the client does
 * not pace itself (limits raised). Run with {@code java -cp ... io.tailguard.broker.sim.SimGatewaySnapshotBench}.
 * It shows the gateway's own cost is far below IB's pacing bound (messages / 45 per second).
 */
public final class SimGatewaySnapshotBench {
    private SimGatewaySnapshotBench() {
    }

    public static void main(String[] args) {
        SimGatewayConfig config = SimGatewayConfig.defaults().withPort(0).withLimits(100_000, 100_000);
        try (SimGateway gateway = SimGateway.withModelMarket(config).start();
                TwsTestClient client = TwsTestClient.connect(gateway.port(), 1)) {
            client.send(OutgoingMessage.REQ_SEC_DEF_OPT_PARAMS, 1, "XSP", "", "IND", 0);
            FieldReader def = client.await(IncomingMessage.SECURITY_DEFINITION_OPTION_PARAMETER).reader();
            def.skip(5);
            def.readInt();
            String expiry = def.readString();
            for (int round = 0; round < 5; round++) {
                int base = 1000 * (round + 1);
                long t0 = System.nanoTime();
                client.reqContractDetails(base, 0, "XSP", "OPT", expiry, "", "", "SMART");
                client.await(m -> m.id() == IncomingMessage.CONTRACT_DATA_END && m.intAt(2) == base, "chain");
                long t1 = System.nanoTime();
                List<Long> conIds = new ArrayList<>();
                client.all(m -> m.id() == IncomingMessage.CONTRACT_DATA && m.intAt(1) == base).forEach(m -> {
                    FieldReader r = m.reader();
                    r.skip(12);
                    conIds.add(r.readLong());
                });
                for (int i = 0; i < conIds.size(); i++) {
                    client.reqMktData(base + 1 + i, conIds.get(i), "", true);
                }
                int last = base + conIds.size();
                client.await(m -> m.id() == IncomingMessage.TICK_SNAPSHOT_END && m.intAt(2) == last, "last snapshot");
                long t2 = System.nanoTime();
                int messages = 1 + conIds.size();
                System.out.printf("round %d: %d options of %s: contract details %.1f ms, %d snapshots %.1f ms;"
                        + " pacing bound at 45 msg/s %.1f s%n", round, conIds.size(), expiry, (t1 - t0) / 1e6,
                        conIds.size(), (t2 - t1) / 1e6, messages / 45.0);
            }
        }
    }
}
