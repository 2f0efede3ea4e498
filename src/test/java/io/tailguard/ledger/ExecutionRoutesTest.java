package io.tailguard.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A finished proposal goes to its strategy's booking, and nowhere else; a strategy without a route books nothing. */
class ExecutionRoutesTest {
    /** A booking that records what it was handed and says it booked proposals named "booked-…". */
    private static final class Recording implements ExecutedProposals {
        final List<String> handed = new ArrayList<>();

        @Override
        public ExecutionBooking book(ExecutedProposal executed) {
            handed.add(executed.proposalId());
            return new ExecutionBooking.AddedToCycle("C-" + executed.strategy(), 0);
        }

        @Override
        public boolean booked(String proposalId) {
            return proposalId.startsWith("booked-");
        }
    }

    @Test
    void eachProposalGoesToItsStrategysBookingOnly() {
        Recording weekly = new Recording();
        Recording portfolio = new Recording();
        ExecutionRoutes routes = new ExecutionRoutes(Map.of("weekly-xsp-hedge", weekly, "hedged-portfolio", portfolio));

        assertThat(routes.book(new ExecutedProposal("H1", "weekly-xsp-hedge", List.of())))
                .isEqualTo(new ExecutionBooking.AddedToCycle("C-weekly-xsp-hedge", 0));
        assertThat(routes.book(new ExecutedProposal("P1", "hedged-portfolio", List.of())))
                .isEqualTo(new ExecutionBooking.AddedToCycle("C-hedged-portfolio", 0));
        assertThat(weekly.handed).containsExactly("H1");
        assertThat(portfolio.handed).containsExactly("P1");
        assertThat(routes.routes("weekly-xsp-hedge")).isTrue();
        assertThat(routes.booked("booked-H0")).isTrue();
        assertThat(routes.booked("H1")).isFalse();
    }

    @Test
    void aStrategyWithoutARouteBooksNothing() {
        Recording weekly = new Recording();
        ExecutionRoutes routes = new ExecutionRoutes(Map.of("weekly-xsp-hedge", weekly));

        assertThat(routes.routes("manual")).isFalse();
        assertThat(routes.book(new ExecutedProposal("M1", "manual", List.of())))
                .isEqualTo(new ExecutionBooking.NotBooked("no ledger route for strategy 'manual'"));
        assertThat(weekly.handed).isEmpty();
        assertThat(ExecutionRoutes.none().routes("weekly-xsp-hedge")).isFalse();
    }
}
