package io.tailguard.broker.ibkr.decode;

import io.tailguard.broker.ibkr.decode.TwsEvent.AccountSummaryEnd;
import io.tailguard.broker.ibkr.decode.TwsEvent.AccountSummaryValue;
import io.tailguard.broker.ibkr.decode.TwsEvent.ContractData;
import io.tailguard.broker.ibkr.decode.TwsEvent.ContractDataEnd;
import io.tailguard.broker.ibkr.decode.TwsEvent.CurrentTime;
import io.tailguard.broker.ibkr.decode.TwsEvent.ErrorMessage;
import io.tailguard.broker.ibkr.decode.TwsEvent.HistoricalData;
import io.tailguard.broker.ibkr.decode.TwsEvent.ManagedAccounts;
import io.tailguard.broker.ibkr.decode.TwsEvent.MarketDataType;
import io.tailguard.broker.ibkr.decode.TwsEvent.MarketRuleData;
import io.tailguard.broker.ibkr.decode.TwsEvent.NextValidId;
import io.tailguard.broker.ibkr.decode.TwsEvent.PositionData;
import io.tailguard.broker.ibkr.decode.TwsEvent.PositionEnd;
import io.tailguard.broker.ibkr.decode.TwsEvent.SecDefOptParams;
import io.tailguard.broker.ibkr.decode.TwsEvent.SecDefOptParamsEnd;
import io.tailguard.broker.ibkr.decode.TwsEvent.TickGeneric;
import io.tailguard.broker.ibkr.decode.TwsEvent.TickOptionComputation;
import io.tailguard.broker.ibkr.decode.TwsEvent.TickPrice;
import io.tailguard.broker.ibkr.decode.TwsEvent.TickReqParams;
import io.tailguard.broker.ibkr.decode.TwsEvent.TickSize;
import io.tailguard.broker.ibkr.decode.TwsEvent.TickSnapshotEnd;
import io.tailguard.broker.ibkr.decode.TwsEvent.TickString;
import io.tailguard.broker.ibkr.decode.TwsEvent.Unhandled;
import io.tailguard.broker.ibkr.wire.FieldReader;
import io.tailguard.broker.ibkr.wire.IncomingMessage;
import io.tailguard.domain.Contract;
import io.tailguard.domain.ContractDetails;
import io.tailguard.domain.DailyBar;
import io.tailguard.domain.OptionChainDefinition;
import io.tailguard.domain.Position;
import io.tailguard.domain.PriceIncrement;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Decodes one TWS-to-client payload at server version 193 into a {@link TwsEvent}. A malformed
 * message throws {@link io.tailguard.broker.ibkr.wire.ProtocolException}; an id we do not handle
 * yields {@link Unhandled}. Field orders follow tws-protocol-v193.md.
 */
public final class MessageDecoder {

    private MessageDecoder() {
    }

    /** The message id of a payload (its first field), or -1 when it has none. */
    public static int messageId(byte[] payload) {
        FieldReader r = new FieldReader(payload);
        return r.hasNext() ? r.readInt() : -1;
    }

