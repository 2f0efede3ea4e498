package io.tailguard.app;

import io.tailguard.domain.OrderSide;
import io.tailguard.ledger.BrokerFill;
import io.tailguard.ledger.ExecutedProposal;
import io.tailguard.ledger.Instrument;
import io.tailguard.ledger.ProposalFills;
import io.tailguard.orders.OrderState;
import io.tailguard.proposal.Proposal;
import io.tailguard.proposal.ProposalLeg;
import io.tailguard.orders.store.BrokerOrder;
import io.tailguard.orders.store.OrderStore;
import io.tailguard.orders.store.ProposalStore;
import io.tailguard.orders.store.StoredExecution;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The ledger's {@link ProposalFills} over the orders layer's stores: each stored execution of a proposal's
 * orders, with its commission (null until reported), as a {@link BrokerFill} of the leg's contract. The one
 * place that knows both the orders' records and the ledger's input.
 */
public final class OrderFills implements ProposalFills {
    private final ProposalStore proposals;
    private final OrderStore orders;

    public OrderFills(ProposalStore proposals, OrderStore orders) {
        this.proposals = proposals;
        this.orders = orders;
    }

    @Override
    public List<BrokerFill> of(String proposalId) {
        return proposals.find(proposalId).map(this::fillsOf).orElse(List.of());
    }

    /**
     * The proposal as the ledger receives it when it is DONE; empty while an order the broker reported FILLED
     * still misses some of its executions (an order status may run ahead of the execution reports, and the
     * cycle's expiry and start are taken from the fills).
     */
    Optional<ExecutedProposal> executed(Proposal p) {
        boolean allIn = orders.byProposal(p.id()).stream()
                .noneMatch(o -> o.state() == OrderState.FILLED && !o.isFullyFilled());
        return allIn ? Optional.of(new ExecutedProposal(p.id(), p.strategy(), fillsOf(p))) : Optional.empty();
    }

    private List<BrokerFill> fillsOf(Proposal p) {
        List<BrokerFill> fills = new ArrayList<>();
        for (BrokerOrder o : orders.byProposal(p.id())) {
            ProposalLeg leg = p.leg(o.legId());
            Instrument instrument = Instrument.of(leg.contract());
            for (StoredExecution e : orders.executions(o.orderId())) {
                fills.add(new BrokerFill(e.execId(), e.execIdBase(), e.orderRef(), instrument, OrderSide.valueOf(e.side()),
                        e.shares(), e.price(), e.executedAt(), e.commission()));
            }
        }
        fills.sort(Comparator.comparing(BrokerFill::executedAt).thenComparing(BrokerFill::execIdBase));
        return fills;
    }
}
