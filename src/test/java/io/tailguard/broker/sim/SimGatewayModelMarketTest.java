package io.tailguard.broker.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.broker.ibkr.wire.FieldReader;
import io.tailguard.broker.ibkr.wire.IncomingMessage;
import io.tailguard.broker.ibkr.wire.OutgoingMessage;
import io.tailguard.testing.TwsTestClient;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway over the real model market: a whole expiry of puts qualified with one partial query. */
class SimGatewayModelMarketTest {
    private SimGateway gateway;

    @BeforeEach
    void start() {
        gateway = SimGateway.withModelMarket(SimGatewayConfig.defaults().withPort(0)).start();
    }

    @AfterEach
    void stop() {
        gateway.stop();
    }

    @Test
    void qualifiesEveryPutOfAnExpiryFromAPartialQuery() {
        try (TwsTestClient client = TwsTestClient.connect(gateway.port(), 1)) {
            client.send(OutgoingMessage.REQ_SEC_DEF_OPT_PARAMS, 1, "XSP", "", "IND", 0);
            FieldReader def = client.await(IncomingMessage.SECURITY_DEFINITION_OPTION_PARAMETER).reader();
            def.skip(5);
            int expiries = def.readInt();
            assertThat(expiries).isPositive();
            String expiry = def.readString();
            client.reqContractDetails(2, 0, "XSP", "OPT", expiry, "", "P", "SMART");
            client.await(m -> m.id() == IncomingMessage.CONTRACT_DATA_END && m.intAt(2) == 2, "end of the chain");
            List<TwsTestClient.Received> puts = client.all(IncomingMessage.CONTRACT_DATA);
            assertThat(puts.size()).isGreaterThan(10);
            assertThat(puts).allSatisfy(p -> {
                List<String> f = p.fields();
                assertThat(f.get(4)).isEqualTo(expiry);
                assertThat(f.get(7)).isEqualTo("P");
            });
        }
    }
}
