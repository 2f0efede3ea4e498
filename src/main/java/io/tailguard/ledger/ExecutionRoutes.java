package io.tailguard.ledger;

import java.util.Map;
import java.util.Set;

/**
 * Routes each finished proposal to the booking of its strategy ({@code weekly-xsp-hedge} to
 * {@link WeeklyHedgeCycles}; a hedged portfolio's to its own). A strategy without a route books nothing.
 */
public final class ExecutionRoutes implements ExecutedProposals {
    private final Map<String, ExecutedProposals> byStrategy;

    public ExecutionRoutes(Map<String, ExecutedProposals> byStrategy) {
        byStrategy.keySet().forEach(s -> {
            if (s.isBlank()) {
                throw new IllegalArgumentException("a route needs a strategy name");
            }
        });
        this.byStrategy = Map.copyOf(byStrategy);
    }

    public static ExecutionRoutes none() {
        return new ExecutionRoutes(Map.of());
    }

    /** Whether proposals of {@code strategy} are booked anywhere. */
    public boolean routes(String strategy) {
        return byStrategy.containsKey(strategy);
    }

    public Set<String> strategies() {
        return byStrategy.keySet();
    }

    @Override
    public ExecutionBooking book(ExecutedProposal executed) {
        ExecutedProposals route = byStrategy.get(executed.strategy());
        if (route == null) {
            return new ExecutionBooking.NotBooked("no ledger route for strategy '" + executed.strategy() + "'");
        }
        return route.book(executed);
    }

    @Override
    public boolean booked(String proposalId) {
        return byStrategy.values().stream().anyMatch(r -> r.booked(proposalId));
    }
}
