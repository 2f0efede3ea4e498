package io.tailguard.broker.ibkr.connection;

import java.util.List;
import java.util.Objects;

/** What the handshake established: the negotiated version, TWS's connection time, accounts and the next order id. */
public record ConnectInfo(int serverVersion, String connectionTime, List<String> managedAccounts, int nextValidId) {
    public ConnectInfo {
        Objects.requireNonNull(connectionTime, "connectionTime");
        managedAccounts = List.copyOf(managedAccounts);
    }
}
