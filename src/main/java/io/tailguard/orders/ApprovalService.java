package io.tailguard.orders;

import io.tailguard.app.config.ApprovalConfig;
import io.tailguard.app.config.ApprovalPolicy;
import io.tailguard.orders.store.ProposalStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Decisions on proposals: approve, reject, expire, re-price, and the auto-within-limits policy. The
 * console and the daemon both call this; the rules live here and nowhere else.
 */
public final class ApprovalService {
    private final ProposalStore proposals;
    private final ApprovalConfig config;
    private final Clock clock;

    public ApprovalService(ProposalStore proposals, ApprovalConfig config, Clock clock) {
        this.proposals = proposals;
        this.config = config;
        this.clock = clock;
    }

    /** The result of a decision: done, or why not (unknown id, wrong state, lost a race). */
    public record Outcome(boolean done, String message) {
        static Outcome ok(String message) {
            return new Outcome(true, message);
        }

        static Outcome refused(String message) {
            return new Outcome(false, message);
        }
    }

    public Outcome approve(String id, Actor who) {
        Proposal p = proposals.find(id).orElse(null);
        if (p == null) {
            return Outcome.refused("no proposal " + id);
        }
        if (p.state() != ProposalState.PROPOSED) {
            return Outcome.refused("proposal " + id + " is " + p.state() + ", only a PROPOSED proposal can be approved"
                    + (p.state() == ProposalState.EXPIRED ? " (re-price it first)" : ""));
        }
        Instant expires = clock.instant().plus(config.expiry());
        boolean moved = proposals.transition(id, ProposalState.PROPOSED, ProposalState.APPROVED, who,
                "approved by " + who.name() + "@" + who.host() + ", valid until " + expires, expires);
        return moved ? Outcome.ok("approved " + id + " (valid until " + expires + ")")
                : Outcome.refused("proposal " + id + " changed meanwhile; look again");
    }

    public Outcome reject(String id, Actor who, String reason) {
        Objects.requireNonNull(reason, "reason");
        Proposal p = proposals.find(id).orElse(null);
        if (p == null) {
            return Outcome.refused("no proposal " + id);
        }
        if (!p.state().canMoveTo(ProposalState.REJECTED)) {
            return Outcome.refused("proposal " + id + " is " + p.state() + " and cannot be rejected");
        }
        boolean moved = proposals.transition(id, p.state(), ProposalState.REJECTED, who,
                "rejected by " + who.name() + "@" + who.host() + ": " + reason, null);
        return moved ? Outcome.ok("rejected " + id) : Outcome.refused("proposal " + id + " changed meanwhile; look again");
    }

    /** Expires an approval (or a pending proposal) with a reason: time ran out or the market moved. */
    public boolean expire(Proposal p, Actor who, String reason) {
        return p.state().canMoveTo(ProposalState.EXPIRED)
                && proposals.transition(p.id(), p.state(), ProposalState.EXPIRED, who, reason, null);
    }

    /** Approvals whose time has run out become EXPIRED; returns how many. */
    public int expireDue(Actor who) {
        Instant now = clock.instant();
        int n = 0;
        for (Proposal p : proposals.inStates(ProposalState.APPROVED)) {
            if (p.approvalExpiresAt() != null && !now.isBefore(p.approvalExpiresAt())
                    && expire(p, who, "approval expired at " + p.approvalExpiresAt())) {
                n++;
            }
        }
        return n;
    }

    /** A re-priced EXPIRED proposal goes back to PROPOSED and needs a new approval. */
    public Outcome reprice(String id, List<ProposalLeg> repricedLegs, Actor who, String detail) {
        return proposals.reprice(id, repricedLegs, who, detail) ? Outcome.ok("re-priced " + id)
                : Outcome.refused("proposal " + id + " is not EXPIRED");
    }

    /** Whether the auto-within-limits policy may approve this proposal, and why not. */
    public Outcome autoApprovable(Proposal p) {
        if (config.policy() != ApprovalPolicy.AUTO_WITHIN_LIMITS) {
            return Outcome.refused("approval policy is manual");
        }
        if (!p.everyLegReducesRisk()) {
            return Outcome.refused("a leg adds risk: " + p.legs().stream().filter(l -> !l.intent().reducesRisk())
                    .map(l -> l.legId() + " " + l.intent()).toList());
        }
        if (p.maxPremiumPaid().compareTo(config.autoMaxPremiumUsd()) > 0) {
            return Outcome.refused("premium " + p.maxPremiumPaid().toPlainString() + " USD is over autoMaxPremiumUsd "
                    + config.autoMaxPremiumUsd().toPlainString());
        }
        return Outcome.ok("every leg reduces risk and the premium " + p.maxPremiumPaid().toPlainString()
                + " USD is within autoMaxPremiumUsd " + config.autoMaxPremiumUsd().toPlainString());
    }

    /** Applies the auto-within-limits policy to every PROPOSED proposal; returns how many it approved. */
    public int autoApprove(Actor auto) {
        if (config.policy() != ApprovalPolicy.AUTO_WITHIN_LIMITS) {
            return 0;
        }
        int n = 0;
        for (Proposal p : proposals.inStates(ProposalState.PROPOSED)) {
            Outcome verdict = autoApprovable(p);
            if (verdict.done()) {
                Instant expires = clock.instant().plus(config.expiry());
                if (proposals.transition(p.id(), ProposalState.PROPOSED, ProposalState.APPROVED, auto,
                        "auto-approved: " + verdict.message(), expires)) {
                    n++;
                }
            }
        }
        return n;
    }
}
