package io.tailguard.broker.ibkr.error;

import java.util.HashMap;
import java.util.Map;

/**
 * IB's ERR_MSG codes classified once, in one table. Sources: IB's TWS API message-code list and the
 * issue trackers of ThetaGang, ib_insync and NautilusTrader (see IBKR-FACTS.md). A code missing from
 * the table is a rejection of the request it names, or a notice when it names no request (id -1).
 */
public final class ErrorClassifier {
    /** Connection to IB lost (TWS still talks to us): wait for 1101 / 1102. */
    public static final int LINK_LOST = 1100;
    /** Connectivity restored, market data lost: re-subscribe everything. */
    public static final int RESTORED_DATA_LOST = 1101;
    /** Connectivity restored, data kept. */
    public static final int RESTORED_DATA_KEPT = 1102;
    /** Client id already in use: back off and retry (a fast reconnect hits it). */
    public static final int CLIENT_ID_IN_USE = 326;
    /** Over 50 messages per second: TWS disconnects after it. */
    public static final int MESSAGE_RATE_EXCEEDED = 100;
    /** Too many market data lines. */
    public static final int MAX_TICKERS_REACHED = 101;
    /** "Displaying delayed market data": a notice on a request, never a failure. */
    public static final int DELAYED_DATA_NOTICE = 10167;

    private static final Map<Integer, ErrorCategory> TABLE = new HashMap<>();

    static {
        put(ErrorCategory.CONNECTIVITY,
                502, // could not connect (API off, wrong port, untrusted IP)
                503, // TWS out of date
                504, // not connected
                1100, // connectivity between IB and TWS lost
                1300, // socket port reset
                2110, // TWS-to-server connectivity broken
                326, // client id in use
                507, // bad message length / socket exception
                509, // exception caught while reading socket
                1101); // restored, data lost (as an error on a request: its data is gone)
        put(ErrorCategory.PACING,
                100, // max rate of messages per second exceeded
                101, // max number of tickers reached
                102, // duplicate ticker id (a resend racing a reply)
                162, // historical market data service error (pacing violation)
                165, // historical market data service query message
                366, // no historical data query found for ticker id
                420); // invalid real-time query / pacing
        put(ErrorCategory.PERMISSION,
                354, // requested market data is not subscribed
                10089, // requested market data requires additional subscription for API
                10090, // part of requested market data is not subscribed
                10168, // requested market data is not subscribed, delayed data not enabled
                10186, // requested market data is not subscribed (delayed disabled)
                10197); // no market data during competing live session
        put(ErrorCategory.NOT_FOUND,
                200); // no security definition has been found for the request
        put(ErrorCategory.REJECTION,
                110, // price does not conform to the minimum price variation
                201, // order rejected
                202, // order cancelled
                203, // security not available for this account
                321, // error validating request (bad field)
                322, // error processing request (duplicate id, bad state)
                430, // fundamentals data not available
                10147, // order id to cancel not found
                10148); // order cannot be cancelled
        put(ErrorCategory.NOTICE,
                2100, 2101, 2102, 2103, // account update / farm connection notices
                2104, 2105, 2106, 2107, 2108, 2109, // market / historical farm status
                2119, 2137, 2150, 2157, 2158, // sec-def farm status and order warnings
                1102, // restored, data kept
                10167, // displaying delayed market data
                399); // order message warning (e.g. held until open)
    }

    private ErrorClassifier() {
    }

    public static ClassifiedError classify(int id, int code, String text) {
        ErrorCategory category = TABLE.get(code);
        boolean known = category != null;
        if (!known) {
            category = id >= 0 ? ErrorCategory.REJECTION : ErrorCategory.NOTICE;
        }
        // 2100..2199 are warnings by IB's own numbering; treat unknown ones as notices
        if (!known && code >= 2100 && code < 2200) {
            category = ErrorCategory.NOTICE;
        }
        return new ClassifiedError(id, code, text == null ? "" : text, category, known);
    }

    public static boolean isKnown(int code) {
        return TABLE.containsKey(code);
    }

    private static void put(ErrorCategory category, int... codes) {
        for (int code : codes) {
            TABLE.put(code, category);
        }
    }
}
