package io.tailguard.ledger;

import java.util.Optional;

/**
 * The port through which the ledger learns how an option ended: empty until the broker has reported it.
 * Adapters: the simulated market's settlement (sim), IB's position and cash changes after expiry (TWS).
 */
public interface ExpiryReports {
    Optional<ExpiryReport> report(Instrument option);
}
