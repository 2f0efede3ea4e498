package io.tailguard.console;

import io.tailguard.app.config.ConfigLoader;
import io.tailguard.app.config.TailguardConfig;
import io.tailguard.orders.ApprovalService;
import io.tailguard.orders.store.OrderStore;
import io.tailguard.orders.store.ProposalStore;
import io.tailguard.store.AuditLog;
import io.tailguard.store.Database;
import io.tailguard.store.TradingStateStore;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What the order commands share: the configuration and the shared database (migrated if needed, so
 * the console works before the daemon has ever run), opened for one command and closed after it.
 */
final class OrdersConsole implements AutoCloseable {
    final TailguardConfig config;
    final Database database;
    final Clock clock = Clock.systemUTC();
    final ProposalStore proposals;
    final OrderStore orders;
    final TradingStateStore tradingState;
    final AuditLog audit;

    private OrdersConsole(TailguardConfig config, Database database) {
        this.config = config;
        this.database = database;
        this.proposals = new ProposalStore(database.dataSource(), clock);
        this.orders = new OrderStore(database.dataSource(), clock);
        this.tradingState = new TradingStateStore(database.dataSource(), clock);
        this.audit = AuditLog.forCurrentUser(database.dataSource(), clock);
    }

    static OrdersConsole open(Path configFile) {
        TailguardConfig config = ConfigLoader.fromSystemEnvironment().load(configFile);
        Database database = Database.open(config.database().url(), config.database().username(),
                config.database().password(), 2);
        try {
            database.migrate();
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return new OrdersConsole(config, database);
    }

    ApprovalService approvals() {
        return new ApprovalService(proposals, config.approval(), clock);
    }

    @Override
    public void close() {
        database.close();
    }
}
