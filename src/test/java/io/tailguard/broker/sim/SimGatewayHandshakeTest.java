package io.tailguard.broker.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.broker.ibkr.wire.FieldReader;
import io.tailguard.broker.ibkr.wire.IncomingMessage;
import io.tailguard.broker.ibkr.wire.OutgoingMessage;
import io.tailguard.testing.FakeSimMarket;
import io.tailguard.testing.TwsTestClient;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimGatewayHandshakeTest {
    private SimGateway gateway;

    @BeforeEach
    void start() {
        gateway = new SimGateway(SimGatewayConfig.defaults().withPort(0), new FakeSimMarket()).start();
    }

    @AfterEach
    void stop() {
        gateway.stop();
    }

    @Test
    void listensOnAnEphemeralLoopbackPort() {
        assertThat(gateway.port()).isPositive();
        assertThat(gateway.isRunning()).isTrue();
    }

    @Test
    void negotiates193AndSendsConnectionTime() {
        try (TwsTestClient client = TwsTestClient.handshake(gateway.port(), 100, 200)) {
            List<String> reply = client.handshakeFields();
            assertThat(reply).hasSize(2);
            assertThat(reply.get(0)).isEqualTo("193");
            assertThat(reply.get(1)).matches("20261120 10:00:00 \\S+");
        }
    }

    @Test
    void answersStartApiWithAccountsNextIdAndFarmNotices() {
        try (TwsTestClient client = TwsTestClient.connect(gateway.port(), 7)) {
            FieldReader accounts = client.await(IncomingMessage.MANAGED_ACCTS).reader();
            assertThat(accounts.readInt()).isEqualTo(1);
            assertThat(accounts.readString()).isEqualTo("DU1234567");
            FieldReader nextId = client.await(IncomingMessage.NEXT_VALID_ID).reader();
            assertThat(nextId.readInt()).isEqualTo(1);
            assertThat(nextId.readInt()).isPositive();
            for (int code : new int[] {2104, 2106, 2158}) {
                assertThat(client.awaitError(code).errorId()).isEqualTo(-1);
            }
        }
    }

    @Test
    void repliesWithItsOwnVersionAndClosesWhenTheClientRangeExcludes193() {
        try (TwsTestClient client = TwsTestClient.handshake(gateway.port(), 100, 176)) {
            assertThat(client.handshakeFields().get(0)).isEqualTo("193");
            client.awaitClosed();
        }
        try (TwsTestClient client = TwsTestClient.handshake(gateway.port(), 200, 210)) {
            assertThat(client.handshakeFields().get(0)).isEqualTo("193");
            client.awaitClosed();
        }
    }

    @Test
    void refusesAClientIdHeldByAnotherConnectionWith326AndCloses() {
        try (TwsTestClient first = TwsTestClient.connect(gateway.port(), 3);
                TwsTestClient second = TwsTestClient.handshake(gateway.port(), 100, 193)) {
            second.send(OutgoingMessage.START_API, 2, 3, "");
            assertThat(second.awaitError(326).errorId()).isEqualTo(-1);
            second.awaitClosed();
            assertThat(first.isClosed()).isFalse();
        }
    }

    @Test
    void freesAClientIdWhenItsConnectionEnds() {
        TwsTestClient first = TwsTestClient.connect(gateway.port(), 4);
        first.close();
        TwsTestClient.until(() -> gateway.sessionCount() == 0, "the gateway saw the close");
        try (TwsTestClient again = TwsTestClient.connect(gateway.port(), 4)) {
            assertThat(again.all(m -> m.id() == IncomingMessage.ERR_MSG && m.errorCode() == 326)).isEmpty();
        }
    }
}
