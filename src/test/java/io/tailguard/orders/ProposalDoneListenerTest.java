package io.tailguard.orders;

import static io.tailguard.orders.OrdersFixture.PUT_580;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import io.tailguard.proposal.Proposal;
import io.tailguard.proposal.ProposalState;

/** The DONE hook: the ledger learns of each proposal the order side finishes, once, and of nothing else. */
class ProposalDoneListenerTest {
    private final OrdersFixture f = new OrdersFixture();
    private final List<Proposal> announced = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        f.close();
    }

    private OrderExecutionService started(ProposalDoneListener listener) {
        OrderExecutionService s = f.service(Checkpoint.NONE, listener);
        s.start();
        return s;
    }

    /** Approves a two-contract put purchase and lets the service transmit it and the broker acknowledge it. */
    private Proposal working(OrderExecutionService s) {
        f.broker.quote(PUT_580, 1.10, 1.23);
        Proposal p = f.approved(f.putProposal(2));
        s.poll();
        f.broker.deliver();
        return p;
    }

    @Test
    void aFilledProposalIsAnnouncedOnceInStateDone() {
        OrderExecutionService s = started(announced::add);
        Proposal p = working(s);
        assertThat(announced).as("nothing is announced while the order works").isEmpty();

        f.broker.quote(PUT_580, 1.10, 1.16);
        f.broker.match();
        f.broker.deliver();
        s.poll();
        s.reconcile();
        f.broker.deliver();

        assertThat(f.stateOf(p)).isEqualTo(ProposalState.DONE);
        assertThat(announced).singleElement().satisfies(done -> {
            assertThat(done.id()).isEqualTo(p.id());
            assertThat(done.state()).isEqualTo(ProposalState.DONE);
            assertThat(done.strategy()).isEqualTo(p.strategy());
        });
    }

    @Test
    void aProposalTheTraderCancelledIsNotAnnounced() {
        OrderExecutionService s = started(announced::add);
        Proposal p = working(s);

        f.proposals.requestCancel(p.id(), new CancelRequest(f.clock.instant(), new Actor("trader", "desk"),
                "changed my mind"));
        s.poll();
        f.broker.deliver();
        s.poll();

        assertThat(f.stateOf(p)).isEqualTo(ProposalState.CANCELLED);
        assertThat(announced).isEmpty();
    }

    @Test
    void aListenerThatFailsLeavesTheProposalDoneAndTheServiceWorking() {
        OrderExecutionService s = started(done -> {
            throw new IllegalStateException("the ledger is down");
        });
        Proposal p = working(s);
        f.broker.quote(PUT_580, 1.10, 1.16);
        f.broker.match();
        f.broker.deliver();

        assertThat(f.stateOf(p)).isEqualTo(ProposalState.DONE);
        Proposal next = f.approved(f.putProposal(1));
        s.poll();
        assertThat(f.orders.byLeg(next.id() + "-L1")).as("the next approval is still transmitted").isPresent();
    }
}
