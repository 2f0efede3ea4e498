package io.tailguard.broker.ibkr.client;

import io.tailguard.broker.PositionListener;
import io.tailguard.broker.ibkr.decode.TwsEvent;
import io.tailguard.broker.ibkr.request.RequestEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * REQ_POSITIONS kept subscribed: TWS answers with the full list and POSITION_END, then sends a POSITION
 * for every change until CANCEL_POSITIONS. POSITION carries no request id, so the client hands every
 * position event to each open stream. Never completes by itself; re-sent after a reconnect, where the
 * listener first hears {@link PositionListener#onInterrupted}.
 */
final class PositionStreamRequest extends PendingRequest<Void> {
    private static final Logger log = LoggerFactory.getLogger(PositionStreamRequest.class);
    private final PositionListener listener;

    PositionStreamRequest(int reqId, PositionListener listener) {
        super(reqId, "position stream");
        this.listener = listener;
    }

    @Override
    byte[] payload() {
        return RequestEncoder.reqPositions();
    }

    @Override
    void onEvent(TwsEvent event) {
        try {
            if (event instanceof TwsEvent.PositionData p) {
                listener.onPosition(p.position());
            } else if (event instanceof TwsEvent.PositionEnd) {
                listener.onComplete();
            }
        } catch (RuntimeException e) {
            log.error("position listener failed: {}", e.toString(), e);
        }
    }

    /** The connection dropped, or the request is about to be re-sent on a new one. */
    void interrupted() {
        try {
            listener.onInterrupted();
        } catch (RuntimeException e) {
            log.error("position listener failed: {}", e.toString(), e);
        }
    }

    @Override
    void reset() {
        interrupted();
    }

    @Override
    byte[] cancelPayload() {
        return RequestEncoder.cancelPositions();
    }
}
