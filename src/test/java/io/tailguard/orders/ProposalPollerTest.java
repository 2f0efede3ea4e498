package io.tailguard.orders;

import static io.tailguard.orders.OrdersFixture.PUT_580;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProposalPollerTest {
    @Test
    void reconcilesOnTheFirstRunThenPollsAndSurvivesABrokerFailure() {
        try (OrdersFixture f = new OrdersFixture()) {
            f.broker.quote(PUT_580, 1.19, 1.21);
            Proposal p = f.approved(f.putProposal(1));
            OrderExecutionService service = f.service(Checkpoint.NONE);
            service.start();
            ProposalPoller poller = new ProposalPoller(service, f.clock, Duration.ofMinutes(5));
            poller.run();
            assertThat(f.broker.newOrdersFor(p.id() + "-L1")).isEqualTo(1);
            assertThat(f.stateOf(p)).isEqualTo(ProposalState.SUBMITTED);

            f.database.close(); // the database goes away: the run logs and returns, it does not throw
            poller.run();
        }
    }
}
