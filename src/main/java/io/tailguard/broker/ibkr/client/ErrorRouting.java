package io.tailguard.broker.ibkr.client;

import io.tailguard.broker.BrokerErrorKind;
import io.tailguard.broker.BrokerException;
import io.tailguard.broker.ibkr.decode.TwsEvent;
import io.tailguard.broker.ibkr.error.ClassifiedError;
import io.tailguard.broker.ibkr.error.ErrorCategory;
import io.tailguard.broker.ibkr.error.ErrorClassifier;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an ERR_MSG does to the request it names: a notice is kept with the request (10167 also marks
 * its quote delayed); anything else fails it with the classified kind, a permission error with the
 * message "no market data permission for &lt;contract&gt;". Errors with id -1 are about the connection
 * (the connection acts on 1100 / 1101 / 1102 / 326 itself): logged here.
 */
final class ErrorRouting {
    private static final Logger log = LoggerFactory.getLogger(ErrorRouting.class);

    private ErrorRouting() {
    }

    static void route(TwsEvent.ErrorMessage message, Map<Integer, PendingRequest<?>> open) {
        ClassifiedError error = ErrorClassifier.classify(message.id(), message.code(), message.text());
        if (!error.known()) {
            log.warn("unclassified IB error {} for id {}: {}", error.code(), error.id(), error.text());
        }
        if (error.isConnectionLevel()) {
            if (error.category() == ErrorCategory.NOTICE) {
                log.info("TWS notice {}: {}", error.code(), error.text());
            } else {
                log.warn("TWS {} error {}: {}", error.category(), error.code(), error.text());
            }
            return;
        }
        PendingRequest<?> request = open.get(error.id());
        if (request == null) {
            // order ids arrive here too: the orders layer claims them (TwsClient.addListener) and records what they
            // mean for the order; a 202 "Order Canceled" confirms a cancel we asked for, so no category is named here
            log.info("IB message {} for id {} (an order, or no open request): {}", error.code(), error.id(),
                    error.text());
            return;
        }
        request.replied();
        if (!error.category().failsRequest()) {
            request.notices.add(error.code() + ": " + error.text());
            if (error.code() == ErrorClassifier.DELAYED_DATA_NOTICE) {
                markDelayed(request);
            }
            return;
        }
        BrokerException failure = error.category() == ErrorCategory.PERMISSION
                ? new BrokerException(BrokerErrorKind.PERMISSION, error.code(), "no market data permission for "
                        + request.what.replaceFirst("^quotes? of ", "") + ": " + error.text() + " (IB error "
                        + error.code() + ")")
                : error.toException(request.what);
        if (request.future.completeExceptionally(failure) && request.isStream()) {
            open.remove(request.reqId);
            log.warn("quote stream ended by IB: {}", failure.getMessage());
        }
    }

    private static void markDelayed(PendingRequest<?> request) {
        if (request instanceof SnapshotRequest s) {
            s.markDelayed();
        } else if (request instanceof StreamRequest s) {
            s.markDelayed();
        }
    }
}
