package io.tailguard.broker.sim;

import io.tailguard.broker.ibkr.wire.FieldWriter;
import io.tailguard.broker.ibkr.wire.IncomingMessage;
import io.tailguard.domain.Contract;
import io.tailguard.domain.ContractDetails;
import io.tailguard.domain.DailyBar;
import io.tailguard.domain.MarketRule;
import io.tailguard.domain.OptionChainDefinition;
import io.tailguard.domain.OptionGreeks;
import io.tailguard.domain.Position;
import io.tailguard.domain.PriceIncrement;
import java.math.BigDecimal;
import java.util.stream.Collectors;

/**
 * Payloads of the server-to-client messages at server version 193, field for field as a TWS of that
 * version writes them (see tws-protocol-v193.md). Every field, the last included, ends in NUL.
 */
final class GatewayMessages {
    private GatewayMessages() {
    }

    static byte[] error(int id, int code, String message) {
        return new FieldWriter().add(IncomingMessage.ERR_MSG).add(2).add(id).add(code).add(message).add("")
                .toBytes();
    }

    static byte[] error(int id, TwsCode code) {
        return error(id, code.code(), code.text());
    }

    static byte[] managedAccounts(java.util.List<String> accounts) {
        return new FieldWriter().add(IncomingMessage.MANAGED_ACCTS).add(1).add(String.join(",", accounts)).toBytes();
    }

    static byte[] nextValidId(int orderId) {
        return new FieldWriter().add(IncomingMessage.NEXT_VALID_ID).add(1).add(orderId).toBytes();
    }

    static byte[] currentTime(long epochSeconds) {
        return new FieldWriter().add(IncomingMessage.CURRENT_TIME).add(1).add(epochSeconds).toBytes();
    }

    static byte[] marketDataType(int reqId, int type) {
        return new FieldWriter().add(IncomingMessage.MARKET_DATA_TYPE).add(1).add(reqId).add(type).toBytes();
    }

    static byte[] contractData(int reqId, ContractDetails d) {
        Contract c = d.contract();
        String ruleIds = d.marketRuleIds().stream().map(String::valueOf).collect(Collectors.joining(","));
        FieldWriter w = new FieldWriter().add(IncomingMessage.CONTRACT_DATA).add(reqId)
                .add(c.symbol()).add(RequestedContract.secTypeText(c.securityType()))
                .add(RequestedContract.expiryText(c)).add(RequestedContract.expiryText(c))
                .add(c.strike() == null ? BigDecimal.ZERO : c.strike()).add(RequestedContract.rightText(c.right()))
                .add(c.exchange()).add(c.currency()).add(localSymbol(c)).add(marketName(c)).add(tradingClass(c))
                .add(c.conId()).add(d.minTick()).add(c.multiplier() == 0 ? "" : Integer.toString(c.multiplier()))
                .add(orderTypes(c)).add(validExchanges(c, d)).add(1).add(d.underlyingConId())
                .add(d.longName()).add(c.primaryExchange())
                .add(c.expiry() == null ? "" : RequestedContract.expiryText(c).substring(0, 6))
                .add("").add("").add("") // industry, category, subcategory
                .add(d.timeZoneId()).add(d.tradingHours()).add(d.liquidHours())
                .add("").add("") // evRule, evMultiplier
                .add(0) // secIdList count
                .add(0) // aggGroup
                .add(c.isOption() ? c.symbol() : "").add(c.isOption() ? underlyingSecType(c) : "")
                .add(ruleIds).add(RequestedContract.expiryText(c))
                .add(c.securityType() == io.tailguard.domain.SecurityType.STOCK ? "ETF" : "")
                .add(1).add(1).add(1) // minSize, sizeIncrement, suggestedSizeIncrement
                .add(0); // ineligibility reasons
        return w.toBytes();
    }

    static byte[] contractDataEnd(int reqId) {
        return new FieldWriter().add(IncomingMessage.CONTRACT_DATA_END).add(1).add(reqId).toBytes();
    }

    static byte[] optionParameter(int reqId, OptionChainDefinition def) {
        FieldWriter w = new FieldWriter().add(IncomingMessage.SECURITY_DEFINITION_OPTION_PARAMETER).add(reqId)
                .add(def.exchange()).add(def.underlyingConId()).add(def.tradingClass()).add(def.multiplier())
                .add(def.expirations().size());
        def.expirations().forEach(e -> w.add(e.format(RequestedContract.IB_DATE)));
        w.add(def.strikes().size());
        def.strikes().forEach(w::add);
        return w.toBytes();
    }

    static byte[] optionParameterEnd(int reqId) {
        return new FieldWriter().add(IncomingMessage.SECURITY_DEFINITION_OPTION_PARAMETER_END).add(reqId).toBytes();
    }

    static byte[] marketRule(MarketRule rule) {
        FieldWriter w = new FieldWriter().add(IncomingMessage.MARKET_RULE).add(rule.id()).add(rule.increments().size());
        for (PriceIncrement step : rule.increments()) {
            w.add(step.lowEdge()).add(step.increment());
        }
        return w.toBytes();
    }

    /** TICK_PRICE v6 with its size; IB's "no price" is -1 with size 0. */
    static byte[] tickPrice(int tickerId, int tickType, double price, double size) {
        return new FieldWriter().add(IncomingMessage.TICK_PRICE).add(6).add(tickerId).add(tickType)
                .add(price).add(size).add(0).toBytes();
    }

    static byte[] tickSize(int tickerId, int tickType, double size) {
        return new FieldWriter().add(IncomingMessage.TICK_SIZE).add(6).add(tickerId).add(tickType).add(size).toBytes();
    }

