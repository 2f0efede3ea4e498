package io.tailguard.ledger;

import io.tailguard.ledger.tax.LotMethod;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The ledger's settings. {@code commitment} is the share of the whole portfolio that the hedged underlying
 * position represents (0.25 = a quarter), for the portfolio impact of a cycle; {@code lotMethod} picks the
 * UPRO tax lots a sale closes.
 */
public record LedgerConfig(BigDecimal commitment, LotMethod lotMethod) {
    public LedgerConfig {
        Objects.requireNonNull(commitment, "commitment");
        Objects.requireNonNull(lotMethod, "lotMethod");
        if (commitment.signum() <= 0 || commitment.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("ledger.commitment must be in (0, 1], was " + commitment);
        }
    }

    public static LedgerConfig defaults() {
        return new LedgerConfig(new BigDecimal("0.25"), LotMethod.FIFO);
    }
}
