package io.tailguard.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * The port through which the ledger learns how its options ended, from the broker's evidence and never
 * from the calendar alone. Adapter: {@link BrokerExpiryReports} (TWS and the simulated gateway alike).
 */
public interface ExpiryReports {

    /**
     * How each of {@code options} ended. {@code options} are what one cycle still holds after their expiry
     * (signed contracts, short negative); {@code sharesHeld} is what the same cycle holds of each underlying
     * (by symbol), against which a delivery of shares is measured. Every option gets a finding, keyed by
     * {@link Instrument#key()}.
     */
    Map<String, ExpiryFinding> findings(Map<Instrument, BigDecimal> options, Map<String, BigDecimal> sharesHeld);

    /** The official close of {@code symbol} on {@code date}; empty until the broker has the day's final bar. */
    Optional<BigDecimal> closeOn(String symbol, LocalDate date);
}
