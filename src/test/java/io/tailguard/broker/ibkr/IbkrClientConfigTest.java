package io.tailguard.broker.ibkr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IbkrClientConfigTest {
    private static final Duration S = Duration.ofSeconds(1);

    @Test
    void defaultsKeepAMarginBelowIbsLimits() {
        IbkrClientConfig c = IbkrClientConfig.defaults("127.0.0.1", 7497, 7);
        assertThat(c.messagesPerSecond()).isEqualTo(45);
        assertThat(c.maxMarketDataLines()).isEqualTo(90);
    }

    @Test
    void namesTheFieldThatIsWrong() {
        assertThatThrownBy(() -> new IbkrClientConfig("h", 1, 0, 1, 45, 90, S, S, S, S)).hasMessageContaining("clientId");
        assertThatThrownBy(() -> new IbkrClientConfig("h", 1, 7, 5, 45, 90, S, S, S, S)).hasMessageContaining("marketDataType");
        assertThatThrownBy(() -> new IbkrClientConfig("h", 1, 7, 1, 51, 90, S, S, S, S)).hasMessageContaining("messagesPerSecond");
        assertThatThrownBy(() -> new IbkrClientConfig("h", 1, 7, 1, 45, 0, S, S, S, S)).hasMessageContaining("maxMarketDataLines");
        assertThatThrownBy(() -> new IbkrClientConfig("h", 0, 7, 1, 45, 90, S, S, S, S)).hasMessageContaining("port");
        assertThatThrownBy(() -> new IbkrClientConfig(" ", 1, 7, 1, 45, 90, S, S, S, S)).hasMessageContaining("host");
        assertThatThrownBy(() -> new IbkrClientConfig("h", 1, 7, 1, 45, 90, Duration.ZERO, S, S, S))
                .hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> new IbkrClientConfig("h", 1, 7, 1, 45, 90, S, S, Duration.ofSeconds(5), S))
                .hasMessageContaining("reconnectMaxBackoff");
    }
}
