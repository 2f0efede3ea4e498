package io.tailguard.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An instrument as the broker knows it. {@code conId} is the broker's contract id, 0 until the
 * contract has been qualified. Option fields are null for other security types. The strike is a
 * {@link BigDecimal} because it is part of the contract's identity (590.5 must stay 590.5).
 */
public record Contract(
        long conId,
        String symbol,
        SecurityType securityType,
        LocalDate expiry,
        BigDecimal strike,
        OptionRight right,
        int multiplier,
        String exchange,
        String primaryExchange,
        String currency,
        String localSymbol,
        String tradingClass) {

    public Contract {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(securityType, "securityType");
        if (symbol.isBlank()) {
            throw new IllegalArgumentException("symbol must not be blank");
        }
        if (conId < 0) {
            throw new IllegalArgumentException("conId must be >= 0, was " + conId);
        }
        if (multiplier < 0) {
            throw new IllegalArgumentException("multiplier must be >= 0, was " + multiplier);
        }
        if (securityType == SecurityType.OPTION) {
            Objects.requireNonNull(expiry, "option expiry");
            Objects.requireNonNull(strike, "option strike");
            Objects.requireNonNull(right, "option right");
            if (strike.signum() <= 0) {
                throw new IllegalArgumentException("option strike must be positive, was " + strike);
            }
            strike = strike.stripTrailingZeros();
        }
        exchange = orEmpty(exchange);
        primaryExchange = orEmpty(primaryExchange);
        currency = currency == null || currency.isEmpty() ? "USD" : currency;
        localSymbol = orEmpty(localSymbol);
        tradingClass = orEmpty(tradingClass);
    }

    /** A US stock or ETF routed SMART. */
    public static Contract stock(String symbol) {
        return new Contract(0, symbol, SecurityType.STOCK, null, null, null, 0, "SMART", "", "USD", "", "");
    }

    /** An index (SPX, XSP, VIX, TNX) on its listing exchange. */
    public static Contract index(String symbol, String exchange) {
        return new Contract(0, symbol, SecurityType.INDEX, null, null, null, 0, exchange, "", "USD", "", "");
    }

    /** A listed option routed SMART. */
    public static Contract option(String symbol, LocalDate expiry, BigDecimal strike, OptionRight right,
            String tradingClass, int multiplier) {
        return new Contract(0, symbol, SecurityType.OPTION, expiry, strike, right, multiplier, "SMART", "", "USD",
                "", tradingClass);
    }

    public Contract withConId(long newConId) {
        return new Contract(newConId, symbol, securityType, expiry, strike, right, multiplier, exchange,
                primaryExchange, currency, localSymbol, tradingClass);
    }

    public Contract withExchange(String newExchange) {
        return new Contract(conId, symbol, securityType, expiry, strike, right, multiplier, newExchange,
                primaryExchange, currency, localSymbol, tradingClass);
    }

    public boolean isOption() {
        return securityType == SecurityType.OPTION;
    }

    /** A short human description, e.g. {@code XSP 2026-11-27 590 P} or {@code UPRO}. */
    public String describe() {
        if (!isOption()) {
            return symbol;
        }
        return symbol + " " + expiry + " " + strike.toPlainString() + " " + (right == OptionRight.PUT ? "P" : "C");
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