    public static TwsEvent decode(byte[] payload) {
        FieldReader r = new FieldReader(payload);
        int id = r.readInt();
        return switch (id) {
            case IncomingMessage.ERR_MSG -> {
                r.readInt(); // version 2
                yield new ErrorMessage(r.readInt(), r.readInt(), r.readString(), r.hasNext() ? r.readString() : "");
            }
            case IncomingMessage.NEXT_VALID_ID -> {
                r.readInt();
                yield new NextValidId(r.readInt());
            }
            case IncomingMessage.MANAGED_ACCTS -> {
                r.readInt();
                yield new ManagedAccounts(Arrays.stream(r.readString().split(",")).map(String::trim)
                        .filter(s -> !s.isEmpty()).toList());
            }
            case IncomingMessage.CURRENT_TIME -> {
                r.readInt();
                yield new CurrentTime(r.readLong());
            }
            case IncomingMessage.MARKET_DATA_TYPE -> {
                r.readInt();
                yield new MarketDataType(r.readInt(), r.readInt());
            }
            case IncomingMessage.CONTRACT_DATA -> contractData(r);
            case IncomingMessage.CONTRACT_DATA_END -> {
                r.readInt();
                yield new ContractDataEnd(r.readInt());
            }
            case IncomingMessage.SECURITY_DEFINITION_OPTION_PARAMETER -> secDefOptParams(r);
            case IncomingMessage.SECURITY_DEFINITION_OPTION_PARAMETER_END -> new SecDefOptParamsEnd(r.readInt());
            case IncomingMessage.TICK_PRICE -> {
                r.readInt();
                yield new TickPrice(r.readInt(), r.readInt(), r.readDouble(), r.readDecimal(), r.readInt());
            }
            case IncomingMessage.TICK_SIZE -> {
                r.readInt();
                yield new TickSize(r.readInt(), r.readInt(), r.readDecimal());
            }
            case IncomingMessage.TICK_OPTION_COMPUTATION -> optionComputation(r);
            case IncomingMessage.TICK_GENERIC -> {
                r.readInt();
                yield new TickGeneric(r.readInt(), r.readInt(), r.readDouble());
            }
            case IncomingMessage.TICK_STRING -> {
                r.readInt();
                yield new TickString(r.readInt(), r.readInt(), r.readString());
            }
            case IncomingMessage.TICK_SNAPSHOT_END -> {
                r.readInt();
                yield new TickSnapshotEnd(r.readInt());
            }
            case IncomingMessage.TICK_REQ_PARAMS ->
                    new TickReqParams(r.readInt(), r.readDouble(), r.readString(), r.readInt());
            case IncomingMessage.HISTORICAL_DATA -> historicalData(r);
            case IncomingMessage.POSITION -> position(r);
            case IncomingMessage.POSITION_END -> new PositionEnd();
            case IncomingMessage.ACCOUNT_SUMMARY -> {
                r.readInt();
                yield new AccountSummaryValue(r.readInt(), r.readString(), r.readString(), r.readString(),
                        r.readString());
            }
            case IncomingMessage.ACCOUNT_SUMMARY_END -> {
                r.readInt();
                yield new AccountSummaryEnd(r.readInt());
            }
            case IncomingMessage.MARKET_RULE -> marketRule(r);
            case IncomingMessage.ORDER_STATUS -> OrderMessageDecoder.orderStatus(r);
            case IncomingMessage.OPEN_ORDER -> OrderMessageDecoder.openOrder(r);
            case IncomingMessage.OPEN_ORDER_END -> new TwsEvent.OpenOrderEnd();
            case IncomingMessage.COMPLETED_ORDER -> OrderMessageDecoder.completedOrder(r);
            case IncomingMessage.COMPLETED_ORDERS_END -> new TwsEvent.CompletedOrdersEnd();
            case IncomingMessage.EXECUTION_DATA -> OrderMessageDecoder.executionData(r);
            case IncomingMessage.EXECUTION_DATA_END -> {
                r.readInt();
                yield new TwsEvent.ExecutionDataEnd(r.readInt());
            }
            case IncomingMessage.COMMISSION_REPORT -> OrderMessageDecoder.commissionReport(r);
            default -> new Unhandled(id, r.remaining() + 1);
        };
    }

    private static ContractData contractData(FieldReader r) {
        int reqId = r.readInt();
        String symbol = r.readString();
        String secType = r.readString();
        String lastTradeDateOrContractMonth = r.readString();
        r.readString(); // lastTradeDate (the same date, with the time at some exchanges)
        double strike = r.readDouble();
        String right = r.readString();
        String exchange = r.readString();
        String currency = r.readString();
        String localSymbol = r.readString();
        r.readString(); // marketName
        String tradingClass = r.readString();
        long conId = r.readLong();
        double minTick = r.readDouble();
        String multiplier = r.readString();
        r.readString(); // orderTypes
        r.readString(); // validExchanges
        r.readInt(); // priceMagnifier
        long underConId = r.readLong();
        String longName = r.readString();
        String primaryExchange = r.readString();
        r.skip(4); // contractMonth, industry, category, subcategory
        String timeZoneId = r.readString();
        String tradingHours = r.readString();
        String liquidHours = r.readString();
        r.skip(2); // evRule, evMultiplier
        int secIdCount = r.readInt();
        r.skip(2 * secIdCount);
        r.readInt(); // aggGroup
        r.skip(2); // underSymbol, underSecType
        String marketRuleIds = r.readString();
        r.skip(5); // realExpirationDate, stockType, minSize, sizeIncrement, suggestedSizeIncrement
        if ("FUND".equals(secType)) {
            r.skip(17);
        }
        int ineligibilityCount = r.readInt();
        r.skip(2 * ineligibilityCount);
        Contract contract = WireContracts.contract(conId, symbol, secType, lastTradeDateOrContractMonth, strike, right,
                multiplier, exchange, primaryExchange, currency, localSymbol, tradingClass);
        return new ContractData(reqId, new ContractDetails(contract, minTick, ruleIds(marketRuleIds), longName,
                underConId, timeZoneId, tradingHours, liquidHours));
    }

