package io.tailguard.broker.sim.market;

import io.tailguard.domain.Contract;
import io.tailguard.domain.OptionRight;
import io.tailguard.domain.SecurityType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * A partially specified contract as a REQ_CONTRACT_DATA carries it, with IB's matching rules: an
 * empty string, 0 or null matches anything; a conId, when given, matches alone. Unlike
 * {@link Contract} an option query may leave expiry, strike and right open ("every XSP put of
 * 2026-11-27"), and may name a contract month instead of a day ({@code 202611}).
 */
public record ContractQuery(
        long conId,
        String symbol,
        SecurityType securityType,
        LocalDate expiry,
        YearMonth expiryMonth,
        BigDecimal strike,
        OptionRight right,
        int multiplier,
        String exchange,
        String currency,
        String localSymbol,
        String tradingClass) {

    public ContractQuery {
        if (conId < 0) {
            throw new IllegalArgumentException("conId must be >= 0, was " + conId);
        }
        symbol = Objects.requireNonNullElse(symbol, "").trim();
        exchange = Objects.requireNonNullElse(exchange, "").trim();
        currency = Objects.requireNonNullElse(currency, "").trim();
        localSymbol = Objects.requireNonNullElse(localSymbol, "").trim();
        tradingClass = Objects.requireNonNullElse(tradingClass, "").trim();
        if (strike != null && strike.signum() == 0) {
            strike = null;
        }
    }

    /** The query a fully or partly filled {@link Contract} stands for. */
    public static ContractQuery of(Contract c) {
        return new ContractQuery(c.conId(), c.symbol(), c.securityType(), c.expiry(), null, c.strike(), c.right(),
                c.multiplier(), c.exchange(), c.currency(), c.localSymbol(), c.tradingClass());
    }

    public static ContractQuery byConId(long conId) {
        return new ContractQuery(conId, "", null, null, null, null, null, 0, "", "", "", "");
    }

    /** Every option of a symbol and trading class on one expiry (all strikes, both rights). */
    public static ContractQuery options(String symbol, String tradingClass, LocalDate expiry) {
        return new ContractQuery(0, symbol, SecurityType.OPTION, expiry, null, null, null, 0, "SMART", "", "",
                tradingClass);
    }

    /** True when {@code c}, listed on {@code validExchanges}, answers this query. */
    boolean matches(Contract c, java.util.List<String> validExchanges) {
        if (conId > 0) {
            return conId == c.conId();
        }
        if (!symbol.isEmpty() && !symbol.equalsIgnoreCase(c.symbol())) {
            return false;
        }
        if (securityType != null && securityType != c.securityType()) {
            return false;
        }
        if (!exchange.isEmpty() && validExchanges.stream().noneMatch(exchange::equalsIgnoreCase)) {
            return false;
        }
        if (!currency.isEmpty() && !currency.equalsIgnoreCase(c.currency())) {
            return false;
        }
        if (!tradingClass.isEmpty() && !tradingClass.equalsIgnoreCase(c.tradingClass())) {
            return false;
        }
        if (!localSymbol.isEmpty() && !localSymbol.replace(" ", "").equalsIgnoreCase(c.localSymbol().replace(" ", ""))) {
            return false;
        }
        if (multiplier > 0 && multiplier != c.multiplier()) {
            return false;
        }
        return matchesOptionFields(c);
    }

    private boolean matchesOptionFields(Contract c) {
        boolean asksOptionFields = expiry != null || expiryMonth != null || strike != null || right != null;
        if (!c.isOption()) {
            return !asksOptionFields;
        }
        if (expiry != null && !expiry.equals(c.expiry())) {
            return false;
        }
        if (expiryMonth != null && !expiryMonth.equals(YearMonth.from(c.expiry()))) {
            return false;
        }
        if (strike != null && strike.compareTo(c.strike()) != 0) {
            return false;
        }
        return right == null || right == c.right();
    }

    /** True when the query can only be answered by options (cheap pre-filter for the universe). */
    boolean excludesOptions() {
        return conId == 0 && securityType != null && securityType != SecurityType.OPTION;
    }
}