    static byte[] tickGeneric(int tickerId, int tickType, double value) {
        return new FieldWriter().add(IncomingMessage.TICK_GENERIC).add(6).add(tickerId).add(tickType).add(value)
                .toBytes();
    }

    static byte[] tickString(int tickerId, int tickType, String value) {
        return new FieldWriter().add(IncomingMessage.TICK_STRING).add(6).add(tickerId).add(tickType).add(value)
                .toBytes();
    }

    /** Model greeks; IB's "not computed" markers are -1 (iv, prices) and -2 (greeks). */
    static byte[] optionComputation(int tickerId, int tickType, OptionGreeks g, double optionPrice) {
        return new FieldWriter().add(IncomingMessage.TICK_OPTION_COMPUTATION).add(tickerId).add(tickType)
                .add(1) // price-based
                .add(or(g.impliedVol(), -1)).add(or(g.delta(), -2)).add(or(optionPrice, -1)).add(0)
                .add(or(g.gamma(), -2)).add(or(g.vega(), -2)).add(or(g.theta(), -2)).add(or(g.underlyingPrice(), -1))
                .toBytes();
    }

    static byte[] tickSnapshotEnd(int reqId) {
        return new FieldWriter().add(IncomingMessage.TICK_SNAPSHOT_END).add(1).add(reqId).toBytes();
    }

    static byte[] tickReqParams(int tickerId, double minTick, String bboExchange) {
        return new FieldWriter().add(IncomingMessage.TICK_REQ_PARAMS).add(tickerId).add(minTick).add(bboExchange)
                .add(3).toBytes();
    }

    static byte[] historicalData(int reqId, String start, String end, java.util.List<DailyBar> bars) {
        FieldWriter w = new FieldWriter().add(IncomingMessage.HISTORICAL_DATA).add(reqId).add(start).add(end)
                .add(bars.size());
        for (DailyBar b : bars) {
            double volume = Double.isNaN(b.volume()) ? -1 : b.volume();
            double wap = (b.high() + b.low() + b.close()) / 3.0;
            w.add(b.date().format(RequestedContract.IB_DATE)).add(b.open()).add(b.high()).add(b.low()).add(b.close())
                    .add(volume).add(round(wap)).add(volume < 0 ? -1 : 1);
        }
        return w.toBytes();
    }

    static byte[] position(Position p) {
        Contract c = p.contract();
        return new FieldWriter().add(IncomingMessage.POSITION).add(3).add(p.account()).add(c.conId())
                .add(c.symbol()).add(RequestedContract.secTypeText(c.securityType())).add(RequestedContract.expiryText(c))
                .add(c.strike() == null ? BigDecimal.ZERO : c.strike()).add(RequestedContract.rightText(c.right()))
                .add(c.multiplier() == 0 ? "" : Integer.toString(c.multiplier())).add(c.exchange())
                .add(c.currency()).add(localSymbol(c)).add(tradingClass(c)).add(p.quantity())
                .add(p.averageCost()).toBytes();
    }

    static byte[] positionEnd() {
        return new FieldWriter().add(IncomingMessage.POSITION_END).add(1).toBytes();
    }

    static byte[] accountSummary(int reqId, String account, String tag, String value, String currency) {
        return new FieldWriter().add(IncomingMessage.ACCOUNT_SUMMARY).add(1).add(reqId).add(account).add(tag)
                .add(value).add(currency).toBytes();
    }

    static byte[] accountSummaryEnd(int reqId) {
        return new FieldWriter().add(IncomingMessage.ACCOUNT_SUMMARY_END).add(1).add(reqId).toBytes();
    }

    private static double or(double v, double unset) {
        return Double.isNaN(v) || Double.isInfinite(v) ? unset : v;
    }

    private static double round(double v) {
        return Math.round(v * 10_000.0) / 10_000.0;
    }

    private static String localSymbol(Contract c) {
        if (!c.localSymbol().isEmpty() || !c.isOption()) {
            return c.localSymbol().isEmpty() ? c.symbol() : c.localSymbol();
        }
        // OCC symbology: root padded to 6, yyMMdd, right, strike x 1000 in 8 digits
        String strike = String.format("%08d", c.strike().movePointRight(3).intValue());
        return String.format("%-6s", tradingClass(c)) + RequestedContract.expiryText(c).substring(2)
                + RequestedContract.rightText(c.right()) + strike;
    }

    private static String tradingClass(Contract c) {
        return c.tradingClass().isEmpty() ? c.symbol() : c.tradingClass();
    }

    private static String marketName(Contract c) {
        return tradingClass(c);
    }

    private static String orderTypes(Contract c) {
        return c.isOption() ? "ACTIVETIM,AD,ADJUST,ALERT,ALLOC,AVGCOST,BASKET,COND,CONDORDER,DAY,DEACT,GAT,GTC,GTD,LMT,MKT,NONALGO,OCA,STP,STPLMT"
                : c.securityType() == io.tailguard.domain.SecurityType.INDEX ? "" : "ADJUST,ALERT,ALGO,ALLOC,DAY,GAT,GTC,GTD,LMT,MIT,MKT,MOC,OCA,REL,STP,STPLMT,TRAIL";
    }

    private static String validExchanges(Contract c, ContractDetails d) {
        return c.exchange().isEmpty() ? "SMART" : c.exchange();
    }

    private static String underlyingSecType(Contract c) {
        return switch (c.symbol()) {
            case "SPX", "XSP", "VIX", "TNX", "NDX", "RUT" -> "IND";
            default -> "STK";
        };
    }
}
