package io.tailguard.orders;

import io.tailguard.orders.store.ProposalStore;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the daemon records about a proposal it cannot move on: a gate refusal, a hold until the market opens,
 * an error. Each is stored (and logged at WARN) once per distinct reason, not once per poll: a problem that
 * lasts is one event, not one every two seconds.
 */
final class ProposalNotes {
    private static final Logger log = LoggerFactory.getLogger(ProposalNotes.class);

    private final ProposalStore proposals;
    private final Actor daemon;

    ProposalNotes(ProposalStore proposals, Actor daemon) {
        this.proposals = proposals;
        this.daemon = daemon;
    }

    /** Stores the event unless the proposal's last event is the same; true when it was stored. */
    boolean once(String proposalId, ProposalEventType type, String detail) {
        return proposals.noteOnce(proposalId, daemon, type, detail);
    }

    void denials(String proposalId, List<GateDecision.Denied> denials) {
        String detail = GateDecision.describe(denials);
        ProposalEventType type = denials.stream().allMatch(d -> d.gate() == Gate.DRY_RUN) ? ProposalEventType.DRY_RUN
                : ProposalEventType.GATE_DENIED;
        if (once(proposalId, type, detail)) {
            log.warn("proposal {} not transmitted: {}", proposalId, detail);
        }
    }

    /** Runs one proposal's work; an exception is recorded (once while it repeats) and does not stop the rest. */
    void guarded(String proposalId, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            try {
                if (once(proposalId, ProposalEventType.ERROR, e.toString())) {
                    log.error("proposal {}: {}", proposalId, e.toString());
                } else {
                    log.debug("proposal {} (again): {}", proposalId, e.toString());
                }
            } catch (RuntimeException again) {
                log.error("proposal {}: {}; cannot record it: {}", proposalId, e.toString(), again.toString());
            }
        }
    }
}
