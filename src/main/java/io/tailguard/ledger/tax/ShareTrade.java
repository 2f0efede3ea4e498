package io.tailguard.ledger.tax;

import io.tailguard.domain.OrderSide;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A purchase or sale of UPRO shares for the tax lots: a fill, or shares called away on an assignment (a sale
 * at the strike). {@code cost} is the commission, added to a purchase's basis and taken from a sale's proceeds.
 */
public record ShareTrade(String ref, LocalDate date, OrderSide side, BigDecimal shares, BigDecimal price,
        BigDecimal cost) {
    public ShareTrade {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(shares, "shares");
        Objects.requireNonNull(price, "price");
        cost = cost == null ? BigDecimal.ZERO : cost;
        if (shares.signum() <= 0) {
            throw new IllegalArgumentException(ref + ": shares must be positive");
        }
    }
}
