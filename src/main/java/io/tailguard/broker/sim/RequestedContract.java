package io.tailguard.broker.sim;

import io.tailguard.broker.ibkr.wire.FieldReader;
import io.tailguard.broker.sim.market.ContractQuery;
import io.tailguard.broker.sim.market.ModelMarket;
import io.tailguard.domain.Contract;
import io.tailguard.domain.ContractDetails;
import io.tailguard.domain.OptionChainDefinition;
import io.tailguard.domain.OptionRight;
import io.tailguard.domain.SecurityType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The contract fields of a client request, any of which may be empty: IB matches what is given and
 * treats empty as "any". A {@link Contract} cannot hold a partial option (strike or right missing), so
 * option queries that leave a field open are expanded over the market's own chain definitions.
 */
record RequestedContract(long conId, String symbol, String secType, String lastTradeDate, BigDecimal strike,
        String right, String multiplier, String exchange, String primaryExchange, String currency,
        String localSymbol, String tradingClass) {

    static final DateTimeFormatter IB_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter IB_MONTH = DateTimeFormatter.ofPattern("yyyyMM");

    /** Reads conId, symbol, secType, lastTradeDate, strike, right, multiplier, exchange, primaryExchange, currency, localSymbol, tradingClass. */
    static RequestedContract read(FieldReader in) {
        long conId = in.readLong();
        String symbol = in.readString();
        String secType = in.readString();
        String lastTradeDate = in.readString();
        String strikeText = in.readString();
        String right = in.readString();
        String multiplier = in.readString();
        String exchange = in.readString();
        String primaryExchange = in.readString();
        String currency = in.readString();
        String localSymbol = in.readString();
        String tradingClass = in.readString();
        BigDecimal strike = null;
        if (!strikeText.isEmpty() && !"1.7976931348623157E308".equals(strikeText)) {
            BigDecimal s = new BigDecimal(strikeText);
            strike = s.signum() == 0 ? null : s.stripTrailingZeros();
        }
        return new RequestedContract(conId, symbol, secType, lastTradeDate, strike, right, multiplier, exchange,
                primaryExchange, currency, localSymbol, tradingClass);
    }

    String describe() {
        return conId > 0 ? "conId " + conId : (symbol + " " + secType + " " + lastTradeDate + " "
                + (strike == null ? "" : strike.toPlainString()) + " " + right).trim();
    }

    /** Every listed contract matching the query. */
    List<ContractDetails> resolve(SimMarket market) {
        if (conId > 0) {
            return market.contract(conId).stream().toList();
        }
        SecurityType type = securityType().orElse(null);
        if (symbol.isBlank() || type == null) {
            return List.of();
        }
        if (type != SecurityType.OPTION) {
            Contract c = new Contract(0, symbol, type, null, null, null, 0, exchange, primaryExchange, currency,
                    localSymbol, tradingClass);
            return market.contractDetails(c);
        }
        LocalDate expiry = lastTradeDate.length() >= 8 ? LocalDate.parse(lastTradeDate.substring(0, 8), IB_DATE) : null;
        OptionRight optionRight = optionRight(right);
        if (expiry != null && strike != null && optionRight != null) {
            return market.contractDetails(optionContract(expiry, strike, optionRight));
        }
        if (market instanceof ModelMarket model) {
            // the model market matches partial option queries itself, without the expansion below
            YearMonth month = lastTradeDate.length() == 6 ? YearMonth.parse(lastTradeDate, IB_MONTH) : null;
            int mult = multiplier.isEmpty() ? 0 : new BigDecimal(multiplier).intValue();
            return model.contractDetails(new ContractQuery(0, symbol, type, expiry, month, strike, optionRight, mult,
                    exchange, currency, localSymbol, tradingClass));
        }
        // partial option query on another market: expand over the chain definitions, de-duplicated by conId
        Map<Long, ContractDetails> found = new LinkedHashMap<>();
        for (OptionChainDefinition def : market.optionDefinitions(symbol, 0)) {
            if (!tradingClass.isEmpty() && !tradingClass.equals(def.tradingClass())) {
                continue;
            }
            for (LocalDate e : def.expirations()) {
                if (expiry != null && !expiry.equals(e) || lastTradeDate.length() == 6
                        && !e.format(IB_DATE).startsWith(lastTradeDate)) {
                    continue;
                }
                for (BigDecimal k : def.strikes()) {
                    if (strike != null && strike.compareTo(k) != 0) {
                        continue;
                    }
                    for (OptionRight r : OptionRight.values()) {
                        if (optionRight == null || optionRight == r) {
                            market.contractDetails(optionContract(e, k, r))
                                    .forEach(d -> found.putIfAbsent(d.contract().conId(), d));
                        }
                    }
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    private Contract optionContract(LocalDate expiry, BigDecimal k, OptionRight r) {
        int mult = multiplier.isEmpty() ? 0 : new BigDecimal(multiplier).intValue();
        return new Contract(0, symbol, SecurityType.OPTION, expiry, k, r, mult, exchange, primaryExchange, currency,
                localSymbol, tradingClass);
    }

    Optional<SecurityType> securityType() {
        return Optional.ofNullable(securityTypeOf(secType));
    }

    static SecurityType securityTypeOf(String ib) {
        return switch (ib == null ? "" : ib.toUpperCase()) {
            case "STK" -> SecurityType.STOCK;
            case "OPT" -> SecurityType.OPTION;
            case "IND" -> SecurityType.INDEX;
            case "FUT" -> SecurityType.FUTURE;
            case "BAG" -> SecurityType.COMBO;
            default -> null;
        };
    }

    static String secTypeText(SecurityType type) {
        return switch (type) {
            case STOCK -> "STK";
            case OPTION -> "OPT";
            case INDEX -> "IND";
            case FUTURE -> "FUT";
            case COMBO -> "BAG";
        };
    }

    static OptionRight optionRight(String ib) {
        return switch (ib == null ? "" : ib.toUpperCase()) {
            case "P", "PUT" -> OptionRight.PUT;
            case "C", "CALL" -> OptionRight.CALL;
            default -> null;
        };
    }

    static String rightText(OptionRight right) {
        return right == null ? "" : right == OptionRight.PUT ? "P" : "C";
    }

    static String expiryText(Contract c) {
        return c.expiry() == null ? "" : c.expiry().format(IB_DATE);
    }
}
