package io.tailguard.testing;

import io.tailguard.broker.ibkr.wire.FieldWriter;
import io.tailguard.broker.ibkr.wire.IncomingMessage;
import java.util.List;

/** TWS-to-client payloads at server version 193, built by hand for scripted tests (field orders of tws-protocol-v193.md). */
public final class ServerMessages {
    private ServerMessages() {
    }

    public static byte[] of(Object... fields) {
        FieldWriter w = new FieldWriter();
        for (Object f : fields) {
            if (f instanceof Double d) {
                w.add(d.doubleValue());
            } else {
                w.add(f == null ? "" : f.toString());
            }
        }
        return w.toBytes();
    }

    public static byte[] error(int id, int code, String text) {
        return of(IncomingMessage.ERR_MSG, 2, id, code, text, "");
    }

    public static byte[] managedAccounts(String accounts) {
        return of(IncomingMessage.MANAGED_ACCTS, 1, accounts);
    }

    public static byte[] nextValidId(int id) {
        return of(IncomingMessage.NEXT_VALID_ID, 1, id);
    }

    /** CONTRACT_DATA at 193 with the 42 fields the reference lists (no FUND fields, no ineligibility reasons). */
    public static byte[] contractData(int reqId, String symbol, String secType, String expiry, double strike,
            String right, String tradingClass, long conId, String multiplier, String marketRuleIds) {
        return of(IncomingMessage.CONTRACT_DATA, reqId, symbol, secType, expiry, expiry, strike, right, "SMART",
                "USD", symbol + " " + expiry + right + strike, tradingClass, tradingClass, conId, 0.01, multiplier,
                "LMT,MKT", "SMART,CBOE", 1, 416904, symbol + " long name", "CBOE", "", "Index", "", "",
                "US/Eastern", "20261123:0930-20261123:1615", "20261123:0930-20261123:1615", "", "", 0, 0, symbol,
                "IND", marketRuleIds, expiry, "", "1", "1", "1", 0);
    }

    public static byte[] contractDataEnd(int reqId) {
        return of(IncomingMessage.CONTRACT_DATA_END, 1, reqId);
    }

    public static byte[] tickPrice(int reqId, int tickType, double price, String size) {
        return of(IncomingMessage.TICK_PRICE, 6, reqId, tickType, price, size, 0);
    }

    public static byte[] tickSize(int reqId, int tickType, String size) {
        return of(IncomingMessage.TICK_SIZE, 6, reqId, tickType, size);
    }

    public static byte[] optionComputation(int reqId, int tickType, double iv, double delta, double price,
            double gamma, double vega, double theta, double undPrice) {
        return of(IncomingMessage.TICK_OPTION_COMPUTATION, reqId, tickType, 1, iv, delta, price, 0.0, gamma, vega,
                theta, undPrice);
    }

    public static byte[] snapshotEnd(int reqId) {
        return of(IncomingMessage.TICK_SNAPSHOT_END, 1, reqId);
    }

    public static byte[] secDefOptParams(int reqId, String exchange, long undConId, String tradingClass,
            List<String> expiries, List<String> strikes) {
        FieldWriter w = new FieldWriter().add(IncomingMessage.SECURITY_DEFINITION_OPTION_PARAMETER).add(reqId)
                .add(exchange).add(undConId).add(tradingClass).add("100").add(expiries.size());
        expiries.forEach(w::add);
        w.add(strikes.size());
        strikes.forEach(w::add);
        return w.toBytes();
    }

    public static byte[] secDefOptParamsEnd(int reqId) {
        return of(IncomingMessage.SECURITY_DEFINITION_OPTION_PARAMETER_END, reqId);
    }
}
