package io.tailguard.broker.ibkr.wire;

/** A message that does not match the protocol at our server version (too few fields, bad number). */
public class ProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }
}
