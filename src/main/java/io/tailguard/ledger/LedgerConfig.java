package io.tailguard.ledger;

import io.tailguard.ledger.tax.LotMethod;
import java.math.BigDecimal;

/**
 * The ledger's settings. {@code commitment} is the share of the whole portfolio that the hedged underlying
 * position represents (0.25 = a quarter), for the portfolio impact of a cycle; {@code lotMethod} picks the
 * UPRO tax lots a sale closes.
 */
public record LedgerConfig(BigDecimal commitment, LotMethod lotMethod) {
    public LedgerConfig {
        commitment = commitment == null ? BigDecimal.ONE : commitment;
        lotMethod = lotMethod == null ? LotMethod.FIFO : lotMethod;
        if (commitment.signum() <= 0 || commitment.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("commitment must be in (0, 1], was " + commitment);
        }
    }

    /** Without a ledger.yaml: the position is the whole portfolio (impact = the cycle's own return), FIFO lots. */
    public static LedgerConfig defaults() {
        return new LedgerConfig(BigDecimal.ONE, LotMethod.FIFO);
    }
}
