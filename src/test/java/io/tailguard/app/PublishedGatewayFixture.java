package io.tailguard.app;

import io.tailguard.broker.ListedExpiries;
import io.tailguard.broker.ibkr.IbkrBroker;
import io.tailguard.broker.ibkr.IbkrClientConfig;
import io.tailguard.calendar.ExchangeCalendar;
import io.tailguard.domain.Contract;
import io.tailguard.domain.OptionRight;
import io.tailguard.domain.Quote;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

/** A second client of a running daemon's published simulated gateway, for tests that trade against the daemon. */
final class PublishedGatewayFixture {
    private PublishedGatewayFixture() {
    }

    /** The first listed XSP expiry after the market's today, its put nearest the index. */
    static Contract atTheMoneyPut(PublishedGateway gateway, Clock market) {
        try (IbkrBroker broker = connect(gateway, market)) {
            Contract xsp = Contract.index("XSP", "CBOE");
            LocalDate today = LocalDate.ofInstant(market.instant(), ExchangeCalendar.NEW_YORK);
            LocalDate expiry = ListedExpiries.firstOnOrAfter(broker, xsp, "XSP", today.plusDays(1));
            BigDecimal strike = BigDecimal.valueOf(Math.round(broker.snapshot(xsp).last()));
            return broker.contractDetails(Contract.option("XSP", expiry, strike, OptionRight.PUT, "XSP", 100)).get(0)
                    .contract();
        }
    }

    static Quote snapshot(PublishedGateway gateway, Clock market, Contract contract) {
        try (IbkrBroker broker = connect(gateway, market)) {
            return broker.snapshot(contract);
        }
    }

    private static IbkrBroker connect(PublishedGateway gateway, Clock market) {
        IbkrBroker broker = new IbkrBroker(new IbkrClientConfig(gateway.host(), gateway.port(), 40, 1, 45, 10,
                Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofMillis(50), Duration.ofMillis(500)), market);
        broker.connect();
        return broker;
    }
}
