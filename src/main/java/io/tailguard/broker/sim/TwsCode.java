package io.tailguard.broker.sim;

/** The error and notice codes the simulated gateway sends, with TWS's own wording. */
enum TwsCode {
    MAX_RATE_EXCEEDED(100, "Max rate of messages per second has been exceeded"),
    MAX_TICKERS_REACHED(101, "Max number of tickers has been reached."),
    HISTORICAL_PACING(162, "Historical Market Data Service error message:Historical data request pacing violation"),
    NO_SECURITY_DEFINITION(200, "No security definition has been found for the request"),
    ERROR_VALIDATING_REQUEST(321, "Error validating request"),
    DUPLICATE_TICKER_ID(322, "Error processing request:Duplicate ticker id"),
    CLIENT_ID_IN_USE(326, "Unable to connect as the client id is already in use. Retry with a unique client id."),
    NOT_SUBSCRIBED(354, "Requested market data is not subscribed."),
    CONNECTIVITY_LOST(1100, "Connectivity between IB and Trader Workstation has been lost."),
    RESTORED_DATA_LOST(1101, "Connectivity between IB and Trader Workstation has been restored - data lost."),
    RESTORED_DATA_MAINTAINED(1102, "Connectivity between IB and Trader Workstation has been restored - data maintained."),
    MARKET_DATA_FARM_OK(2104, "Market data farm connection is OK:usfarm"),
    HMDS_FARM_OK(2106, "HMDS data farm connection is OK:ushmds"),
    SEC_DEF_FARM_OK(2158, "Sec-def data farm connection is OK:secdefnj"),
    DELAYED_DATA(10167, "Requested market data is not subscribed. Displaying delayed market data.");

    private final int code;
    private final String text;

    TwsCode(int code, String text) {
        this.code = code;
        this.text = text;
    }

    int code() {
        return code;
    }

    String text() {
        return text;
    }
}
