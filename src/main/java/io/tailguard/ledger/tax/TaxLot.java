package io.tailguard.ledger.tax;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Open shares bought together. {@code basis} is the total cost basis of the remaining shares, including a
 * disallowed wash-sale loss carried into it; {@code holdingFrom} is then the sold lot's acquisition date.
 */
public record TaxLot(String ref, LocalDate acquired, LocalDate holdingFrom, BigDecimal shares, BigDecimal basis,
        BigDecimal washSaleAdjustment) {

    public BigDecimal basisPerShare() {
        return basis.divide(shares, 10, java.math.RoundingMode.HALF_EVEN);
    }
}
