package io.tailguard.broker.ibkr.wire;

/** Ids of client-to-TWS messages (see tws-protocol-v193.md). */
public final class OutgoingMessage {
    public static final int REQ_MKT_DATA = 1;
    public static final int CANCEL_MKT_DATA = 2;
    public static final int PLACE_ORDER = 3;
    public static final int CANCEL_ORDER = 4;
    public static final int REQ_OPEN_ORDERS = 5;
    public static final int REQ_EXECUTIONS = 7;
    public static final int REQ_IDS = 8;
    public static final int REQ_CONTRACT_DATA = 9;
    public static final int REQ_ALL_OPEN_ORDERS = 16;
    public static final int REQ_HISTORICAL_DATA = 20;
    public static final int CANCEL_HISTORICAL_DATA = 25;
    public static final int REQ_CURRENT_TIME = 49;
    public static final int REQ_MARKET_DATA_TYPE = 59;
    public static final int REQ_POSITIONS = 61;
    public static final int REQ_ACCOUNT_SUMMARY = 62;
    public static final int CANCEL_ACCOUNT_SUMMARY = 63;
    public static final int CANCEL_POSITIONS = 64;
    public static final int START_API = 71;
    public static final int REQ_SEC_DEF_OPT_PARAMS = 78;
    public static final int REQ_MARKET_RULE = 91;
    public static final int REQ_COMPLETED_ORDERS = 99;

    private OutgoingMessage() {
    }
}
