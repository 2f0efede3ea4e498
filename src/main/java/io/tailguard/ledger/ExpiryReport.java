package io.tailguard.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** What the broker reported about an option at its expiry. Nothing is assumed from the calendar alone. */
public sealed interface ExpiryReport {
    Instant at();

    /** A cash-settled index option: the official settlement price of its underlying. */
    record CashSettled(BigDecimal settlementPrice, Instant at) implements ExpiryReport {
        public CashSettled {
            Objects.requireNonNull(settlementPrice, "settlementPrice");
            Objects.requireNonNull(at, "at");
        }
    }

    /** The option left the account worthless. */
    record Expired(Instant at) implements ExpiryReport {
        public Expired {
            Objects.requireNonNull(at, "at");
        }
    }

    /** Contracts of a short option assigned; {@code reportRef} identifies the broker's report. */
    record Assigned(BigDecimal contracts, String reportRef, Instant at) implements ExpiryReport {
        public Assigned {
            Objects.requireNonNull(contracts, "contracts");
            Objects.requireNonNull(reportRef, "reportRef");
            Objects.requireNonNull(at, "at");
        }
    }
}
