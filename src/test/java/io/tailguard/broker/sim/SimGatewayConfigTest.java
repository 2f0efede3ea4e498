package io.tailguard.broker.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tailguard.testing.FakeSimMarket;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimGatewayConfigTest {
    private static SimGatewayConfig with(int port, String account, List<String> managed, int rate, int lines,
            Duration tick, BigDecimal cash) {
        return new SimGatewayConfig(port, account, 1, managed, rate, lines, tick, Set.of(), List.of(), cash);
    }

    @Test
    void defaultsAreIbsLimitsAndAPaperAccount() {
        SimGatewayConfig c = SimGatewayConfig.defaults();
        assertThat(c.port()).isEqualTo(7497);
        assertThat(c.managedAccounts()).containsExactly("DU1234567");
        assertThat(c.messagesPerSecond()).isEqualTo(50);
        assertThat(c.marketDataLineLimit()).isEqualTo(100);
    }

    @Test
    void namesTheBadField() {
        Duration tick = Duration.ofMillis(100);
        BigDecimal cash = BigDecimal.ONE;
        assertThatThrownBy(() -> with(70_000, "DU1", List.of(), 50, 100, tick, cash)).hasMessageContaining("simGateway.port");
        assertThatThrownBy(() -> with(0, " ", List.of(), 50, 100, tick, cash)).hasMessageContaining("simGateway.accountId");
        assertThatThrownBy(() -> with(0, "DU1", List.of("DU2"), 50, 100, tick, cash))
                .hasMessageContaining("simGateway.managedAccounts");
        assertThatThrownBy(() -> with(0, "DU1", List.of(), 0, 100, tick, cash))
                .hasMessageContaining("simGateway.messagesPerSecond");
        assertThatThrownBy(() -> with(0, "DU1", List.of(), 50, 0, tick, cash))
                .hasMessageContaining("simGateway.marketDataLineLimit");
        assertThatThrownBy(() -> with(0, "DU1", List.of(), 50, 100, Duration.ZERO, cash))
                .hasMessageContaining("simGateway.tickInterval");
        assertThatThrownBy(() -> with(0, "DU1", List.of(), 50, 100, tick, null))
                .hasMessageContaining("simGateway.initialCashUsd");
        assertThatThrownBy(() -> SimGatewayConfig.InitialPosition.stock("UPRO", BigDecimal.ZERO, 1))
                .hasMessageContaining("simGateway.initialPositions.quantity");
    }

    @Test
    void anInitialPositionTheMarketDoesNotListIsRejectedAtConstruction() {
        SimGatewayConfig c = new SimGatewayConfig(0, "DU1", 1, List.of(), 50, 100, Duration.ofMillis(100), Set.of(),
                List.of(SimGatewayConfig.InitialPosition.stock("NOPE", BigDecimal.TEN, 1)), BigDecimal.ONE);
        assertThatThrownBy(() -> new SimGateway(c, new FakeSimMarket()))
                .hasMessageContaining("simGateway.initialPositions").hasMessageContaining("NOPE");
    }
}
