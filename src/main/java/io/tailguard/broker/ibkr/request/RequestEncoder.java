package io.tailguard.broker.ibkr.request;

import io.tailguard.broker.ibkr.wire.FieldWriter;
import io.tailguard.broker.ibkr.wire.OutgoingMessage;

/**
 * Payloads (without the length prefix) of the client-to-TWS messages at server version 193, one
 * method per message, fields in the order of tws-protocol-v193.md. Byte equality with the reference
 * peer is checked by the golden request vectors. Order messages (PLACE_ORDER, CANCEL_ORDER, ...) slot
 * in beside these as further static methods of an order encoder in this package.
 */
public final class RequestEncoder {

    private RequestEncoder() {
    }

    /** START_API: v=2, clientId, optionalCapabilities. */
    public static byte[] startApi(int clientId) {
        return new FieldWriter().add(OutgoingMessage.START_API).add(2).add(clientId).add("").toBytes();
    }

    /** REQ_IDS: v=1, numIds (TWS answers with NEXT_VALID_ID). */
    public static byte[] reqIds(int numIds) {
        return new FieldWriter().add(OutgoingMessage.REQ_IDS).add(1).add(numIds).toBytes();
    }

    public static byte[] reqCurrentTime() {
        return new FieldWriter().add(OutgoingMessage.REQ_CURRENT_TIME).add(1).toBytes();
    }

    /** REQ_MARKET_DATA_TYPE: 1 live, 2 frozen, 3 delayed, 4 delayed-frozen. */
    public static byte[] reqMarketDataType(int type) {
        return new FieldWriter().add(OutgoingMessage.REQ_MARKET_DATA_TYPE).add(1).add(type).toBytes();
    }

    /** REQ_CONTRACT_DATA v=8 (secIdType, secId and issuerId are never used by us: empty). */
    public static byte[] reqContractData(int reqId, ContractSpec c) {
        FieldWriter w = new FieldWriter().add(OutgoingMessage.REQ_CONTRACT_DATA).add(8).add(reqId);
        w.add(c.conId()).add(c.symbol()).add(c.secType()).add(c.lastTradeDateOrContractMonth()).add(c.strike())
                .add(c.right()).add(c.multiplier()).add(c.exchange()).add(c.primaryExchange()).add(c.currency())
                .add(c.localSymbol()).add(c.tradingClass()).add(c.includeExpired());
        return w.add("").add("").add("").toBytes();
    }

    /** REQ_SEC_DEF_OPT_PARAMS: no version; futFopExchange "" = all exchanges. */
    public static byte[] reqSecDefOptParams(int reqId, String underlyingSymbol, String futFopExchange,
            String underlyingSecType, long underlyingConId) {
        return new FieldWriter().add(OutgoingMessage.REQ_SEC_DEF_OPT_PARAMS).add(reqId).add(underlyingSymbol)
                .add(futFopExchange).add(underlyingSecType).add(underlyingConId).toBytes();
    }

    /**
     * REQ_MKT_DATA v=11. No combo legs (BAG quotes are not needed for this issue), no delta-neutral
     * contract. IB refuses generic ticks on a snapshot (error 321), so snapshots pass "" here; model
     * greeks (tick 13) arrive for options without asking.
     */
    public static byte[] reqMktData(int reqId, ContractSpec c, String genericTickList, boolean snapshot,
            boolean regulatorySnapshot) {
        FieldWriter w = new FieldWriter().add(OutgoingMessage.REQ_MKT_DATA).add(11).add(reqId);
        w.add(c.conId()).add(c.symbol()).add(c.secType()).add(c.lastTradeDateOrContractMonth()).add(c.strike())
                .add(c.right()).add(c.multiplier()).add(c.exchange()).add(c.primaryExchange()).add(c.currency())
                .add(c.localSymbol()).add(c.tradingClass());
        w.add(false); // no delta-neutral contract
        return w.add(genericTickList).add(snapshot).add(regulatorySnapshot).add("").toBytes();
    }

    public static byte[] cancelMktData(int reqId) {
        return new FieldWriter().add(OutgoingMessage.CANCEL_MKT_DATA).add(1).add(reqId).toBytes();
    }

    /**
     * REQ_HISTORICAL_DATA: no version at 193; note IB's order: barSize BEFORE duration.
     *
     * @param endDateTime "" = now
     */
    public static byte[] reqHistoricalData(int reqId, ContractSpec c, String endDateTime, String duration,
            String barSize, String whatToShow, boolean useRth, int formatDate, boolean keepUpToDate) {
        FieldWriter w = new FieldWriter().add(OutgoingMessage.REQ_HISTORICAL_DATA).add(reqId);
        w.add(c.conId()).add(c.symbol()).add(c.secType()).add(c.lastTradeDateOrContractMonth()).add(c.strike())
                .add(c.right()).add(c.multiplier()).add(c.exchange()).add(c.primaryExchange()).add(c.currency())
                .add(c.localSymbol()).add(c.tradingClass()).add(c.includeExpired());
        w.add(endDateTime).add(barSize).add(duration).add(useRth).add(whatToShow).add(formatDate);
        return w.add(keepUpToDate).add("").toBytes();
    }

    public static byte[] cancelHistoricalData(int reqId) {
        return new FieldWriter().add(OutgoingMessage.CANCEL_HISTORICAL_DATA).add(1).add(reqId).toBytes();
    }

    public static byte[] reqPositions() {
        return new FieldWriter().add(OutgoingMessage.REQ_POSITIONS).add(1).toBytes();
    }

    public static byte[] cancelPositions() {
        return new FieldWriter().add(OutgoingMessage.CANCEL_POSITIONS).add(1).toBytes();
    }

    /** REQ_ACCOUNT_SUMMARY: v=1, reqId, group ("All"), tags (comma list). */
    public static byte[] reqAccountSummary(int reqId, String group, String tags) {
        return new FieldWriter().add(OutgoingMessage.REQ_ACCOUNT_SUMMARY).add(1).add(reqId).add(group).add(tags)
                .toBytes();
    }

    public static byte[] cancelAccountSummary(int reqId) {
        return new FieldWriter().add(OutgoingMessage.CANCEL_ACCOUNT_SUMMARY).add(1).add(reqId).toBytes();
    }

    /** REQ_MARKET_RULE: no version, no request id; the reply carries the rule id. */
    public static byte[] reqMarketRule(int marketRuleId) {
        return new FieldWriter().add(OutgoingMessage.REQ_MARKET_RULE).add(marketRuleId).toBytes();
    }
}
