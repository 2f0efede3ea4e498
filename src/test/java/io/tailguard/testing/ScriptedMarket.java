package io.tailguard.testing;

import io.tailguard.broker.ibkr.wire.IncomingMessage;
import io.tailguard.broker.ibkr.wire.OutgoingMessage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny scripted market on a {@link ScriptedTwsServer}: UPRO, SPX, XSP at 600 and one weekly XSP
 * expiry (2026-11-27) with strikes 500..700, puts and calls, each answering a snapshot with bid, ask,
 * last, sizes and a model-greeks tick. Strikes can be made silent (never answer) or unentitled (354).
 * Counts the market-data lines open at the server, as IB does for error 101.
 */
public final class ScriptedMarket {
    public static final String EXPIRY = "20261127";
    public static final double XSP_PRICE = 600.0;
    public static final long XSP_CON_ID = 416904;

    private final ScriptedTwsServer server;
    private final Map<Integer, String> openLines = new ConcurrentHashMap<>();
    private final AtomicInteger maxOpenLines = new AtomicInteger();
    private final Set<Long> silent = ConcurrentHashMap.newKeySet();
    private final Set<Long> unentitled = ConcurrentHashMap.newKeySet();
    private final AtomicInteger dropAtRequest = new AtomicInteger(-1);
    private final AtomicInteger marketDataRequests = new AtomicInteger();

    public ScriptedMarket(ScriptedTwsServer server) {
        this.server = server;
        server.on(OutgoingMessage.REQ_CONTRACT_DATA, (s, f) -> contractData(s, f));
        server.on(OutgoingMessage.REQ_MKT_DATA, (s, f) -> marketData(s, f));
        server.on(OutgoingMessage.CANCEL_MKT_DATA, (s, f) -> openLines.remove(f.intField(2)));
        server.on(OutgoingMessage.REQ_SEC_DEF_OPT_PARAMS, (s, f) -> {
            int id = f.intField(1);
            s.send(ServerMessages.secDefOptParams(id, "SMART", XSP_CON_ID, "XSP", List.of(EXPIRY, "20261204"),
                    List.of("590", "595", "600", "600.5")));
            s.send(ServerMessages.secDefOptParams(id, "CBOE", XSP_CON_ID, "XSPW", List.of(EXPIRY), List.of("600")));
            s.send(ServerMessages.secDefOptParamsEnd(id));
        });
    }

    /** conId of an option in the scripted chain. */
    public static long optionConId(int strike, String right) {
        return 1_000_000L + strike * 10L + ("P".equals(right) ? 1 : 2);
    }

    public void silence(long conId) {
        silent.add(conId);
    }

    public void withholdPermission(long conId) {
        unentitled.add(conId);
    }

    /** Drops the socket instead of answering the n-th REQ_MKT_DATA (1-based), once: a gateway restart mid-pull. */
    public void dropConnectionAtMarketDataRequest(int n) {
        dropAtRequest.set(n);
    }

    public int maxOpenLines() {
        return maxOpenLines.get();
    }

    public int openLines() {
        return openLines.size();
    }

    private void contractData(ScriptedTwsServer.Session s, ScriptedTwsServer.Frame f) {
        int id = f.intField(2);
        String symbol = f.fields().get(4);
        String secType = f.fields().get(5);
        List<byte[]> out = new ArrayList<>();
        if ("OPT".equals(secType) && "XSP".equals(symbol) && EXPIRY.equals(f.fields().get(6))) {
            String right = f.fields().get(8);
            String strike = f.fields().get(7);
            for (int k = 500; k <= 700; k++) {
                for (String r : List.of("P", "C")) {
                    boolean rightOk = right.isEmpty() || right.equals(r);
                    boolean strikeOk = strike.isEmpty() || new BigDecimal(strike).compareTo(BigDecimal.valueOf(k)) == 0;
                    if (rightOk && strikeOk) {
                        out.add(ServerMessages.contractData(id, "XSP", "OPT", EXPIRY, k, r, "XSP", optionConId(k, r),
                                "100", "110,110"));
                    }
                }
            }
        } else if ("IND".equals(secType) && ("XSP".equals(symbol) || "SPX".equals(symbol))) {
            out.add(ServerMessages.contractData(id, symbol, "IND", "", 0.0, "", symbol,
                    "XSP".equals(symbol) ? XSP_CON_ID : 416904 + 1, "", "26"));
        } else if ("STK".equals(secType) && "UPRO".equals(symbol)) {
            out.add(ServerMessages.contractData(id, "UPRO", "STK", "", 0.0, "", "UPRO", 58_000_001, "", "26,26"));
        }
        if (out.isEmpty()) {
            s.send(ServerMessages.error(id, 200, "No security definition has been found for the request"));
            return;
        }
        out.forEach(s::send);
        s.send(ServerMessages.contractDataEnd(id));
    }

    private void marketData(ScriptedTwsServer.Session s, ScriptedTwsServer.Frame f) {
        int id = f.intField(2);
        if (marketDataRequests.incrementAndGet() == dropAtRequest.get()) {
            dropAtRequest.set(-1);
            openLines.clear();
            s.close();
            return;
        }
        long conId = Long.parseLong(f.fields().get(3));
        boolean snapshot = "1".equals(f.fields().get(f.fields().size() - 3));
        openLines.put(id, f.fields().get(4));
        maxOpenLines.accumulateAndGet(openLines.size(), Math::max);
        if (silent.contains(conId)) {
            return;
        }
        if (unentitled.contains(conId)) {
            openLines.remove(id);
            s.send(ServerMessages.error(id, 354, "Requested market data is not subscribed."));
            return;
        }
        s.send(ServerMessages.of(IncomingMessage.TICK_REQ_PARAMS, id, 0.01, "9c0001", 3));
        if ("OPT".equals(f.fields().get(5))) {
            double strike = Double.parseDouble(f.fields().get(7));
            boolean put = "P".equals(f.fields().get(8));
            double intrinsic = Math.max(0, put ? strike - XSP_PRICE : XSP_PRICE - strike);
            double mid = intrinsic + 2.0 * Math.exp(-Math.abs(strike - XSP_PRICE) / 30);
            s.send(ServerMessages.tickPrice(id, 1, round(mid - 0.05), "10"));
            s.send(ServerMessages.tickPrice(id, 2, round(mid + 0.05), "12"));
            s.send(ServerMessages.tickPrice(id, 4, round(mid), "1"));
            s.send(ServerMessages.optionComputation(id, 13, 0.18, put ? -0.3 : 0.7, round(mid), 0.01, 0.2, -0.15,
                    XSP_PRICE));
        } else {
            s.send(ServerMessages.tickPrice(id, 4, XSP_PRICE, "0"));
            s.send(ServerMessages.tickPrice(id, 9, XSP_PRICE - 3, "0"));
        }
        if (snapshot) {
            openLines.remove(id);
            s.send(ServerMessages.snapshotEnd(id));
        }
    }

    private static double round(double x) {
        return Math.round(Math.max(x, 0.05) * 100) / 100.0;
    }
}
