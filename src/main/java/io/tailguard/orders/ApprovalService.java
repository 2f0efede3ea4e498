package io.tailguard.orders;

import io.tailguard.domain.TraderTime;
import io.tailguard.orders.store.ProposalStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import io.tailguard.proposal.Proposal;
import io.tailguard.proposal.ProposalLeg;
import io.tailguard.proposal.ProposalState;

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

    /** Why a decision was not carried out. */
    public enum Refusal {
        /** No proposal has that id. */
        UNKNOWN_PROPOSAL,
        /** Its state does not allow it (approve what is not PROPOSED, reject what was approved, ...). */
        WRONG_STATE,
        /** A check denied the approval: the trading state, a risk limit, the price bounds. */
        CHECKS_DENIED,
        /** The proposal moved (another process decided) between our read and our write. */
        CHANGED_MEANWHILE,
        /** A cancel of it was already requested. */
        CANCEL_ALREADY_REQUESTED,
        /** The auto-approval policy does not cover it (manual policy, a leg adds risk, over its budget). */
        OUTSIDE_AUTO_POLICY
    }

    /** What a reject, cancel or re-price did: done, or refused. */
    public sealed interface Outcome permits Done, Refused {
        /** What happened, or why not, in one line for the trader. */
        String describe();
    }

    /** What an approval did: approved (from when, until when), or refused. */
    public sealed interface ApprovalOutcome permits Approved, Refused {
        /** What happened, or why not, in one line for the trader. */
        String describe();
    }

    /** Carried out; {@code message} says what happened, in the trader's words. */
    public record Done(String message) implements Outcome {
        public Done {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String describe() {
            return message;
        }
    }

    /**
     * Approved: the checks it passed, when the daemon works it ({@code workFrom}: now, or the next open when
     * the market is closed) and until when the approval holds.
     */
    public record Approved(String proposalId, ProposalChecks.Report checks, Instant workFrom, Instant validUntil)
            implements ApprovalOutcome {
        public Approved {
            Objects.requireNonNull(proposalId, "proposalId");
            Objects.requireNonNull(checks, "checks");
            Objects.requireNonNull(workFrom, "workFrom");
            Objects.requireNonNull(validUntil, "validUntil");
        }

        /** "approved P-... (valid until ...)", and when the daemon works it if the market is closed now. */
        @Override
        public String describe() {
            return "approved " + proposalId + " (valid until " + TraderTime.format(validUntil) + ")" + whenWorked();
        }

        String whenWorked() {
            return checks.market().isOpen() ? "" : "; the market is " + checks.market().describe()
                    + ", the daemon works it from " + TraderTime.format(workFrom);
        }
    }

    /**
     * Not carried out: why, in one line for the trader ({@code reason}), and the approval checks when they
     * were run (an approval the checks denied, or one that lost a race after they passed).
     */
    public record Refused(Refusal why, String reason, Optional<ProposalChecks.Report> checks)
            implements Outcome, ApprovalOutcome {
        public Refused {
            Objects.requireNonNull(why, "why");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(checks, "checks");
            if (why == Refusal.CHECKS_DENIED && checks.isEmpty()) {
                throw new IllegalArgumentException("a refusal by the checks carries them");
            }
        }

        Refused(Refusal why, String reason) {
            this(why, reason, Optional.empty());
        }

        @Override
        public String describe() {
            return reason;
        }
    }

    public ProposalChecks checks() {
        return checks;
    }

    public ApprovalOutcome approve(String id, Actor who) {
        Proposal p = proposals.find(id).orElse(null);
        if (p == null) {
            return new Refused(Refusal.UNKNOWN_PROPOSAL, "no proposal " + id);
        }
        if (p.state() != ProposalState.PROPOSED) {
            return new Refused(Refusal.WRONG_STATE, "proposal " + id + " is " + p.state()
                    + ", only a PROPOSED proposal can be approved"
                    + (p.state() == ProposalState.EXPIRED ? " (re-price it first)" : ""));
        }
        ProposalChecks.Report report = checks.run(p);
        if (!report.denials().isEmpty()) {
            return new Refused(Refusal.CHECKS_DENIED, "proposal " + id + " cannot be approved: "
                    + ProposalChecks.Report.describe(report.denials()), Optional.of(report));
        }
        Instant workFrom = report.market().workFrom(clock.instant());
        Approved approved = new Approved(id, report, workFrom, workFrom.plus(config.expiry()));
        boolean moved = proposals.transition(id, ProposalState.PROPOSED, ProposalState.APPROVED, who,
                "approved by " + who.name() + "@" + who.host() + ", valid until "
                        + TraderTime.format(approved.validUntil()) + approved.whenWorked(), approved.validUntil());
        return moved ? approved : new Refused(Refusal.CHANGED_MEANWHILE, "proposal " + id
                + " changed meanwhile; look again", Optional.of(report));
    }

    public Outcome reject(String id, Actor who, String reason) {
        Objects.requireNonNull(reason, "reason");
        Proposal p = proposals.find(id).orElse(null);
        if (p == null) {
            return new Refused(Refusal.UNKNOWN_PROPOSAL, "no proposal " + id);
        }
        if (!p.state().canMoveTo(ProposalState.REJECTED)) {
            boolean live = p.state() == ProposalState.APPROVED || p.state() == ProposalState.SUBMITTED;
            return new Refused(Refusal.WRONG_STATE, "proposal " + id + " is " + p.state() + " and cannot be rejected"
                    + (live ? "; withdraw it with: tailguard cancel " + id + " --reason \"...\"" : ""));
        }
        boolean moved = proposals.transition(id, p.state(), ProposalState.REJECTED, who,
                "rejected by " + who.name() + "@" + who.host() + ": " + reason, null);
        return moved ? new Done("rejected " + id) : changedMeanwhile(id);
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
                return new Refused(Refusal.UNKNOWN_PROPOSAL, "no proposal " + id);
            }
            switch (p.state()) {
                case PROPOSED -> {
                    return new Refused(Refusal.WRONG_STATE, "proposal " + id + " is PROPOSED and nothing was sent: "
                            + "reject it with: tailguard reject " + id + " --reason \"...\"");
                }
                case APPROVED -> {
                    if (proposals.cancelBeforeSending(id, request)) {
                        return new Done("cancelled " + id + ": nothing had been sent");
                    }
                }
                case SUBMITTED -> {
                    Optional<CancelRequest> earlier = proposals.cancelRequest(id);
                    if (earlier.isPresent()) {
                        return new Refused(Refusal.CANCEL_ALREADY_REQUESTED, "a cancel of " + id
                                + " was already requested by " + earlier.get().describe());
                    }
                    if (proposals.requestCancel(id, request)) {
                        return new Done("cancel of " + id + " requested: the daemon cancels its working orders "
                                + "and sends nothing more (see tailguard proposal " + id + ")");
                    }
                }
                default -> {
                    return new Refused(Refusal.WRONG_STATE, "proposal " + id + " is " + p.state()
                            + ": nothing is working");
                }
            }
        }
        return changedMeanwhile(id);
    }

    private static Refused changedMeanwhile(String id) {
        return new Refused(Refusal.CHANGED_MEANWHILE, "proposal " + id + " changed meanwhile; look again");
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
                    && expire(p, who, "approval expired at " + TraderTime.format(p.approvalExpiresAt()))) {
                n++;
            }
        }
        return n;
    }

    /** A re-priced EXPIRED proposal goes back to PROPOSED and needs a new approval. */
    public Outcome reprice(String id, List<ProposalLeg> repricedLegs, Actor who, String detail) {
        return proposals.reprice(id, repricedLegs, who, detail) ? new Done("re-priced " + id)
                : new Refused(Refusal.WRONG_STATE, "proposal " + id + " is not EXPIRED");
    }

    /** Whether the auto-within-limits policy may approve this proposal ({@link Done} says why), and why not. */
    public Outcome autoApprovable(Proposal p) {
        if (config.policy() != ApprovalPolicy.AUTO_WITHIN_LIMITS) {
            return new Refused(Refusal.OUTSIDE_AUTO_POLICY, "approval policy is manual");
        }
        if (!p.everyLegReducesRisk()) {
            return new Refused(Refusal.OUTSIDE_AUTO_POLICY, "a leg adds risk: " + p.legs().stream()
                    .filter(l -> !l.intent().reducesRisk()).map(l -> l.legId() + " " + l.intent()).toList());
        }
        if (p.maxPremiumPaid().compareTo(config.autoMaxPremiumUsd()) > 0) {
            return new Refused(Refusal.OUTSIDE_AUTO_POLICY, "premium " + p.maxPremiumPaid().toPlainString()
                    + " USD is over autoMaxPremiumUsd " + config.autoMaxPremiumUsd().toPlainString());
        }
        return new Done("every leg reduces risk and the premium " + p.maxPremiumPaid().toPlainString()
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
            if (!(autoApprovable(p) instanceof Done verdict)) {
                continue;
            }
            ProposalChecks.Report report = checks.run(p);
            if (!report.denials().isEmpty()) {
                proposals.noteOnce(p.id(), auto, ProposalEventType.AUTO_APPROVAL_DENIED,
                        ProposalChecks.Report.describe(report.denials()));
                continue;
            }
            Instant expires = report.market().workFrom(clock.instant()).plus(config.expiry());
            if (proposals.transition(p.id(), ProposalState.PROPOSED, ProposalState.APPROVED, auto,
                    "auto-approved: " + verdict.message() + "; valid until " + TraderTime.format(expires), expires)) {
                n++;
            }
        }
        return n;
    }
}
