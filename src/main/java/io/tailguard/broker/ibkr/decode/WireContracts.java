package io.tailguard.broker.ibkr.decode;

import io.tailguard.broker.ibkr.wire.FieldReader;
import io.tailguard.broker.ibkr.wire.ProtocolException;
import io.tailguard.domain.Contract;
import io.tailguard.domain.OptionRight;
import io.tailguard.domain.SecurityType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Broker strings (secType, right, expiry, multiplier) translated into domain types at the edge. */
final class WireContracts {

    private WireContracts() {
    }

    static Contract contract(long conId, String symbol, String secType, String expiry, double strike, String right,
            String multiplier, String exchange, String primaryExchange, String currency, String localSymbol,
            String tradingClass) {
        SecurityType type = securityType(secType);
        boolean option = type == SecurityType.OPTION;
        return new Contract(conId, symbol, type, option ? date(expiry) : null,
                option ? BigDecimal.valueOf(strike) : null, option ? right(right) : null, multiplier(multiplier),
                exchange, primaryExchange, currency, localSymbol, tradingClass);
    }

    /**
     * The 11-field contract of POSITION, OPEN_ORDER, COMPLETED_ORDER and EXECUTION_DATA: conId, symbol,
     * secType, expiry, strike, right, multiplier, exchange, currency, localSymbol, tradingClass (no
     * primaryExchange, unlike CONTRACT_DATA).
     */
    static Contract read(FieldReader r) {
        long conId = r.readLong();
        String symbol = r.readString();
        String secType = r.readString();
        String expiry = r.readString();
        double strike = r.readDouble();
        String right = r.readString();
        String multiplier = r.readString();
        String exchange = r.readString();
        String currency = r.readString();
        String localSymbol = r.readString();
        String tradingClass = r.readString();
        return contract(conId, symbol, secType, expiry, strike, right, multiplier, exchange, "", currency, localSymbol,
                tradingClass);
    }

    static SecurityType securityType(String secType) {
        return switch (secType) {
            case "STK" -> SecurityType.STOCK;
            case "OPT" -> SecurityType.OPTION;
            case "IND" -> SecurityType.INDEX;
            case "FUT" -> SecurityType.FUTURE;
            case "BAG" -> SecurityType.COMBO;
            default -> throw new ProtocolException("unsupported secType '" + secType + "'");
        };
    }

    static OptionRight right(String right) {
        return switch (right) {
            case "P", "PUT" -> OptionRight.PUT;
            case "C", "CALL" -> OptionRight.CALL;
            default -> throw new ProtocolException("unknown option right '" + right + "'");
        };
    }

    /** IB's dates are yyyyMMdd, sometimes followed by a time and a zone: the date part is what we need. */
    static LocalDate date(String text) {
        if (text == null || text.length() < 8) {
            throw new ProtocolException("expected a yyyyMMdd date, got '" + text + "'");
        }
        try {
            return LocalDate.parse(text.substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            throw new ProtocolException("expected a yyyyMMdd date, got '" + text + "'");
        }
    }

    static int multiplier(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        try {
            return new BigDecimal(text).intValue();
        } catch (NumberFormatException e) {
            throw new ProtocolException("expected a multiplier, got '" + text + "'");
        }
    }
}
