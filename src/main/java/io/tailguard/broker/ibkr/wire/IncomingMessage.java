package io.tailguard.broker.ibkr.wire;

/** Ids of TWS-to-client messages (see tws-protocol-v193.md). */
public final class IncomingMessage {
    public static final int TICK_PRICE = 1;
    public static final int TICK_SIZE = 2;
    public static final int ORDER_STATUS = 3;
    public static final int ERR_MSG = 4;
    public static final int OPEN_ORDER = 5;
    public static final int NEXT_VALID_ID = 9;
    public static final int CONTRACT_DATA = 10;
    public static final int EXECUTION_DATA = 11;
    public static final int MANAGED_ACCTS = 15;
    public static final int HISTORICAL_DATA = 17;
    public static final int TICK_OPTION_COMPUTATION = 21;
    public static final int TICK_GENERIC = 45;
    public static final int TICK_STRING = 46;
    public static final int CURRENT_TIME = 49;
    public static final int CONTRACT_DATA_END = 52;
    public static final int OPEN_ORDER_END = 53;
    public static final int EXECUTION_DATA_END = 55;
    public static final int TICK_SNAPSHOT_END = 57;
    public static final int MARKET_DATA_TYPE = 58;
    public static final int COMMISSION_REPORT = 59;
    public static final int POSITION = 61;
    public static final int POSITION_END = 62;
    public static final int ACCOUNT_SUMMARY = 63;
    public static final int ACCOUNT_SUMMARY_END = 64;
    public static final int SECURITY_DEFINITION_OPTION_PARAMETER = 75;
    public static final int SECURITY_DEFINITION_OPTION_PARAMETER_END = 76;
    public static final int TICK_REQ_PARAMS = 81;
    public static final int MARKET_RULE = 93;
    public static final int COMPLETED_ORDER = 101;
    public static final int COMPLETED_ORDERS_END = 102;

    private IncomingMessage() {
    }
}
