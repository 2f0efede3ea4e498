package io.tailguard.broker.ibkr.wire;

/**
 * The protocol version we speak. 193 is TWS API 10.32: every message is still text (protobuf starts at 201).
 */
public final class ServerVersion {
    public static final int MIN_CLIENT = 100;
    public static final int REQUIRED = 193;
    /** The TWS / IB Gateway release that first speaks {@link #REQUIRED}. */
    public static final String REQUIRED_TWS_RELEASE = "10.32";

    private ServerVersion() {
    }
}
