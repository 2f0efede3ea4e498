package io.tailguard.orders;

import io.tailguard.orders.store.BrokerOrder;
import io.tailguard.orders.store.OrderStore;
import io.tailguard.orders.store.ProposalStore;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A SUBMITTED proposal is DONE when every one of its legs has an order in a final state. */
final class ProposalCompletion {
    private ProposalCompletion() {
    }

    static boolean closeIfDone(String proposalId, ProposalStore proposals, OrderStore orders, Actor who) {
        Proposal p = proposals.find(proposalId).orElse(null);
        if (p == null || p.state() != ProposalState.SUBMITTED) {
            return false;
        }
        Map<String, BrokerOrder> byLeg = orders.byProposal(proposalId).stream()
                .collect(Collectors.toMap(BrokerOrder::legId, Function.identity()));
        List<ProposalLeg> legs = p.legs();
        boolean done = legs.stream().allMatch(l -> byLeg.containsKey(l.legId()) && byLeg.get(l.legId()).state().isFinal());
        if (!done) {
            return false;
        }
        String summary = legs.stream().map(l -> {
            BrokerOrder o = byLeg.get(l.legId());
            return l.legId() + " " + o.state() + " " + o.filledQty().toPlainString() + "/" + o.quantity().toPlainString()
                    + (o.avgPrice() == null ? "" : " @ " + o.avgPrice().toPlainString());
        }).collect(Collectors.joining("; "));
        return proposals.transition(proposalId, ProposalState.SUBMITTED, ProposalState.DONE, who, summary, null);
    }
}
