package io.tailguard.broker.sim;

/** The connectivity notices TWS sends with id -1 when its own link to IB drops and comes back. */
public enum ConnectivityNotice {
    /** 1100: the link to IB is lost; the API socket stays up. */
    LOST(TwsCode.CONNECTIVITY_LOST),
    /** 1101: restored, market data subscriptions are lost and must be made again. */
    RESTORED_DATA_LOST(TwsCode.RESTORED_DATA_LOST),
    /** 1102: restored, subscriptions kept. */
    RESTORED_DATA_MAINTAINED(TwsCode.RESTORED_DATA_MAINTAINED);

    private final TwsCode code;

    ConnectivityNotice(TwsCode code) {
        this.code = code;
    }

    public int code() {
        return code.code();
    }

    TwsCode twsCode() {
        return code;
    }
}
