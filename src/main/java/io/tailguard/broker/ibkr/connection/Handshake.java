package io.tailguard.broker.ibkr.connection;

import io.tailguard.broker.BrokerErrorKind;
import io.tailguard.broker.BrokerException;
import io.tailguard.broker.ibkr.decode.TwsEvent;
import io.tailguard.broker.ibkr.error.ErrorClassifier;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The end of a handshake: it completes when both MANAGED_ACCTS and NEXT_VALID_ID have arrived, in
 * whichever order; 326 (client id in use) or another connectivity error with id -1 fails it.
 */
final class Handshake {
    final CompletableFuture<ConnectInfo> result = new CompletableFuture<>();
    volatile int serverVersion;
    volatile String connectionTime = "";
    private List<String> accounts;
    private Integer nextValidId;
    private int lastErrorCode;
    private String lastErrorText = "";

    synchronized void observe(TwsEvent event) {
        if (event instanceof TwsEvent.ManagedAccounts m) {
            accounts = m.accounts();
        } else if (event instanceof TwsEvent.NextValidId n) {
            nextValidId = n.orderId();
        } else if (event instanceof TwsEvent.ErrorMessage e && e.id() < 0) {
            lastErrorCode = e.code();
            lastErrorText = e.text();
            if (e.code() == ErrorClassifier.CLIENT_ID_IN_USE || e.code() == 502 || e.code() == 504) {
                result.completeExceptionally(failure("TWS refused the session"));
            }
        }
        if (accounts != null && nextValidId != null) {
            result.complete(new ConnectInfo(serverVersion, connectionTime, accounts, nextValidId));
        }
    }

    /** The failure for a handshake that ended early: names 326 when TWS said the client id is in use. */
    synchronized BrokerException failure(String reason) {
        if (lastErrorCode != 0) {
            return new BrokerException(BrokerErrorKind.CONNECTIVITY, lastErrorCode,
                    reason + ": " + lastErrorText + " (IB error " + lastErrorCode + ")");
        }
        return new BrokerException(BrokerErrorKind.CONNECTIVITY, 0, reason);
    }
}
