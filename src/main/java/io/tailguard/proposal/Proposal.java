package io.tailguard.proposal;

import io.tailguard.domain.OrderSide;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A set of legs the bot (or the trader, by hand) proposes to trade, with the rationale and metrics of
 * the strategy that made it. {@code approvalExpiresAt} is set while APPROVED.
 */
public record Proposal(
        String id,
        ProposalState state,
        String strategy,
        String rationale,
        Map<String, String> metrics,
        List<ProposalLeg> legs,
        Instant createdAt,
        String createdBy,
        Instant approvalExpiresAt) {

    /** {@code createdBy} of what the daemon's own strategies propose (the orders' {@code Actor.DAEMON}). */
    public static final String BY_DAEMON = "daemon";

    public Proposal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
        rationale = rationale == null ? "" : rationale;
        metrics = metrics == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        legs = List.copyOf(legs);
        if (legs.isEmpty()) {
            throw new IllegalArgumentException("proposal " + id + " has no legs");
        }
        if (legs.stream().map(ProposalLeg::legId).distinct().count() != legs.size()) {
            throw new IllegalArgumentException("proposal " + id + " has duplicate leg ids");
        }
    }

    public boolean everyLegReducesRisk() {
        return legs.stream().allMatch(l -> l.intent().reducesRisk());
    }

    /** Premium paid at the worst prices: the most the buy legs can cost. */
    public BigDecimal maxPremiumPaid() {
        return legs.stream().filter(l -> l.side() == OrderSide.BUY && l.contract().isOption())
                .map(l -> l.premiumAt(l.worstPrice())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public ProposalLeg leg(String legId) {
        return legs.stream().filter(l -> l.legId().equals(legId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("proposal " + id + " has no leg " + legId));
    }

    public Proposal withState(ProposalState next, Instant newApprovalExpiry) {
        return new Proposal(id, next, strategy, rationale, metrics, legs, createdAt, createdBy, newApprovalExpiry);
    }
}
