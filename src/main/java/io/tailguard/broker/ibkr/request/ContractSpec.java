package io.tailguard.broker.ibkr.request;

import io.tailguard.domain.Contract;
import io.tailguard.domain.OptionRight;
import io.tailguard.domain.SecurityType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * A contract as IB's request messages spell it: text fields, any of which may be empty. It can express
 * queries the domain {@link Contract} cannot, such as "every XSP option of one expiry" (no strike, no
 * right), which qualifies a whole chain in one REQ_CONTRACT_DATA.
 *
 * @param conId 0 when unknown (written as {@code 0}, as IB's own client does)
 * @param strike null when not part of the query (written as an empty field)
 * @param multiplier empty when not part of the query
 */
public record ContractSpec(
        long conId,
        String symbol,
        String secType,
        String lastTradeDateOrContractMonth,
        BigDecimal strike,
        String right,
        String multiplier,
        String exchange,
        String primaryExchange,
        String currency,
        String localSymbol,
        String tradingClass,
        boolean includeExpired) {

    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.BASIC_ISO_DATE;

    public ContractSpec {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(secType, "secType");
        lastTradeDateOrContractMonth = orEmpty(lastTradeDateOrContractMonth);
        right = orEmpty(right);
        multiplier = orEmpty(multiplier);
        exchange = orEmpty(exchange);
        primaryExchange = orEmpty(primaryExchange);
        currency = orEmpty(currency);
        localSymbol = orEmpty(localSymbol);
        tradingClass = orEmpty(tradingClass);
    }

    public static ContractSpec of(Contract c) {
        return new ContractSpec(c.conId(), c.symbol(), secType(c.securityType()),
                c.expiry() == null ? "" : c.expiry().format(EXPIRY), c.strike(),
                c.right() == null ? "" : right(c.right()), c.multiplier() == 0 ? "" : Integer.toString(c.multiplier()),
                c.exchange(), c.primaryExchange(), c.currency(), c.localSymbol(), c.tradingClass(), false);
    }

    /** Every option of a trading class expiring on one day, for one right or both (right null). */
    public static ContractSpec optionClass(String symbol, String tradingClass, LocalDate expiry, OptionRight right,
            String exchange, String currency) {
        return new ContractSpec(0, symbol, "OPT", expiry.format(EXPIRY), null, right == null ? "" : right(right),
                "", exchange, "", currency, "", tradingClass, false);
    }

    public static String secType(SecurityType type) {
        return switch (type) {
            case STOCK -> "STK";
            case OPTION -> "OPT";
            case INDEX -> "IND";
            case FUTURE -> "FUT";
            case COMBO -> "BAG";
        };
    }

    public static String right(OptionRight right) {
        return right == OptionRight.PUT ? "P" : "C";
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
