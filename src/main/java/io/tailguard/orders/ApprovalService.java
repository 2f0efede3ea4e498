package io.tailguard.orders;

import io.tailguard.app.config.ApprovalConfig;
import io.tailguard.app.config.ApprovalPolicy;
import io.tailguard.orders.store.ProposalStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decisions on proposals: approve, reject, cancel, expire, re-price, and the auto-within-limits policy.
 * The console, the daemon and any other desk call this; the rules live here and nowhere else. An approval
 * passes the {@link ProposalChecks} first (trading state, risk limits, price bounds): the trader can change
 * the proposal, not overrule a limit. An approval outside the market's session is valid from the next
 * open, when the daemon will work it, for {@code approval.expiry}.
 */
public final class ApprovalService {
    private final ProposalStore proposals;
    private final ProposalChecks checks;
    private final ApprovalConfig config;
    private final Clock clock;

    public ApprovalService(ProposalStore proposals, ProposalChecks checks, ApprovalConfig config, Clock clock) {
        this.proposals = Objects.requireNonNull(proposals, "proposals");
        this.checks = Objects.requireNonNull(checks, "checks");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The result of a decision: done, or why not (unknown id, wrong state, lost a race, a check denied it).
     * {@code checks} is what the approval looked at (null for other decisions); {@code validUntil} is set
     * when an approval was recorded.
     */
    public record Outcome(boolean done, String message, ProposalChecks.Report checks, Instant validUntil) {
        public Outcome {
            Objects.requireNonNull(message, "message");
        }

        static Outcome ok(String message) {
            return new Outcome(true, message, null, null);
        }

        static Outcome refused(String message) {
            return new Outcome(false, message, null, null);
        }
    }

    public ProposalChecks checks() {
        return checks;
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
        ProposalChecks.Report report = checks.run(p);
        if (!report.denials().isEmpty()) {
            return new Outcome(false, "proposal " + id + " cannot be approved: "
                    + ProposalChecks.Report.describe(report.denials()), report, null);
        }
        Instant now = clock.instant();
        Instant workFrom = report.market().workFrom(now);
        Instant expires = workFrom.plus(config.expiry());
        String when = report.market().isOpen() ? "" : "; the market is " + report.market().describe()
                + ", the daemon works it from " + NewYorkTime.format(workFrom);
        boolean moved = proposals.transition(id, ProposalState.PROPOSED, ProposalState.APPROVED, who,
                "approved by " + who.name() + "@" + who.host() + ", valid until " + NewYorkTime.format(expires) + when,
                expires);
        return moved ? new Outcome(true, "approved " + id + " (valid until " + NewYorkTime.format(expires) + ")" + when,
                report, expires) : new Outcome(false, "proposal " + id + " changed meanwhile; look again", report, null);
    }

    public Outcome reject(String id, Actor who, String reason) {
        Objects.requireNonNull(reason, "reason");
        Proposal p = proposals.find(id).orElse(null);
        if (p == null) {
            return Outcome.refused("no proposal " + id);
        }
        if (!p.state().canMoveTo(ProposalState.REJECTED)) {
            boolean live = p.state() == ProposalState.APPROVED || p.state() == ProposalState.SUBMITTED;
            return Outcome.refused("proposal " + id + " is " + p.state() + " and cannot be rejected"
                    + (live ? "; withdraw it with: tailguard cancel " + id + " --reason \"...\"" : ""));
        }
        boolean moved = proposals.transition(id, p.state(), ProposalState.REJECTED, who,
                "rejected by " + who.name() + "@" + who.host() + ": " + reason, null);
        return moved ? Outcome.ok("rejected " + id) : Outcome.refused("proposal " + id + " changed meanwhile; look again");
    }

    /**
     * Withdraws an approved or working proposal. APPROVED (nothing sent): CANCELLED at once. SUBMITTED: the
     * request is stored and the daemon's order loop cancels the working orders; a leg not yet sent is never
     * sent, what filled stays filled. The request is in the database before anyone acts on it, so neither
     * process can lose it in a crash.
     */
    public Outcome cancel(String id, Actor who, String reason) {
        Objects.requireNonNull(reason, "reason");
        CancelRequest request = new CancelRequest(clock.instant(), who, reason);
        // two tries: the daemon may move an APPROVED proposal to SUBMITTED between our read and our write
        for (int attempt = 0; attempt < 2; attempt++) {
            Proposal p = proposals.find(id).orElse(null);
            if (p == null) {
                return Outcome.refused("no proposal " + id);
            }
            switch (p.state()) {
                case PROPOSED -> {
                    return Outcome.refused("proposal " + id + " is PROPOSED and nothing was sent: reject it with: "
                            + "tailguard reject " + id + " --reason \"...\"");
                }
                case APPROVED -> {
                    if (proposals.cancelBeforeSending(id, request)) {
                        return Outcome.ok("cancelled " + id + ": nothing had been sent");
                    }
                }
                case SUBMITTED -> {
                    Optional<CancelRequest> earlier = proposals.cancelRequest(id);
                    if (earlier.isPresent()) {
                        return Outcome.refused("a cancel of " + id + " was already requested by "
                                + earlier.get().describe());
                    }
                    if (proposals.requestCancel(id, request)) {
                        return Outcome.ok("cancel of " + id + " requested: the daemon cancels its working orders "
                                + "and sends nothing more (see tailguard proposal " + id + ")");
                    }
                }
                default -> {
                    return Outcome.refused("proposal " + id + " is " + p.state() + ": nothing is working");
                }
            }
        }
        return Outcome.refused("proposal " + id + " changed meanwhile; look again");
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
                    && expire(p, who, "approval expired at " + NewYorkTime.format(p.approvalExpiresAt()))) {
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

    /**
     * Applies the auto-within-limits policy to every PROPOSED proposal: the same checks as a trader's
     * approval, then the policy's own. Returns how many it approved; a proposal the checks deny stays
     * PROPOSED, with the refusal stored once.
     */
    public int autoApprove(Actor auto) {
        if (config.policy() != ApprovalPolicy.AUTO_WITHIN_LIMITS) {
            return 0;
        }
        int n = 0;
        for (Proposal p : proposals.inStates(ProposalState.PROPOSED)) {
            Outcome verdict = autoApprovable(p);
            if (!verdict.done()) {
                continue;
            }
            ProposalChecks.Report report = checks.run(p);
            if (!report.denials().isEmpty()) {
                noteOnce(p.id(), auto, "AUTO_APPROVAL_DENIED", ProposalChecks.Report.describe(report.denials()));
                continue;
            }
            Instant expires = report.market().workFrom(clock.instant()).plus(config.expiry());
            if (proposals.transition(p.id(), ProposalState.PROPOSED, ProposalState.APPROVED, auto,
                    "auto-approved: " + verdict.message() + "; valid until " + NewYorkTime.format(expires), expires)) {
                n++;
            }
        }
        return n;
    }

    private void noteOnce(String id, Actor who, String type, String detail) {
        Optional<ProposalStore.Event> last = proposals.lastEvent(id);
        if (last.isEmpty() || !last.get().type().equals(type) || !detail.equals(last.get().detail())) {
            proposals.note(id, who, type, detail);
        }
    }
}