    /** marketRuleIds is one rule id per valid exchange, comma separated, in validExchanges order. */
    private static List<Integer> ruleIds(String text) {
        List<Integer> ids = new ArrayList<>();
        for (String part : text.split(",")) {
            String t = part.trim();
            if (!t.isEmpty()) {
                try {
                    ids.add(Integer.parseInt(t));
                } catch (NumberFormatException e) {
                    throw new io.tailguard.broker.ibkr.wire.ProtocolException("bad market rule id '" + t + "'");
                }
            }
        }
        return ids;
    }

    private static SecDefOptParams secDefOptParams(FieldReader r) {
        int reqId = r.readInt();
        String exchange = r.readString();
        long underlyingConId = r.readLong();
        String tradingClass = r.readString();
        int multiplier = WireContracts.multiplier(r.readString());
        int expirationCount = r.readInt();
        TreeSet<java.time.LocalDate> expirations = new TreeSet<>();
        for (int i = 0; i < expirationCount; i++) {
            expirations.add(WireContracts.date(r.readString()));
        }
        int strikeCount = r.readInt();
        TreeSet<BigDecimal> strikes = new TreeSet<>();
        for (int i = 0; i < strikeCount; i++) {
            strikes.add(BigDecimal.valueOf(r.readDouble()));
        }
        return new SecDefOptParams(reqId, new OptionChainDefinition(exchange, underlyingConId, tradingClass,
                multiplier, expirations, strikes));
    }

    private static TickOptionComputation optionComputation(FieldReader r) {
        int reqId = r.readInt();
        int tickType = r.readInt();
        int attrib = r.readInt();
        double iv = notComputed(r.readDouble(), -1);
        double delta = notComputed(r.readDouble(), -2);
        double optPrice = notComputed(r.readDouble(), -1);
        double pvDividend = notComputed(r.readDouble(), -1);
        double gamma = notComputed(r.readDouble(), -2);
        double vega = notComputed(r.readDouble(), -2);
        double theta = notComputed(r.readDouble(), -2);
        double undPrice = notComputed(r.readDouble(), -1);
        return new TickOptionComputation(reqId, tickType, attrib, iv, delta, optPrice, pvDividend, gamma, vega, theta,
                undPrice);
    }

    /** IB marks values it has not computed with a sentinel (-1 or -2) or Double.MAX_VALUE. */
    private static double notComputed(double value, double sentinel) {
        return value == sentinel || value == Double.MAX_VALUE ? Double.NaN : value;
    }

    private static HistoricalData historicalData(FieldReader r) {
        int reqId = r.readInt();
        String start = r.readString();
        String end = r.readString();
        int count = r.readInt();
        List<DailyBar> bars = new ArrayList<>(Math.max(count, 0));
        for (int i = 0; i < count; i++) {
            String date = r.readString();
            double open = r.readDouble();
            double high = r.readDouble();
            double low = r.readDouble();
            double close = r.readDouble();
            BigDecimal volume = r.readDecimal();
            r.readString(); // wap
            r.readInt(); // barCount
            double v = volume == null || volume.signum() < 0 ? Double.NaN : volume.doubleValue();
            bars.add(new DailyBar(WireContracts.date(date), open, high, low, close, v));
        }
        return new HistoricalData(reqId, start, end, bars);
    }

    private static PositionData position(FieldReader r) {
        r.readInt(); // version 3
        String account = r.readString();
        Contract contract = WireContracts.read(r);
        BigDecimal quantity = r.readDecimal();
        double avgCost = r.readDouble();
        return new PositionData(new Position(account, contract, quantity == null ? BigDecimal.ZERO : quantity,
                avgCost));
    }

    private static MarketRuleData marketRule(FieldReader r) {
        int ruleId = r.readInt();
        int count = r.readInt();
        List<PriceIncrement> increments = new ArrayList<>(Math.max(count, 0));
        for (int i = 0; i < count; i++) {
            increments.add(new PriceIncrement(r.readDouble(), r.readDouble()));
        }
        return new MarketRuleData(ruleId, increments);
    }
}
