package io.tailguard.app;

import io.tailguard.app.config.TailguardConfig;
import io.tailguard.orders.ApprovalService;
import io.tailguard.orders.ProposalChecks;
import io.tailguard.orders.TransmissionGates;
import io.tailguard.orders.store.OrderStore;
import io.tailguard.orders.store.ProposalStore;
import io.tailguard.orders.store.TradingStateStore;
import java.time.Clock;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The one set of approval rules an installation applies, whoever approves (the console, the daemon's
 * auto-approval policy, a test acting as the trader): the configured gates, limits and market hours.
 */
public final class ApprovalRules {
    private ApprovalRules() {
    }

    public static ProposalChecks checks(TailguardConfig config, DataSource dataSource, TransmissionGates gates,
            Clock clock) {
        return new ProposalChecks(gates, new OrderStore(dataSource, clock), new TradingStateStore(dataSource, clock),
                config.orders().hours(), clock);
    }

    public static ApprovalService approvals(TailguardConfig config, DataSource dataSource, Clock clock,
            Map<String, String> environment) {
        return new ApprovalService(new ProposalStore(dataSource, clock),
                checks(config, dataSource, new TransmissionGates(config.trading(), environment), clock),
                config.approval(), clock);
    }
}
