package io.tailguard.console;

import io.tailguard.app.ApprovalRules;
import io.tailguard.app.Installation;
import io.tailguard.app.config.TailguardConfig;
import io.tailguard.orders.ApprovalService;
import io.tailguard.orders.ProposalChecks;
import io.tailguard.orders.TransmissionGates;
import io.tailguard.orders.store.OrderStore;
import io.tailguard.orders.store.ProposalStore;
import io.tailguard.store.AuditLog;
import io.tailguard.store.Database;
import io.tailguard.orders.store.TradingStateStore;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What the order commands share: the configuration and the shared database (migrated if needed, so
 * the console works before the daemon has ever run), opened for one command and closed after it, and the
 * approval rules the daemon applies too ({@link ApprovalService}, {@link ProposalChecks}) on the console's
 * clock.
 */
final class OrdersConsole implements AutoCloseable {
    final TailguardConfig config;
    final Database database;
    final Clock clock;
    final ProposalStore proposals;
    final OrderStore orders;
    final TradingStateStore tradingState;
    final AuditLog audit;
    private final Installation installation;

    private OrdersConsole(Installation installation) {
        this.installation = installation;
        this.config = installation.config();
        this.database = installation.database();
        this.clock = installation.clock();
        this.proposals = new ProposalStore(database.dataSource(), clock);
        this.orders = new OrderStore(database.dataSource(), clock);
        this.tradingState = new TradingStateStore(database.dataSource(), clock);
        this.audit = installation.audit();
    }

    static OrdersConsole open(Path configFile) {
        return open(configFile, Clock.systemUTC());
    }

    static OrdersConsole open(Path configFile, Clock clock) {
        return new OrdersConsole(Installation.open(configFile, clock));
    }

    TransmissionGates gates() {
        return new TransmissionGates(config.trading(), System.getenv());
    }

    ProposalChecks checks() {
        return ApprovalRules.checks(config, database.dataSource(), gates(), clock);
    }

    ApprovalService approvals() {
        return ApprovalRules.approvals(config, database.dataSource(), clock, System.getenv());
    }

    @Override
    public void close() {
        installation.close();
    }
}
