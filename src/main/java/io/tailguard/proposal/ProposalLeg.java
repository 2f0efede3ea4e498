package io.tailguard.proposal;

import io.tailguard.domain.Contract;
import io.tailguard.domain.OrderSide;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One order of a proposal. {@code legId} is stable for the life of the proposal and goes into the
 * order's orderRef. {@code worstPrice} is the furthest the order may be re-priced toward the natural
 * side: a ceiling for a buy, a floor for a sell (a sell's floor is positive, so a credit never turns
 * into a debit).
 */
public record ProposalLeg(
        String legId,
        Contract contract,
        OrderSide side,
        int quantity,
        BigDecimal limitPrice,
        BigDecimal worstPrice,
        PriceBounds bounds,
        LegIntent intent) {

    public ProposalLeg {
        Objects.requireNonNull(legId, "legId");
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(limitPrice, "limitPrice");
        Objects.requireNonNull(worstPrice, "worstPrice");
        Objects.requireNonNull(bounds, "bounds");
        Objects.requireNonNull(intent, "intent");
        if (legId.isBlank() || legId.length() > 80) {
            throw new IllegalArgumentException("legId must be 1..80 characters, was '" + legId + "'");
        }
        if (quantity <= 0) {
            throw new IllegalArgumentException(legId + ": quantity must be positive, was " + quantity);
        }
        if (limitPrice.signum() <= 0) {
            throw new IllegalArgumentException(legId + ": limit price must be positive, was " + limitPrice);
        }
        if (side == OrderSide.BUY ? worstPrice.compareTo(limitPrice) < 0 : worstPrice.compareTo(limitPrice) > 0) {
            throw new IllegalArgumentException(legId + ": worst price " + worstPrice.toPlainString()
                    + " is on the wrong side of the limit " + limitPrice.toPlainString() + " for a " + side);
        }
        if (worstPrice.signum() <= 0) {
            throw new IllegalArgumentException(legId + ": worst price must be positive, was " + worstPrice);
        }
        if (!intent.allows(side)) {
            throw new IllegalArgumentException(legId + ": intent " + intent + " cannot be a " + side);
        }
    }

    /** Contracts times multiplier (1 for shares). */
    public BigDecimal units() {
        return BigDecimal.valueOf((long) quantity * multiplier());
    }

    public int multiplier() {
        return contract.multiplier() > 0 ? contract.multiplier() : 1;
    }

    /** Premium in USD at {@code price}: price x quantity x multiplier. */
    public BigDecimal premiumAt(BigDecimal price) {
        return price.multiply(units());
    }

    /** Whether {@code price} is on the acceptable side of the worst price. */
    public boolean withinWorst(BigDecimal price) {
        return side == OrderSide.BUY ? price.compareTo(worstPrice) <= 0 : price.compareTo(worstPrice) >= 0;
    }

    public ProposalLeg withPrices(BigDecimal newLimit, BigDecimal newWorst, PriceBounds newBounds) {
        return new ProposalLeg(legId, contract, side, quantity, newLimit, newWorst, newBounds, intent);
    }

    public String describe() {
        return side + " " + quantity + " " + contract.describe() + " LMT " + limitPrice.toPlainString() + " worst "
                + worstPrice.toPlainString();
    }
}
