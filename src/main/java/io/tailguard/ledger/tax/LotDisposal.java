package io.tailguard.ledger.tax;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Shares of one lot closed by one sale. {@code gain} is proceeds − basis; {@code disallowed} is the part of a
 * loss a wash sale defers into a replacement lot (so the reportable result is {@code gain + disallowed}).
 */
public record LotDisposal(String saleRef, String lotRef, LocalDate acquired, LocalDate sold, BigDecimal shares,
        BigDecimal proceeds, BigDecimal basis, BigDecimal gain, boolean longTerm, BigDecimal disallowed) {

    public BigDecimal reportable() {
        return gain.add(disallowed);
    }
}
