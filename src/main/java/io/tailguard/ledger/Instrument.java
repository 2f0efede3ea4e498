package io.tailguard.ledger;

import io.tailguard.domain.Contract;
import io.tailguard.domain.OptionRight;
import io.tailguard.domain.SecurityType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What the ledger holds: shares of the underlying, or a put or call. Identified by {@link #key()} (symbol,
 * expiry, strike, right), because a proposal leg's conId may still be 0.
 */
public record Instrument(String symbol, Kind kind, LocalDate expiry, BigDecimal strike, int multiplier) {

    public enum Kind { SHARES, PUT, CALL }

    public Instrument {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(kind, "kind");
        if (kind != Kind.SHARES) {
            Objects.requireNonNull(expiry, "expiry");
            Objects.requireNonNull(strike, "strike");
            strike = strike.stripTrailingZeros();
            if (multiplier <= 0) {
                throw new IllegalArgumentException("option multiplier must be positive, was " + multiplier);
            }
        } else {
            multiplier = 1;
        }
    }

    public static Instrument shares(String symbol) {
        return new Instrument(symbol, Kind.SHARES, null, null, 1);
    }

    public static Instrument put(String symbol, LocalDate expiry, String strike, int multiplier) {
        return new Instrument(symbol, Kind.PUT, expiry, new BigDecimal(strike), multiplier);
    }

    public static Instrument call(String symbol, LocalDate expiry, String strike, int multiplier) {
        return new Instrument(symbol, Kind.CALL, expiry, new BigDecimal(strike), multiplier);
    }

    public static Instrument of(Contract c) {
        if (c.securityType() != SecurityType.OPTION) {
            return shares(c.symbol());
        }
        return new Instrument(c.symbol(), c.right() == OptionRight.PUT ? Kind.PUT : Kind.CALL, c.expiry(), c.strike(),
                c.multiplier() > 0 ? c.multiplier() : 100);
    }

    /** Parses {@link #key()}. */
    public static Instrument parse(String key, int multiplier) {
        String[] p = key.split(" ");
        if (p.length == 1) {
            return shares(p[0]);
        }
        if (p.length != 4) {
            throw new IllegalArgumentException("not an instrument key: " + key);
        }
        Kind kind = p[3].equals("P") ? Kind.PUT : Kind.CALL;
        return new Instrument(p[0], kind, LocalDate.parse(p[1]), new BigDecimal(p[2]), multiplier);
    }

    public String key() {
        return kind == Kind.SHARES ? symbol
                : symbol + " " + expiry + " " + strike.toPlainString() + " " + (kind == Kind.PUT ? "P" : "C");
    }

    public boolean isOption() {
        return kind != Kind.SHARES;
    }

    /** Value at expiry per unit against the settlement (or closing) price of the underlying. */
    public BigDecimal intrinsicAt(BigDecimal underlyingPrice) {
        return switch (kind) {
            case SHARES -> underlyingPrice;
            case PUT -> strike.subtract(underlyingPrice).max(BigDecimal.ZERO);
            case CALL -> underlyingPrice.subtract(strike).max(BigDecimal.ZERO);
        };
    }

    /** The bucket this instrument's P&amp;L counts in. */
    public PnlBucket bucket() {
        return switch (kind) {
            case SHARES -> PnlBucket.UNDERLYING;
            case PUT -> PnlBucket.PUTS;
            case CALL -> PnlBucket.CALLS;
        };
    }

    @Override
    public String toString() {
        return key();
    }
}
