package io.tailguard.console;

import io.tailguard.orders.RiskLimitsConfig;
import io.tailguard.orders.TradingConfig;
import io.tailguard.orders.TradingMode;
import io.tailguard.broker.ibkr.IbkrBroker;
import io.tailguard.broker.sim.market.SimClock;
import io.tailguard.orders.ApprovalService;
import io.tailguard.orders.BrokerMarketView;
import io.tailguard.orders.Checkpoint;
import io.tailguard.orders.MarketHours;
import io.tailguard.orders.OrderExecutionService;
import io.tailguard.orders.OrderWorkingConfig;
import io.tailguard.proposal.Proposal;
import io.tailguard.orders.ProposalChecks;
import io.tailguard.proposal.ProposalLeg;
import io.tailguard.orders.TransmissionGates;
import io.tailguard.orders.store.BrokerOrder;
import io.tailguard.orders.store.OrderStore;
import io.tailguard.orders.store.ProposalStore;
import io.tailguard.orders.store.StoredExecution;
import io.tailguard.store.Database;
import io.tailguard.orders.store.TradingStateStore;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * The demo's step 4: the approved proposal goes through the same order service the daemon runs —
 * gates, midpoint limit, bounded re-pricing on the simulated clock — and our client transmits it to the
 * simulated gateway, whose order matching fills it.
 */
final class DemoExecution {
    /** What one leg actually got: filled quantity, average price per share, and the commissions reported. */
    record Fill(double quantity, double averagePrice, double commissions) {
    }

    private static final int MAX_ROUNDS = 12;

    private DemoExecution() {
    }

    /** The demo's budget: the week's premium is above the shipped 5,000 USD weekly limit. */
    static final TradingConfig TRADING = new TradingConfig(TradingMode.PAPER, false,
            new RiskLimitsConfig(100, new BigDecimal("20000"), new BigDecimal("5000000"), Duration.ofMinutes(5)));

    /** The approval rules on the demo's own database, budget and clock (the daemon's rules, the demo's limits). */
    static ApprovalService approvals(ProposalStore proposals, Database db, java.time.Clock clock,
            io.tailguard.orders.ApprovalConfig config) {
        return new ApprovalService(proposals, new ProposalChecks(new TransmissionGates(TRADING, Map.of()),
                new OrderStore(db.dataSource(), clock), new TradingStateStore(db.dataSource(), clock),
                MarketHours.exchange(), clock), config, clock);
    }

    static Map<String, Fill> execute(Proposal proposal, ProposalStore proposals, Database db, IbkrBroker broker,
            SimClock clock, PrintWriter out) {
        OrderStore orders = new OrderStore(db.dataSource(), clock);
        OrderWorkingConfig working = OrderWorkingConfig.defaults();
        OrderExecutionService service = new OrderExecutionService(proposals, orders,
                new TradingStateStore(db.dataSource(), clock),
                approvals(proposals, db, clock, new io.tailguard.orders.ApprovalConfig(null, Duration.ofHours(4),
                        null)),
                broker, new BrokerMarketView(broker), new TransmissionGates(TRADING, Map.of()),
                working, clock, Checkpoint.NONE);
        service.start();
        try {
            for (int round = 0; round < MAX_ROUNDS && !allFinal(proposal, orders); round++) {
                if (round > 0) {
                    clock.advance(working.repriceWait());
                }
                service.poll();
                settle(proposal, orders);
                for (ProposalLeg leg : proposal.legs()) {
                    orders.byLeg(leg.legId()).ifPresent(o -> out.printf("  %s  order %d %-16s limit %s  filled %s/%d%n",
                            clock.instant(), o.orderId(), o.state(), o.limitPrice().toPlainString(),
                            o.filledQty().stripTrailingZeros().toPlainString(), leg.quantity()));
                }
            }
            awaitCommissions(proposal, orders);
        } finally {
            service.stop();
        }
        Map<String, Fill> fills = new LinkedHashMap<>();
        for (ProposalLeg leg : proposal.legs()) {
            Optional<BrokerOrder> order = orders.byLeg(leg.legId());
            if (order.isEmpty()) {
                continue;
            }
            List<StoredExecution> executions = orders.executions(order.get().orderId());
            double qty = 0;
            double notional = 0;
            double commissions = 0;
            for (StoredExecution e : executions) {
                qty += e.shares().doubleValue();
                notional += e.shares().doubleValue() * e.price().doubleValue();
                commissions += e.commission() == null ? 0 : e.commission().doubleValue();
                out.printf("  execution %s: %s %s @ %s, commission %s%n", e.execId(), e.side(),
                        e.shares().stripTrailingZeros().toPlainString(), e.price().toPlainString(),
                        e.commission() == null ? "unknown (not reported yet)" : e.commission().toPlainString());
            }
            if (qty > 0) {
                fills.put(leg.legId(), new Fill(qty, notional / qty, commissions));
            }
        }
        out.printf("  proposal %s is %s%n", proposal.id(), proposals.find(proposal.id()).orElseThrow().state());
        return fills;
    }

    private static boolean allFinal(Proposal proposal, OrderStore orders) {
        return proposal.legs().stream().allMatch(l -> orders.byLeg(l.legId()).map(o -> o.state().isFinal())
                .orElse(false));
    }

    /** Gives the gateway's matching (it re-checks resting orders on each tick) a moment to fill. */
    private static void settle(Proposal proposal, OrderStore orders) {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < deadline && !allFinal(proposal, orders)) {
            LockSupport.parkNanos(50_000_000);
        }
    }

    /** IB reports commissions after the executions; wait briefly so the demo shows them. */
    private static void awaitCommissions(Proposal proposal, OrderStore orders) {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < deadline) {
            boolean all = proposal.legs().stream().allMatch(l -> orders.byLeg(l.legId())
                    .map(o -> orders.executions(o.orderId()).stream().allMatch(e -> e.commission() != null))
                    .orElse(true));
            if (all) {
                return;
            }
            LockSupport.parkNanos(50_000_000);
        }
    }
}
