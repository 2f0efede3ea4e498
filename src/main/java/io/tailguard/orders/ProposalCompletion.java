package io.tailguard.orders;

import io.tailguard.orders.store.BrokerOrder;
import io.tailguard.orders.store.OrderStore;
import io.tailguard.orders.store.ProposalStore;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.tailguard.proposal.Proposal;
import io.tailguard.proposal.ProposalLeg;
import io.tailguard.proposal.ProposalState;

/**
 * A SUBMITTED proposal is finished when every one of its legs has an order in a final state or ended
 * without one: DONE, or CANCELLED when the trader asked for the cancel. The summary says for each leg how
 * it ended and why ("L1 CANCELLED 0/1 (working window over: ...)"). A proposal that reached DONE here is
 * announced to the {@link ProposalDoneListener} (the ledger books what it traded).
 */
final class ProposalCompletion {
    private static final Logger log = LoggerFactory.getLogger(ProposalCompletion.class);

    private ProposalCompletion() {
    }

    static boolean closeIfDone(String proposalId, ProposalStore proposals, OrderStore orders, Actor who,
            ProposalDoneListener onDone) {
        Proposal p = proposals.find(proposalId).orElse(null);
        if (p == null || p.state() != ProposalState.SUBMITTED) {
            return false;
        }
        Map<String, BrokerOrder> byLeg = orders.byProposal(proposalId).stream()
                .collect(Collectors.toMap(BrokerOrder::legId, Function.identity()));
        Map<String, ProposalStore.LegEnd> unsent = proposals.legEnds(proposalId);
        List<ProposalLeg> legs = p.legs();
        boolean done = legs.stream().allMatch(l -> byLeg.containsKey(l.legId())
                ? byLeg.get(l.legId()).state().isFinal() : unsent.containsKey(l.legId()));
        if (!done) {
            return false;
        }
        String summary = legs.stream().map(l -> {
            BrokerOrder o = byLeg.get(l.legId());
            if (o == null) {
                return l.legId() + " not sent (" + unsent.get(l.legId()).describe() + ")";
            }
            return l.legId() + " " + o.state() + " " + o.filledQty().toPlainString() + "/" + o.quantity().toPlainString()
                    + (o.avgPrice() == null ? "" : " @ " + o.avgPrice().toPlainString())
                    + (o.endReason() == null || o.endReason() == OrderEnd.FILLED ? "" : " (" + o.describeEnd() + ")");
        }).collect(Collectors.joining("; "));
        ProposalState target = proposals.cancelRequest(proposalId).isPresent() ? ProposalState.CANCELLED
                : ProposalState.DONE;
        boolean closed = proposals.transition(proposalId, ProposalState.SUBMITTED, target, who, summary, null);
        if (closed && target == ProposalState.DONE) {
            try {
                onDone.done(p.withState(ProposalState.DONE, null));
            } catch (RuntimeException e) {
                log.error("proposal {} is DONE; telling its listener failed: {}", proposalId, e.toString(), e);
            }
        }
        return closed;
    }
}
