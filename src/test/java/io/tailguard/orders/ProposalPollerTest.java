package io.tailguard.orders;

import static io.tailguard.orders.OrdersFixture.PUT_580;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import io.tailguard.proposal.Proposal;
import io.tailguard.proposal.ProposalState;

/**
 * The daemon's order loop, one run at a time on the fixture's clock: what it asks the broker (the fake
 * route counts REQ_ALL_OPEN_ORDERS, the first request of every reconciliation) and what it sends.
 */
class ProposalPollerTest {
    private static final Duration RECONCILE_EVERY = Duration.ofMinutes(5);

    private final OrdersFixture f = new OrdersFixture();
    private final ProposalPoller poller = new ProposalPoller(f.service(Checkpoint.NONE), f.clock, RECONCILE_EVERY);

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void theFirstRunReconcilesWithTheBrokerAndThenSendsWhatWasApproved() {
        f.broker.quote(PUT_580, 1.19, 1.21);
        Proposal p = f.approved(f.putProposal(1));

        poller.run();

        assertThat(f.broker.openOrderRequests()).as("reconciliations").isEqualTo(1);
        assertThat(f.broker.newOrdersFor(p.id() + "-L1")).isEqualTo(1);
        assertThat(f.stateOf(p)).isEqualTo(ProposalState.SUBMITTED);
    }

    @Test
    void itReconcilesAgainOnlyOnceTheIntervalHasPassedButPollsOnEveryRun() {
        poller.run();
        f.clock.advance(RECONCILE_EVERY.minusSeconds(1));
        f.broker.quote(PUT_580, 1.19, 1.21);
        Proposal second = f.approved(f.putProposal(1));

        poller.run();

        assertThat(f.broker.openOrderRequests()).as("reconciliations within the interval").isEqualTo(1);
        assertThat(f.stateOf(second)).as("polled all the same").isEqualTo(ProposalState.SUBMITTED);

        f.clock.advance(Duration.ofSeconds(1));
        poller.run();
        assertThat(f.broker.openOrderRequests()).as("reconciliations once the interval is over").isEqualTo(2);
    }

    @Test
    void aReconnectMakesTheNextRunReconcileAtOnce() {
        poller.run();

        poller.reconnected();
        poller.run();

        assertThat(f.broker.openOrderRequests()).isEqualTo(2);
    }

    @Test
    void aRunWhoseBrokerFailsReturnsSendsNothingAndTheNextRunReconcilesBeforeSending() {
        f.broker.quote(PUT_580, 1.19, 1.21);
        Proposal p = f.approved(f.putProposal(1));
        f.broker.failReports(true);

        assertThatCode(poller::run).as("a run never throws: a scheduled task that throws never runs again")
                .doesNotThrowAnyException();
        assertThat(f.broker.openOrderRequests()).isEqualTo(1);
        assertThat(f.broker.places()).as("nothing is sent before the broker said what it holds").isZero();
        assertThat(f.stateOf(p)).isEqualTo(ProposalState.APPROVED);

        f.broker.failReports(false);
        poller.run(); // same instant: the failed reconciliation is not counted as done

        assertThat(f.broker.openOrderRequests()).isEqualTo(2);
        assertThat(f.broker.newOrdersFor(p.id() + "-L1")).isEqualTo(1);
        assertThat(f.stateOf(p)).isEqualTo(ProposalState.SUBMITTED);
    }
}
