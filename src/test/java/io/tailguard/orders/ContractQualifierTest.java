package io.tailguard.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.broker.ibkr.IbkrBroker;
import io.tailguard.broker.ibkr.IbkrClientConfig;
import io.tailguard.broker.sim.SimGateway;
import io.tailguard.broker.sim.SimGatewayConfig;
import io.tailguard.domain.Contract;
import io.tailguard.domain.OptionRight;
import io.tailguard.testing.FakeSimMarket;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Qualification through our client against the simulated gateway over loopback. The fake market lists XSP
 * puts and calls for 2026-11-27 and 2026-12-04 at strikes 580..600 by 5, UPRO and the XSP index.
 */
class ContractQualifierTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    private static SimGateway gateway;
    private static IbkrBroker broker;
    private static ContractQualifier qualifier;

    @BeforeAll
    static void start() {
        gateway = new SimGateway(SimGatewayConfig.defaults().withPort(0), new FakeSimMarket()).start();
        broker = new IbkrBroker(new IbkrClientConfig("127.0.0.1", gateway.port(), 41, 1, 45, 90, Duration.ofSeconds(5),
                Duration.ofSeconds(10), Duration.ofMillis(50), Duration.ofMillis(500)), Clock.systemUTC());
        broker.connect();
        qualifier = new ContractQualifier(broker);
    }

    @AfterAll
    static void stop() {
        broker.close();
        gateway.close();
    }

    private static Contract xspPut(String expiry, String strike) {
        return Contract.option("XSP", LocalDate.parse(expiry), new BigDecimal(strike), OptionRight.PUT, "XSP", 100);
    }

    private static String reason(ContractQualifier.Result r) {
        assertThat(r).isInstanceOf(ContractQualifier.NotListed.class);
        return ((ContractQualifier.NotListed) r).reason();
    }

    @Test
    void aListedOptionComesBackAsTheBrokersContract() {
        ContractQualifier.Result r = qualifier.qualify(xspPut("2026-12-04", "580"), TODAY);
        assertThat(r).isInstanceOf(ContractQualifier.Listed.class);
        Contract c = ((ContractQualifier.Listed) r).contract();
        assertThat(c.conId()).isPositive();
        assertThat(c.describe()).isEqualTo("XSP 2026-12-04 580 P");
        assertThat(c.multiplier()).isEqualTo(100);
    }

    @Test
    void anExpiryThatHasPassedIsRefusedWithTheListedOnesNearby() {
        assertThat(reason(qualifier.qualify(xspPut("2026-11-13", "580"), TODAY)))
                .isEqualTo("expiry 2026-11-13 has passed (today is 2026-11-20 in New York); listed expiries nearby: "
                        + "2026-11-27, 2026-12-04");
    }

    @Test
    void aSaturdayIsNoExpiry() {
        assertThat(reason(qualifier.qualify(xspPut("2026-11-28", "580"), TODAY)))
                .startsWith("expiry 2026-11-28 is a Saturday: no XSP series expires then")
                .contains("listed expiries nearby: 2026-11-27, 2026-12-04");
    }

    @Test
    void aStrikeOffTheGridNamesTheNearestListedStrikes() {
        assertThat(reason(qualifier.qualify(xspPut("2026-11-27", "580.3"), TODAY)))
                .isEqualTo("strike 580.3 is not listed for XSP 2026-11-27 puts; nearest listed strikes: 580, 585");
    }

    @Test
    void anUnknownSymbolIsRefusedAsAnOptionAndAsAStock() {
        assertThat(reason(qualifier.qualify(Contract.option("FOO", LocalDate.parse("2026-11-27"), new BigDecimal("580"),
                OptionRight.PUT, "FOO", 100), TODAY))).startsWith("unknown symbol FOO");
        assertThat(reason(qualifier.qualify(Contract.stock("FOO"), TODAY))).startsWith("unknown symbol FOO");
        assertThat(qualifier.qualify(Contract.stock("UPRO"), TODAY)).isInstanceOf(ContractQualifier.Listed.class);
    }

    @Test
    void nextIsTheFirstListedExpiryAfterToday() {
        assertThat(qualifier.nextExpiry("XSP", "XSP", TODAY)).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(qualifier.nextExpiry("XSP", "XSP", LocalDate.of(2026, 11, 27))).isEqualTo(LocalDate.of(2026, 12, 4));
    }
}
